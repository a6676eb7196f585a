package dev.herald.corpus;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Titles and subtitles from the seed templates (seed/titles.txt), filled with the report's cast. */
final class Titles {

    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");
    private static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final List<String> general;
    private final Map<String, List<String>> byChannel;
    private final Vocabulary vocabulary;

    private Titles(List<String> general, Map<String, List<String>> byChannel, Vocabulary vocabulary) {
        this.general = general;
        this.byChannel = byChannel;
        this.vocabulary = vocabulary;
    }

    static Titles load(Vocabulary vocabulary) {
        List<String> general = new ArrayList<>();
        Map<String, List<String>> byChannel = new HashMap<>();
        for (String line : Resources.dataLines("seed/titles.txt")) {
            String[] parts = line.split("\t");
            if (parts[0].equals("*")) {
                general.add(parts[1]);
            } else {
                byChannel.computeIfAbsent(parts[0], channel -> new ArrayList<>()).add(parts[1]);
            }
        }
        return new Titles(List.copyOf(general), Map.copyOf(byChannel), vocabulary);
    }

    String title(SplittableRandom random, String channel, Cast cast, Year year) {
        List<String> own = byChannel.getOrDefault(channel, List.of());
        // a channel's own templates are few, so they are drawn often enough to give the channel its colour
        String template = !own.isEmpty() && random.nextInt(2) == 0
                ? Cast.pick(random, own) : Cast.pick(random, general);
        return fill(template, random, cast, year);
    }

    /** Most reports have no subtitle; those that do name the unit and what the report records. */
    String subtitle(SplittableRandom random, Cast cast, Year year) {
        if (random.nextInt(5) != 0) {
            return null;
        }
        return fill(random.nextBoolean() ? "——{unit}{topic}工作纪实" : "——{unit}开展{activity}侧记", random, cast, year);
    }

    private String fill(String template, SplittableRandom random, Cast cast, Year year) {
        UnitKind kind = cast.unit().kind();
        Matcher slot = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 16);
        while (slot.find()) {
            String value = switch (slot.group(1)) {
                case "unit" -> cast.unit().institution();
                case "place" -> cast.place();
                case "person" -> cast.person(0);
                case "topic" -> Cast.pick(random, vocabulary.of("topics", kind));
                case "activity" -> Cast.pick(random, vocabulary.of("activities", kind));
                case "slogan" -> Cast.pick(random, vocabulary.of("slogans", kind));
                case "year" -> Integer.toString(year.getValue());
                case "ordinal" -> ORDINALS[random.nextInt(ORDINALS.length)];
                default -> throw new IllegalStateException("unknown title slot in " + template);
            };
            slot.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return slot.appendTail(out).toString();
    }
}
