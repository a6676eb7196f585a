package dev.herald.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Realistic synthetic reports for indexing, benchmarks and load tests: units, channels, titles and tags from
 * the seed vocabulary, bodies from a character n-gram model of the real reports, dates over 2015–2026.
 *
 * <p>The n-th report of a seed is always the same, whatever was generated before it on whichever thread,
 * because it is made from a random source of its own; so {@link #stream} may be consumed in parallel.
 * Report ids are {@code gen-<seed>-<n>}, counting from 1.
 */
public final class ReportGenerator {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);
    private static final int DAYS = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
    private static final String EPIDEMIC_TAG = "抗击疫情";

    private final long seed;
    private final Seed data;
    private final Bodies bodies;
    private long generated;

    public ReportGenerator(long seed) {
        this.seed = seed;
        this.data = Seed.get();
        this.bodies = new Bodies(data.model());
    }

    /** The next report of this generator's sequence. */
    public GeneratedReport next() {
        return report(++generated);
    }

    /** The next {@code n} reports of the sequence, in order; made lazily, so the stream may run in parallel. */
    public Stream<GeneratedReport> stream(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        long first = generated + 1;
        generated += n;
        return LongStream.range(first, first + n).mapToObj(this::report);
    }

    private GeneratedReport report(long n) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        Unit unit = Cast.pick(random, data.units());
        String channel = Cast.pick(random, unit.kind().channels());
        LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
        Instant publishedAt = LocalDateTime.of(day, LocalTime.of(8 + random.nextInt(13), random.nextInt(60)))
                .atZone(BEIJING).toInstant();
        Cast cast = new Cast(random, unit, data.vocabulary(), day);
        Year year = Year.of(day.getYear());
        String title = data.titles().title(random, channel, cast, year);
        String subtitle = data.titles().subtitle(random, cast, year);
        String body = bodies.body(random, cast);
        String author = random.nextBoolean() ? Cast.pick(random, data.vocabulary().of("departments")) : cast.person(1);
        String contributor = random.nextInt(5) < 3 ? unit.institution() + " " + cast.person(2) : null;
        return new GeneratedReport("gen-" + seed + "-" + n, unit.name(), channel, title, subtitle, body,
                author, contributor, tags(random, unit.kind(), year), publishedAt);
    }

    private List<String> tags(SplittableRandom random, UnitKind kind, Year year) {
        List<String> suited = data.vocabulary().of("tags", kind);
        List<String> tags = new ArrayList<>(3);
        if (year.getValue() >= 2020 && year.getValue() <= 2022 && random.nextBoolean()) {
            tags.add(EPIDEMIC_TAG);
        }
        int wanted = 1 + random.nextInt(3);
        while (tags.size() < wanted) {
            String tag = Cast.pick(random, suited);
            if (!tags.contains(tag) && !tag.equals(EPIDEMIC_TAG)) {
                tags.add(tag);
            }
        }
        return tags;
    }
}
