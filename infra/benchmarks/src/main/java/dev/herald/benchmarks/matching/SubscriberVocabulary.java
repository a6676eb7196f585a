package dev.herald.benchmarks.matching;

import dev.herald.corpus.GeneratedReport;
import dev.herald.text.ChineseText;
import dev.herald.text.WordBoundaries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The words subscribers pick keywords from, most popular first, in a seeded shuffle so that popularity
 * among subscribers is not frequency in the text:
 * <ul>
 *   <li>the generator's own names, places, organisations, topics, activities and tags, what people follow;</li>
 *   <li>the specific words smartcn finds in the reports: in at least two of them and at most a tenth. The
 *       generated reports all grow from three real ones, so their common words are in most reports, and
 *       nobody subscribes to {@code 工作} or {@code 党员};</li>
 *   <li>made-up people and places to fill up to the size asked for: most of what a real subscriber base
 *       follows is a long tail of names that a given article does not mention.</li>
 * </ul>
 */
final class SubscriberVocabulary {

    private static final Set<String> FOLLOWED = Set.of("people", "places", "organisations", "companies", "topics",
            "activities", "tags");

    private SubscriberVocabulary() {
    }

    static List<String> build(List<GeneratedReport> reports, int size, long seed) {
        Random random = new Random(seed);
        Set<String> words = new LinkedHashSet<>(seedEntries());
        words.addAll(words(reports));
        while (words.size() < size) {
            words.add(random.nextInt(5) < 3 ? person(random) : place(random));
        }
        List<String> ranked = new ArrayList<>(words);
        Collections.shuffle(ranked, random);
        return List.copyOf(ranked);
    }

    /** Han words of two to four characters found in at least two reports and at most a tenth of them. */
    private static List<String> words(List<GeneratedReport> reports) {
        Map<String, Integer> reportsWith = new HashMap<>();
        for (GeneratedReport report : reports) {
            String text = ChineseText.normalize(report.title() + "\n" + report.body());
            WordBoundaries words = WordBoundaries.of(text);
            Set<String> seen = new HashSet<>();
            int start = 0;
            for (int end = 1; end <= text.length(); end++) {
                if (words.at(end)) {
                    String word = text.substring(start, end);
                    if (word.length() >= 2 && word.length() <= 4 && allHan(word)) {
                        seen.add(word);
                    }
                    start = end;
                }
            }
            seen.forEach(w -> reportsWith.merge(w, 1, Integer::sum));
        }
        return reportsWith.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && e.getValue() <= reports.size() / 10)
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static List<String> seedEntries() {
        List<String> entries = new ArrayList<>();
        try (InputStream in = SubscriberVocabulary.class.getResourceAsStream("/dev/herald/corpus/seed/vocabulary.txt")) {
            if (in == null) {
                throw new IllegalStateException("the corpus module's seed vocabulary is not on the class path");
            }
            String section = "";
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    section = line.substring(1, line.length() - 1);
                } else if (FOLLOWED.contains(section)) {
                    entries.add(line.split("\t")[0].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华玉萍红梅鹏飞志宏建国文辉春晓燕雪琳婷慧颖斌浩宇凯";
    private static final String PLACE = "东西南北安平宁兴隆福德昌盛丰泰和新青龙凤云山川河湖江石桥林溪阳岭";
    private static final String[] PLACE_KINDS = {"县", "镇", "乡", "街道", "村", "社区"};

    private static String person(Random random) {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = 1 + random.nextInt(2);
        for (int i = 0; i < given; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    private static String place(Random random) {
        return "" + PLACE.charAt(random.nextInt(PLACE.length())) + PLACE.charAt(random.nextInt(PLACE.length()))
                + PLACE_KINDS[random.nextInt(PLACE_KINDS.length)];
    }

    private static boolean allHan(String word) {
        return word.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
