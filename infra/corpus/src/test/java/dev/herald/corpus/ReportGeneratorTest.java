package dev.herald.corpus;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportGeneratorTest {

    private static final List<String> CHANNELS = List.of("党建新闻", "党建动态", "工作动态", "党建案例", "廉政教育", "通知公告", "医院新闻", "社区动态", "校园新闻");
    private static final List<GeneratedReport> SAMPLE = new ReportGenerator(42).stream(3000).toList();

    @Test
    void theSameSeedGivesTheSameReportsAndAnotherSeedOthers() {
        assertThat(new ReportGenerator(42).stream(50).toList()).isEqualTo(SAMPLE.subList(0, 50));
        List<GeneratedReport> other = new ReportGenerator(43).stream(50).toList();
        assertThat(other).extracting(GeneratedReport::body).doesNotContainAnyElementsOf(SAMPLE.subList(0, 50).stream().map(GeneratedReport::body).toList());
    }

    @Test
    void theNthReportIsTheSameHowEverItIsReached() {
        ReportGenerator generator = new ReportGenerator(42);
        generator.stream(10).forEach(report -> { });
        assertThat(generator.next()).isEqualTo(SAMPLE.get(10));
        assertThat(generator.stream(5).toList()).isEqualTo(SAMPLE.subList(11, 16));
        assertThat(new ReportGenerator(42).stream(200).parallel().toList()).isEqualTo(SAMPLE.subList(0, 200));
    }

    @Test
    void idsNameTheSeedAndCountFromOne() {
        assertThat(SAMPLE.subList(0, 3)).extracting(GeneratedReport::id).containsExactly("gen-42-1", "gen-42-2", "gen-42-3");
        assertThat(SAMPLE.stream().map(GeneratedReport::id).distinct().count()).isEqualTo(SAMPLE.size());
    }

    @Test
    void everyReportHasWhatASubmissionNeeds() {
        Set<String> units = Seed.get().units().stream().map(Unit::name).collect(Collectors.toSet());
        Instant first = Instant.parse("2014-12-31T16:00:00Z");
        Instant last = Instant.parse("2026-12-31T16:00:00Z");
        for (GeneratedReport report : SAMPLE) {
            assertThat(report.unit()).isIn(units);
            assertThat(report.channel()).isIn(CHANNELS);
            assertThat(report.title()).isNotBlank().hasSizeLessThanOrEqualTo(60).doesNotContain("{", "}", "\n");
            assertThat(report.subtitle()).satisfiesAnyOf(s -> assertThat(s).isNull(), s -> assertThat(s).startsWith("——"));
            assertThat(report.body().length()).isBetween(500, 3000);
            assertThat(report.author()).isNotBlank();
            assertThat(report.tags()).hasSizeBetween(1, 3).doesNotHaveDuplicates().allSatisfy(tag -> assertThat(tag).isNotBlank());
            assertThat(report.publishedAt()).isBetween(first, last);
        }
    }

    @Test
    void bodiesVaryInLength() {
        IntSummaryStatistics lengths = SAMPLE.stream().mapToInt(r -> r.body().length()).summaryStatistics();

        assertThat(lengths.getMin()).isLessThan(800);
        assertThat(lengths.getMax()).isGreaterThan(2700);
        assertThat(lengths.getAverage()).isBetween(1300.0, 2200.0);
        assertThat(SAMPLE.stream().map(r -> r.body().length()).distinct().count()).isGreaterThan(1000);
    }

    @Test
    void bodiesAreHanTextWithChinesePunctuationAndNoSlotLeftUnfilled() {
        for (GeneratedReport report : SAMPLE.subList(0, 300)) {
            String body = report.body();
            long visible = body.codePoints().filter(cp -> !Character.isWhitespace(cp)).count();
            long han = body.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
            assertThat((double) han / visible).as(report.id()).isGreaterThan(0.8);
            assertThat(body).contains("，", "。").doesNotContain(",", ";", "{", "}");
            assertThat(body.codePoints().filter(Slot::isMarker)).as(report.id()).isEmpty();
        }
    }

    @Test
    void reportsComeFromManyUnitsInEveryChannelOverTheWholeDateRange() {
        Map<String, Long> perUnit = SAMPLE.stream().collect(Collectors.groupingBy(GeneratedReport::unit, Collectors.counting()));
        Set<String> channels = SAMPLE.stream().map(GeneratedReport::channel).collect(Collectors.toSet());
        Set<Integer> years = SAMPLE.stream().map(r -> r.publishedAt().atZone(ZoneId.of("Asia/Shanghai")).getYear()).collect(Collectors.toSet());

        assertThat(perUnit).hasSizeGreaterThanOrEqualTo(38);
        assertThat(perUnit.values()).allSatisfy(n -> assertThat(n).isLessThan(150));
        assertThat(channels).containsExactlyInAnyOrderElementsOf(CHANNELS);
        assertThat(years).containsAll(IntStream.rangeClosed(2015, 2026).boxed().toList());
    }

    @Test
    void aUnitWritesOnlyInTheChannelsOfItsKind() {
        Map<String, UnitKind> kinds = Seed.get().units().stream().collect(Collectors.toMap(Unit::name, Unit::kind));
        for (GeneratedReport report : SAMPLE) {
            assertThat(kinds.get(report.unit()).channels()).as(report.unit()).contains(report.channel());
        }
        assertThat(SAMPLE).filteredOn(r -> r.channel().equals("校园新闻")).allSatisfy(r -> assertThat(kinds.get(r.unit())).isEqualTo(UnitKind.SCHOOL));
    }

    @Test
    void bodiesNameTheReportsOwnUnit() {
        long naming = SAMPLE.stream().filter(r -> {
            String institution = Seed.get().units().stream().filter(u -> u.name().equals(r.unit())).findFirst().orElseThrow().institution();
            return r.body().contains(institution);
        }).count();
        assertThat(naming).isGreaterThan(SAMPLE.size() * 8L / 10);
    }

    @Test
    void generatedTextIsMadeOfTheTrainingTextsCharacterPairs() {
        Set<String> trainingPairs = pairs(Seed.get().model().trainingText());
        Set<String> seedNames = new HashSet<>();
        for (String section : List.of("people", "places", "organisations", "companies")) {
            Seed.get().vocabulary().of(section).forEach(name -> seedNames.addAll(pairs(name)));
        }
        Seed.get().units().forEach(unit -> seedNames.addAll(pairs(unit.institution())));

        long total = 0;
        long learned = 0;
        for (GeneratedReport report : SAMPLE.subList(0, 200)) {
            for (String pair : pairList(report.body())) {
                total++;
                if (trainingPairs.contains(pair)) {
                    learned++;
                }
            }
        }
        // the rest are pairs inside or across the names that fill the slots
        assertThat((double) learned / total).isGreaterThan(0.9);
    }

    @Test
    void namesOfTheRealReportsNeverAppearInGeneratedOnes() {
        List<String> realOnly = List.of("胡海莺", "张贵玲", "将军山", "垂杨柳", "小红门", "东坝", "三间房", "沌口", "关瑞珍", "张湘燕", "特勤站");
        for (GeneratedReport report : SAMPLE) {
            assertThat(report.title() + report.body()).as(report.id()).doesNotContain(realOnly);
        }
    }

    private static Set<String> pairs(String text) {
        return new HashSet<>(pairList(text));
    }

    private static List<String> pairList(String text) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            if (isHan(text.charAt(i)) && isHan(text.charAt(i + 1))) {
                pairs.add(text.substring(i, i + 2));
            }
        }
        return pairs;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
