package dev.herald.moderation.screening;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classification markings and never-publish phrases are HIGH findings at their spans; reports that merely talk
 * about secrets, as party-building reports do (保守秘密, 秘密武器, 涉密文件管理), are left alone. Both directions are
 * checked on the real reports of {@code ../shared/corpus} (copied to the test class path as {@code corpus/}).
 */
class ConfidentialityDetectorTest {

    private final ConfidentialityDetector detector = new ConfidentialityDetector();

    @ParameterizedTest
    @ValueSource(strings = {"机密★1年", "秘密★", "★绝密", "绝密级", "机密级", "【秘密】", "（机密）", "密级：秘密"})
    void aClassificationMarkingIsAHighFindingAtItsSpan(String marking) {
        String body = "关于开展保密自查工作的通知\n" + marking + "\n各党支部：为做好相关工作，现将有关事项通知如下。";

        assertThat(detector.inspect("body", body)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.CONFIDENTIAL);
            assertThat(f.severity()).isEqualTo(Finding.Severity.HIGH);
            assertThat(body.substring(f.start(), f.end()).strip()).isEqualTo(marking);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"内部资料 注意保密", "内部资料", "（内部文件）", "仅供内部使用", "本材料不得外传，阅后收回。", "严禁外传"})
    void aNeverPublishPhraseIsAHighFinding(String phrase) {
        String body = "医院党委召开专题会议，研究部署下一阶段重点工作。\n" + phrase + "\n会议要求各支部认真落实。";

        assertThat(detector.inspect("body", body)).isNotEmpty().allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.HIGH);
            assertThat(phrase).contains(body.substring(f.start(), f.end()));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "党员要严守党的纪律，保守党的秘密，这是入党誓词中的庄严承诺。",
            "团结协作是医院战胜疫情的秘密武器。",
            "支部组织党员学习保密法，加强涉密文件管理，筑牢保密防线。",
            "志愿者们把关爱写进一封封信里，那是孩子们心中的小秘密。",
            "秘密战线上的英雄们隐姓埋名，默默奉献。",
            "医院完善内部管理制度，规范内部使用的信息系统账号审批流程，提升了工作效率。",
            "会上，纪委书记通报了近期查处的典型案例，并就加强内部文件流转和档案管理提出了具体要求，强调要落实保密责任。"})
    void reportsThatTalkAboutSecretsAreLeftAlone(String sentence) {
        assertThat(detector.inspect("body", sentence)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"report-nanning-tcm-hospital.txt", "report-chaoyang-health-system.txt",
            "report-guizhou-jiangjunshan-hospital.txt"})
    void realReportsPassAndStillPassWithSecretsInTheirProseButNotWithAMarking(String file) throws IOException {
        String page = corpus(file);
        assertThat(detector.inspect("body", page)).isEmpty();

        int firstBreak = page.indexOf("\n", 200);
        String prose = page.substring(0, firstBreak) + "\n\n全体党员重温入党誓词，承诺保守党的秘密，把理想信念作为战胜困难的秘密武器。"
                + page.substring(firstBreak);
        assertThat(detector.inspect("body", prose)).isEmpty();

        String marked = "机密★1年\n" + prose;
        assertThat(detector.inspect("body", marked)).singleElement().satisfies(f -> {
            assertThat(f.start()).isZero();
            assertThat(f.end()).isEqualTo("机密★1年".length());
        });
    }

    @Test
    void theScreenerRaisesItAndTheTitleIsReadToo() {
        Screener screener = new Screener(ScreeningRules.defaults(), java.time.Clock.systemUTC());

        ScreeningResult result = screener.screen("【绝密】关于人事调整的方案", "经研究，拟对以下同志的职务进行调整。");
        ScreeningResult many = screener.screen("【绝密】关于人事调整的方案", "机密★1年\n内部资料\n不得外传\n经研究，拟对以下同志的职务进行调整。");

        assertThat(result.findings()).extracting(Finding::kind, Finding::field)
                .contains(org.assertj.core.groups.Tuple.tuple(Finding.Kind.CONFIDENTIAL, "title"));
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_ATTENTION);
        assertThat(many.findings()).filteredOn(f -> f.kind() == Finding.Kind.CONFIDENTIAL).hasSizeGreaterThanOrEqualTo(3);
        assertThat(many.verdict()).as("markings hold a report for sign-off; they are no sign of spam").isEqualTo(Verdict.NEEDS_ATTENTION);
    }

    private static String corpus(String file) throws IOException {
        try (InputStream in = ConfidentialityDetectorTest.class.getResourceAsStream("/corpus/" + file)) {
            assertThat(in).as("corpus/%s on the test class path", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
