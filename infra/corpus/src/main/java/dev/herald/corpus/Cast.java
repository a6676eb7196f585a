package dev.herald.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The people, places and organisations one report is about. A report keeps to a few of each, so its
 * names recur the way they do in a real report, and its dates fall in the weeks before it was published.
 */
final class Cast implements TextModel.SlotFiller {

    private static final int PEOPLE = 4;

    private final SplittableRandom random;
    private final Unit unit;
    private final String[] people;
    private final String place;
    private final String[] organisations;
    private final String company;
    private final LocalDate published;
    private final List<String> allPlaces;

    Cast(SplittableRandom random, Unit unit, Vocabulary vocabulary, LocalDate published) {
        this.random = random;
        this.unit = unit;
        this.published = published;
        this.people = distinct(random, vocabulary.of("people"), PEOPLE);
        this.allPlaces = vocabulary.of("places");
        // most reports stay in their own city
        this.place = random.nextInt(10) < 7 ? unit.city() : pick(random, allPlaces);
        this.organisations = distinct(random, vocabulary.of("organisations"), 2);
        this.company = pick(random, vocabulary.of("companies"));
    }

    Unit unit() {
        return unit;
    }

    String person(int index) {
        return people[index % people.length];
    }

    String place() {
        return place;
    }

    @Override
    public String fill(Slot slot) {
        return switch (slot) {
            case UNIT -> unit.institution();
            case PERSON -> people[random.nextInt(people.length)];
            case PLACE -> random.nextInt(4) == 0 ? pick(random, allPlaces) : place;
            case ORG -> organisations[random.nextInt(organisations.length)];
            case COMPANY -> company;
            case DATE -> {
                LocalDate day = published.minusDays(1 + random.nextInt(30));
                yield day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
            }
        };
    }

    static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String[] distinct(SplittableRandom random, List<String> from, int count) {
        String[] chosen = new String[Math.min(count, from.size())];
        int filled = 0;
        while (filled < chosen.length) {
            String candidate = pick(random, from);
            boolean seen = false;
            for (int i = 0; i < filled; i++) {
                seen |= chosen[i].equals(candidate);
            }
            if (!seen) {
                chosen[filled++] = candidate;
            }
        }
        return chosen;
    }
}
