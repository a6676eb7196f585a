package dev.herald.moderation.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenerTest {

    private static final java.time.Instant NOW = java.time.Instant.parse("2026-11-22T00:00:00Z");
    private final Screener screener = new Screener(ScreeningRules.defaults().withChannels(java.util.Set.of("党建新闻", "工作动态")),
            java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"report-nanning-tcm-hospital.txt", "report-chaoyang-health-system.txt",
            "report-guizhou-jiangjunshan-hospital.txt"})
    void realReportsRaiseNoHighSeverityFindingEvenWithTheirPageChrome(String file) {
        ScreeningResult result = screener.screen("报道", corpus(file));

        assertThat(result.findings()).noneMatch(f -> f.severity() == Finding.Severity.HIGH);
        assertThat(result.verdict()).isNotEqualTo(Verdict.LIKELY_SPAM);
    }

    @Test
    void theCleanBodyOfARealReportIsClean() {
        String page = corpus("report-guizhou-jiangjunshan-hospital.txt");
        String body = page.substring(page.indexOf("4月21日"), page.indexOf("为疫情防控工作作出更大贡献。") + 14);

        ScreeningResult result = screener.screen("不忘初心 让抗疫精神在新时代绽放光芒", body);

        assertThat(result.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(result.findings()).isEmpty();
        assertThat(result.cleanedBody()).isNull();
    }

    @Test
    void pageChromeIsFlaggedWhereItIsAndACleanedBodyIsOffered() {
        String page = corpus("report-nanning-tcm-hospital.txt");

        ScreeningResult result = screener.screen("如意先锋战疫情 党旗一线红", page);

        assertThat(result.findings()).filteredOn(f -> f.kind() == Finding.Kind.CHROME).isNotEmpty()
                .allSatisfy(f -> assertThat(f.end()).isGreaterThan(f.start()));
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_ATTENTION);
        assertThat(result.cleanedBody()).contains("自新冠肺炎疫情防控工作开展以来", "第一时间发放给坚守岗位的医护人员")
                .doesNotContain("为您推荐", "当前位置", "友情链接", "网站首页", "中国井冈山干部学院");
    }

    @Test
    void previousAndNextLinksAndShareStripsAreChrome() {
        String page = corpus("report-chaoyang-health-system.txt");

        ScreeningResult result = screener.screen("党建引领凝心聚力,同舟共济抗疫情", page);

        assertThat(result.cleanedBody()).doesNotContain("上一篇", "下一篇", "点击:")
                .contains("为坚决打赢疫情防控攻坚战");
    }

    @Test
    void anInjectedCasinoBrandIsFoundEveryTimeWithItsExactSpan() {
        String page = corpus("report-guizhou-jiangjunshan-hospital.txt");
        String injected = page.replace("将军山", "澳门葡京");

        ScreeningResult result = screener.screen("不忘初心", injected);

        assertThat(result.verdict()).isEqualTo(Verdict.LIKELY_SPAM);
        assertThat(result.findings()).filteredOn(f -> f.kind() == Finding.Kind.PROMOTION)
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(f -> assertThat(injected.substring(f.start(), f.end())).isEqualTo("澳门葡京"));
    }

    @Test
    void fillerBetweenCharactersAndFullWidthFormsDoNotHideATerm() {
        String body = "欢迎来到博*彩之家,这里有百 家 乐和ＢＯ彩。";

        ScreeningResult result = screener.screen("标题", body);

        assertThat(result.findings()).filteredOn(f -> f.kind() == Finding.Kind.PROMOTION)
                .extracting(f -> body.substring(f.start(), f.end())).contains("博*彩", "百 家 乐");
    }

    @Test
    void allowedPhrasesExcuseTheTermsInsideThem() {
        assertThat(screener.screen("社区开展打击赌博宣传", "民警讲解防范赌博知识。").findings()).isEmpty();
        assertThat(screener.screen("标题", "取缔赌博窝点。").findings()).hasSize(1);
    }

    @Test
    void termsWrittenInTraditionalCharactersAreFound() {
        String body = "歡迎光臨澳門葡京，百家樂、時時彩應有盡有。";

        ScreeningResult result = screener.screen("标题", body);

        assertThat(result.findings()).filteredOn(f -> f.kind() == Finding.Kind.PROMOTION)
                .extracting(f -> body.substring(f.start(), f.end())).containsExactly("澳門葡京", "百家樂", "時時彩");
    }

    @Test
    void reportsAgainstGamblingMayNameIt() {
        String body = "民警介绍了网络赌博的常见套路和赌博的危害，提醒居民远离赌博、抵制赌博，发现有人组织赌博及时举报。";

        assertThat(screener.screen("禁毒禁赌宣传进社区", body).findings()).isEmpty();
    }

    @Test
    void aBetIsNoBetWhereTwoWordsMeetOnIt() {
        assertThat(screener.screen("标题", "患者在护士的指导下注射胰岛素，在医生的指导下，注意控制饮食。").findings()).isEmpty();
        assertThat(screener.screen("标题", "在线下注，赔率最高。").findings()).hasSize(1);
    }

    @Test
    void contactsWrittenInFullWidthFormsAreFoundAtTheirSpan() {
        String body = "客服ＱＱ：１２３４５６７８９，网址ｗｗｗ．ａｂｃ１２３．ｃｏｍ，热线１３８１２３４５６７８。";

        ScreeningResult result = screener.screen("标题", body);

        assertThat(result.findings()).filteredOn(f -> f.kind() == Finding.Kind.CONTACT).extracting(Finding::message)
                .contains("contains a QQ number", "contains a link", "contains a mobile phone number");
        assertThat(result.findings()).extracting(f -> body.substring(f.start(), f.end())).contains("１３８１２３４５６７８");
    }

    @Test
    void aWeChatIdBehindAHomophoneOfWeChatIsStillOne() {
        assertThat(screener.screen("标题", "加薇信：ab123456 了解每日福利。").findings()).extracting(Finding::message)
                .contains("contains a WeChat id");
    }

    @Test
    void contactsAndClickBaitAreFlagged() {
        String body = "详情请加微信 abc12345 或致电13812345678,QQ:12345678,点击注册领取。";

        ScreeningResult result = screener.screen("标题", body);

        assertThat(result.findings()).filteredOn(f -> f.kind() == Finding.Kind.CONTACT)
                .extracting(Finding::message).contains("contains a WeChat id", "contains a mobile phone number",
                        "contains a QQ number", "contains click bait");
    }

    @Test
    void sentencesThatMentionAnAccountOrAQrCodeAreTextNotChrome() {
        String body = "患者通过医院微信公众号、自助服务机或拨打预约电话，都可以提前预约未来14天内的门诊号源。\n"
                + "孕妇在产检时，还可以通过扫描诊室门口的二维码，一次性预约下一次产检需要的所有项目。";

        assertThat(screener.screen("标题", body).findings()).isEmpty();
    }

    @Test
    void aNumberedListOneItemALineIsNoMenu() {
        String body = "四、服务内容\n1.免费测量血压、血糖\n2.中医体质辨识\n3.针灸推拿体验\n4.常用药品咨询\n5.眼科、口腔检查\n五、有关要求";

        assertThat(screener.screen("标题", body).findings()).isEmpty();
    }

    @Test
    void bylinesPreviousAndNextItemLinksAndFootersAreChrome() {
        String page = "作者：王晓燕  发布日期：2024-05-16  阅读：368次\n医院召开座谈会，与会人员交流了工作体会。\n上一条：某文章\n"
                + "下一条：另一文章\n版权所有：市人民医院  地址：人民路1号\n黔ICP备12345678号-1\n技术支持：某网络科技有限公司";

        ScreeningResult result = screener.screen("标题", page);

        assertThat(result.findings()).extracting(Finding::kind).containsOnly(Finding.Kind.CHROME);
        assertThat(result.cleanedBody()).isEqualTo("医院召开座谈会，与会人员交流了工作体会。");
    }

    @Test
    void aHeavyPageAroundACleanReportAsksForAttentionButIsNeverLikelySpamForItsChrome() {
        String chrome = "网站首页 | 机构概况 | 科室导航 | 通知公告\n当前位置：首页 > 新闻中心\n扫一扫在手机打开当前页\n"
                + "上一篇：关于开展健康讲座的通知\n下一篇：中心召开党员大会\n【字体：大 中 小】【打印本页】【关闭窗口】\n"
                + "版权所有：某某社区卫生服务中心 技术支持：某网络公司\n";
        String body = chrome + "社区卫生服务中心组织家庭医生走进老旧小区开展上门随访,为行动不便的老人测量血压,讲解慢病防治知识。\n"
                + chrome + "随访结束后,家庭医生为每位老人更新了健康档案,并约定下次上门的时间。\n" + chrome;

        ScreeningResult result = screener.screen("家庭医生上门随访", body);

        assertThat(result.findings()).filteredOn(f -> f.kind() == Finding.Kind.CHROME)
                .extracting(f -> ScreeningRules.defaults().weight(f.severity())).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Integer.class))
                .satisfies(weights -> assertThat(weights.stream().mapToInt(Integer::intValue).sum()).isGreaterThan(ScreeningRules.defaults().chrome().cap()));
        assertThat(result.score()).isEqualTo(ScreeningRules.defaults().chrome().cap());
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_ATTENTION);
    }

    @Test
    void screeningIsDeterministicAndNamesItsPolicyAndLexicon() {
        String page = corpus("report-chaoyang-health-system.txt");

        ScreeningResult first = screener.screen("标题", page);

        assertThat(screener.screen("标题", page)).isEqualTo(first);
        assertThat(first.policyVersion()).matches("policy-[0-9a-f]{8}").isEqualTo(screener.version());
        assertThat(first.lexiconVersion()).startsWith("lexicon-").isEqualTo(screener.lexicon().version());
    }

    @Test
    void metadataThatDoesNotAddUpIsFlagged() {
        ScreeningResult result = screener.screen(new ScreeningInput("长".repeat(80), "娱乐八卦", "长".repeat(80) + "正文。",
                NOW.plus(java.time.Duration.ofDays(30))), NearDuplicates.NONE);

        assertThat(result.findings()).filteredOn(f -> f.kind() == Finding.Kind.METADATA).extracting(Finding::message)
                .contains("unknown channel \"娱乐八卦\"", "original publication date is in the future",
                        "title of 80 characters is unusually long", "the title is repeated at the top of the body");
    }

    @Test
    void aBodyThatIsAllChromeLeavesNothing() {
        ScreeningResult result = screener.screen(new ScreeningInput("标题", "党建新闻", "上一篇:某文章\n下一篇:另一文章", null),
                NearDuplicates.NONE);

        assertThat(result.findings()).extracting(Finding::message).contains("nothing is left of the body after cleaning");
    }

    @Test
    void aKnownChannelAndAPastDateRaiseNothing() {
        assertThat(screener.screen(new ScreeningInput("标题", "工作动态", "医院召开座谈会。", NOW.minusSeconds(86_400)),
                NearDuplicates.NONE).findings()).isEmpty();
    }

    private static String corpus(String file) {
        try (InputStream in = ScreenerTest.class.getResourceAsStream("/corpus/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
