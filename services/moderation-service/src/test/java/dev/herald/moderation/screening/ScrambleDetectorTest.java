package dev.herald.moderation.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScrambleDetectorTest {

    /** Not in the training text: a report the model has never seen, which keeps using its title's words. */
    static final String FRESH_TITLE = "街道举办老年人智能手机使用培训班";
    static final String FRESH_BODY = """
            为帮助老年人跨越数字鸿沟，近日，河西街道在党群服务中心举办了老年人智能手机使用培训班，辖区六十余名老年人参加了培训。
            培训班由街道团工委组织青年志愿者授课。志愿者们从最基础的开机、调节音量和字体大小讲起，手把手地教老人们使用智能手机拨打视频电话、扫码乘车和在线挂号。
            不少老人第一次用智能手机挂号，志愿者就在旁边一步一步地指导，直到老人自己能够独立操作为止。
            一位七十多岁的老人说，以前孙子教过自己好几次，总是记不住，这次培训班把每一步都写在卡片上，回家照着做就不会忘了。
            培训中，志愿者还结合真实案例，提醒老年人使用智能手机时要注意防范电信诈骗，不点击陌生链接，不向陌生人透露验证码。
            街道负责人介绍，今年街道计划在各社区开办老年人智能手机培训班十二期，并组织志愿者定期上门，为行动不便的老人提供一对一的帮助。
            """;

    private final ScrambleDetector detector = new ScrambleDetector(ScrambleDetector.shippedModel(), ScreeningRules.defaults().scramble());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "report-chaoyang-health-system.txt|党建引领凝心聚力,同舟共济抗疫情",
            "report-nanning-tcm-hospital.txt|如意先锋战疫情 党旗一线红",
            "report-guizhou-jiangjunshan-hospital.txt|不忘初心 让抗疫精神在新时代绽放光芒"})
    void realPagesWithTheirChromeAndTheirCleanedBodiesRaiseNothingAboveLow(String file, String title) {
        String page = corpus(file);
        String cleaned = new ChromeDetector(ScreeningRules.defaults().chrome()).inspect(page).cleanedBody();

        assertThat(detector.inspect(title, page)).allMatch(f -> f.severity() == Finding.Severity.LOW);
        assertThat(detector.inspect(title, cleaned)).allMatch(f -> f.severity() == Finding.Severity.LOW);
        assertThat(detector.inspect("报道", page)).allMatch(f -> f.severity() == Finding.Severity.LOW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "report-chaoyang-health-system.txt|党建引领凝心聚力,同舟共济抗疫情",
            "report-nanning-tcm-hospital.txt|如意先锋战疫情 党旗一线红",
            "report-guizhou-jiangjunshan-hospital.txt|不忘初心 让抗疫精神在新时代绽放光芒"})
    void aScrambledCopyOfEachRealReportIsFlaggedAtTheSplicedSentences(String file, String title) {
        String cleaned = new ChromeDetector(ScreeningRules.defaults().chrome()).inspect(corpus(file)).cleanedBody();
        Scrambler.Scrambled scrambled = Scrambler.scramble(title, cleaned, file.hashCode());

        List<Finding> findings = detector.inspect(title, scrambled.text());

        assertThat(weight(findings)).isGreaterThanOrEqualTo(30);
        assertThat(findings).anyMatch(f -> f.severity() == Finding.Severity.HIGH && f.message().startsWith("title fragments spliced into"));
        List<Finding> sentences = sentenceFindings(findings);
        assertThat(sentences).hasSizeBetween(3, ScreeningRules.defaults().scramble().maxSentenceFindings())
                .allSatisfy(f -> assertThat(scrambled.splices()).anySatisfy(s -> {
                    assertThat(f.start()).isEqualTo(s.start());
                    assertThat(f.end()).isEqualTo(s.end());
                }));
    }

    @Test
    void theSentenceFindingNamesTheSplicedFragment() {
        String cleaned = new ChromeDetector(ScreeningRules.defaults().chrome()).inspect(corpus("report-guizhou-jiangjunshan-hospital.txt")).cleanedBody();
        String title = "不忘初心 让抗疫精神在新时代绽放光芒";
        Scrambler.Scrambled scrambled = Scrambler.scramble(title, cleaned, 11);

        List<Finding> sentences = sentenceFindings(detector.inspect(title, scrambled.text()));

        assertThat(sentences).allSatisfy(f -> {
            Scrambler.Splice splice = scrambled.splices().stream().filter(s -> s.start() == f.start()).findFirst().orElseThrow();
            assertThat(f.message()).contains("\"" + splice.fragment());
        });
    }

    @Test
    void aScrambledReportIsLikelySpamForTheScreener() {
        String cleaned = new ChromeDetector(ScreeningRules.defaults().chrome()).inspect(corpus("report-nanning-tcm-hospital.txt")).cleanedBody();
        String title = "如意先锋战疫情 党旗一线红";
        Screener screener = new Screener(ScreeningRules.defaults(), java.time.Clock.systemUTC());

        ScreeningResult result = screener.screen(title, Scrambler.scramble(title, cleaned, 3).text());

        assertThat(result.verdict()).isEqualTo(Verdict.LIKELY_SPAM);
        assertThat(result.findings()).anyMatch(f -> f.kind() == Finding.Kind.SCRAMBLED && f.field().equals("body"));
    }

    @Test
    void aCleanReportTheModelHasNeverSeenMayKeepMentioningItsTitleWords() {
        assertThat(FRESH_BODY.split("智能手机", -1).length - 1).isGreaterThanOrEqualTo(5);

        assertThat(detector.inspect(FRESH_TITLE, FRESH_BODY)).isEmpty();
    }

    @Test
    void aScrambledCopyOfAReportTheModelHasNeverSeenIsFlaggedToo() {
        Scrambler.Scrambled scrambled = Scrambler.scramble(FRESH_TITLE, FRESH_BODY, 5);

        List<Finding> findings = detector.inspect(FRESH_TITLE, scrambled.text());

        assertThat(findings).anyMatch(f -> f.severity() == Finding.Severity.HIGH);
        assertThat(sentenceFindings(findings)).isNotEmpty()
                .allSatisfy(f -> assertThat(scrambled.splices()).anyMatch(s -> s.start() == f.start() && s.end() == f.end()));
    }

    @Test
    void wordSaladReadsAsBrokenEvenWithoutTitleFragments() {
        String cleaned = new ChromeDetector(ScreeningRules.defaults().chrome()).inspect(corpus("report-chaoyang-health-system.txt")).cleanedBody();

        List<Finding> findings = detector.inspect("党建引领凝心聚力,同舟共济抗疫情", ScrambleCalibration.garble(cleaned, 1));

        assertThat(findings).anyMatch(f -> f.severity() == Finding.Severity.HIGH && f.message().contains("read as broken Chinese"));
        // a moderator looks; what reads broken without bait may be real prose the model knows too little of
        assertThat(weight(findings)).isBetween(10, 29);
    }

    @Test
    void screeningIsDeterministic() {
        String title = "党建引领凝心聚力,同舟共济抗疫情";
        String text = Scrambler.scramble(title, corpus("report-chaoyang-health-system.txt"), 42).text();

        List<Finding> first = detector.inspect(title, text);

        assertThat(first).isNotEmpty();
        assertThat(detector.inspect(title, text)).isEqualTo(first);
        assertThat(new ScrambleDetector(ScrambleDetector.shippedModel(), ScreeningRules.defaults().scramble()).inspect(title, text)).isEqualTo(first);
        assertThat(Scrambler.scramble(title, corpus("report-chaoyang-health-system.txt"), 42).text()).isEqualTo(text);
    }

    @Test
    void emptyBodiesMissingTitlesAndShortTextsRaiseNothing() {
        assertThat(detector.inspect("标题", null)).isEmpty();
        assertThat(detector.inspect("标题", "")).isEmpty();
        assertThat(detector.inspect(null, FRESH_BODY)).isEmpty();
        assertThat(detector.inspect("", "医院召开座谈会。")).isEmpty();
    }

    static List<Finding> sentenceFindings(List<Finding> findings) {
        return findings.stream().filter(f -> f.kind() == Finding.Kind.SCRAMBLED)
                .filter(f -> f.message().startsWith("title fragment \"") || f.message().startsWith("sentence reads")).toList();
    }

    static int weight(List<Finding> findings) {
        return ScrambleCalibration.weight(findings);
    }

    static String corpus(String file) {
        try (InputStream in = ScrambleDetectorTest.class.getResourceAsStream("/corpus/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
