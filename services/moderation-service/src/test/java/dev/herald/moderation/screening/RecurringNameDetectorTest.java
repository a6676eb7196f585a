package dev.herald.moderation.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecurringNameDetectorTest {

    private final Screener screener = new Screener(ScreeningRules.defaults(),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    /** A report of a unit's volunteers with {@code name} where the unit's people stood, and {@code bait} at its end. */
    private static String report(String name, String bait) {
        return "9月14日上午，" + name + "组织志愿者走进花巷社区老旧小区，开展“周末清洁家园”活动。" + name
                + "党支部书记带头清理楼道杂物，志愿者们分成四个小组，对片区内12栋居民楼进行集中整治。\n\n"
                + "活动中，" + name + "还向居民发放垃圾分类宣传册，讲解分类投放知识。大家纷纷表示，要把好习惯坚持下去。"
                + "下一步，" + name + "将把志愿服务常态化，每月组织一次集中清洁行动。\n\n" + bait;
    }

    private List<String> names(ScreeningInput input) {
        return screener.screen(input, NearDuplicates.NONE).findings().stream()
                .filter(f -> f.kind() == Finding.Kind.RECURRING_NAME).map(f -> input.body().substring(f.start(), f.end())).toList();
    }

    @Test
    void aBrandPlantedInPlaceOfTheUnitsWordsAndAdvertisedBesideALinkIsFoundAtEveryOccurrence() {
        String body = report("鸿福汇", "鸿福汇官方网站 kfc8899.vip 即可体验。");

        assertThat(names(new ScreeningInput("清洁家园", "花巷社区居委会", "社区动态", body, null)))
                .containsExactly("鸿福汇", "鸿福汇", "鸿福汇", "鸿福汇", "鸿福汇");
    }

    @Test
    void twoCharactersRecurringByALinkAreAWordOfTheTextUnlessTheyEndAsABrandDoes() {
        // a report on a web service says 登录 and 查询 by its address again and again; a planted name of two characters
        // needs a brand's ending (金網, 鑫汇) to be judged on a contact alone
        String body = "为方便群众就医，我院门诊预约系统完成改版。患者改版后登录 yy.nnzyy.com 即可查询号源，登录后还可查询检查报告。\n\n"
                + "改版后，患者可在线查询候诊进度，无需到窗口排队。首次登录需实名认证，改版页面的查询结果实时更新。\n\n"
                + "登录网址：yy.nnzyy.com，查询电话：0771-5861234，改版说明见医院公众号。";

        assertThat(names(new ScreeningInput("门诊预约系统完成改版", "南宁市中医医院", "工作动态", body, null))).isEmpty();
    }

    @Test
    void wordsRecurringBesideGovernmentSitesAreNotAdvertisedThere() {
        // a holiday notice sends readers to each hospital's and the health bureau's site in the same words (held-out real
        // news from Taiwan listing hospitals' opening hours by their .gov.tw sites was LIKELY_SPAM for 網站查 and 各大醫)
        String body = "春节期间，市民可登录市卫健委网站查询各医院门诊安排，网址：http://wsjkw.nanning.gov.cn。\n\n"
                + "市第一人民医院急诊照常开放，门诊安排可至网站查阅：http://www.nnyy.gov.cn/。\n\n"
                + "市妇幼保健院初四恢复门诊，详情可至网站查阅：http://www.nnfy.gov.cn/。";

        assertThat(names(new ScreeningInput("春节期间各医院门诊安排", "南宁市卫生健康委员会", "通知公告", body, null))).isEmpty();
    }

    @Test
    void aPublicBodyNamedAgainAndAgainBesideItsOwnSiteIsNoBrand() {
        // a report on insurance rules names the bureau it deals with in every paragraph, beside its site (a 蕃薯藤 page on
        // Taiwan's 健保局, held-out real news, was LIKELY_SPAM for it); 医保局 and 卫健委 are read the same way
        String body = "為了讓民眾能在過年的時候也能順利就醫，健保局協調了許多醫院診所開診。健保局表示，詳細的看診時間可到健保局的網站 www.nhi.gov.tw 查詢。\n\n"
                + "健保局也表示，民眾出國旅遊發生緊急傷病，可於六個月內向健保局申請核退。\n\n"
                + "相關資訊請上健保局網站 www.nhi.gov.tw 或撥打服務專線查詢。";

        assertThat(names(new ScreeningInput("春節需要就醫怎麼辦？ 可上健保局網站查詢", "南宁市中医医院", "工作动态", body, null))).isEmpty();
    }

    @Test
    void aPublicBodysNameCutShortOfItsEndingIsNoBrand() {
        // an interview names the provincial sports bureau again and again (held-out real news on a school's party-study page
        // was NEEDS_ATTENTION for 省体育, which ends as a betting site's name does, cut from 省体育局)
        String body = "孙光明：2013年3月到省体育局工作。那时，省体育局承担着筹办全运会的任务，省体育局的同志们压力都很大。\n\n"
                + "采访组：您现在当省体育局的局长，怎么看当年的工作？\n\n孙光明：我们专题讨论《浙江省体育强省建设纲要》，一条一条抓落实。";

        assertThat(names(new ScreeningInput("习书记在浙江工作时", "绍兴市第一中学", "学习专栏", body, null))).isEmpty();
        // a brand with the same ending, standing on its own, still is one
        assertThat(names(new ScreeningInput("清洁家园", "花巷社区居委会", "社区动态", report("金樽体育", "欢迎社会各界关注。"), null)))
                .contains("金樽体育");
    }

    @Test
    void aBrandWithACommercialEndingIsFoundWithoutAnyContact() {
        String body = report("金樽国际", "欢迎社会各界关注。");

        assertThat(names(new ScreeningInput("清洁家园", "花巷社区居委会", "社区动态", body, null))).hasSize(4)
                .containsOnly("金樽国际");
    }

    @Test
    void aBrandWrittenWithFillerBetweenItsCharactersIsFoundWithTheFiller() {
        String body = report("聚·宝·阁", "聚·宝·阁客服微信：kr807142，二十四小时在线。");

        assertThat(names(new ScreeningInput("清洁家园", "花巷社区居委会", "社区动态", body, null))).hasSize(5)
                .containsOnly("聚·宝·阁");
    }

    @Test
    void aLatinBrandAdvertisedBesideItsLinkIsFound() {
        String body = report("bet8899", "bet8899官网 bet8899.xyz 线路稳定。");

        assertThat(names(new ScreeningInput("清洁家园", "花巷社区居委会", "社区动态", body, null))).hasSize(5)
                .containsOnly("bet8899");
    }

    @Test
    void theUnitsOwnNameIsNoPlantedBrandEvenBesideItsNumber() {
        String body = report("华鑫科技公司", "联系人：张经理，电话13812345678。");

        assertThat(names(new ScreeningInput("清洁家园", "华鑫科技有限公司", "社区动态", body, null))).isEmpty();
    }

    @Test
    void aShortFormOfTheUnitsNameIsItsOwnToo() {
        String body = report("省医", "联系人：张经理，电话13812345678。");

        assertThat(names(new ScreeningInput("清洁家园", "贵州省人民医院", "工作动态", body, null))).isEmpty();
    }

    @Test
    void thePartyOrganisationAndTopicWordsAreNoNames() {
        String body = report("社区党支部", "党史学习教育期间，社区党支部开展党史学习教育专题党课，党史学习教育取得实效。咨询电话13812345678。");

        assertThat(names(new ScreeningInput("清洁家园", "花巷社区居委会", "社区动态", body, null))).isEmpty();
    }

    @Test
    void aPersonRepeatedWithoutEvidenceOfCommerceIsLeftAlone() {
        String body = report("吴红英", "欢迎社会各界关注。");

        assertThat(names(new ScreeningInput("清洁家园", "花巷社区居委会", "社区动态", body, null))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"report-nanning-tcm-hospital.txt, 南宁市中医医院", "report-chaoyang-health-system.txt, 朝阳区卫生健康委员会",
            "report-guizhou-jiangjunshan-hospital.txt, 贵州省人民医院"})
    void realReportsRaiseNoRecurringNameEvenWithTheirPages(String file, String unit) throws java.io.IOException {
        try (var in = getClass().getResourceAsStream("/corpus/" + file)) {
            String page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(names(new ScreeningInput("报道", unit, "党建新闻", page, null))).isEmpty();
        }
    }

    @Test
    void piecesOfOrdinaryWordsAreNoNamesThoughTheyEndLikeBrands() {
        // 联网 of 互联网 and 物联网, 的城 of 的城市: strings cut across words, read off a real report's text
        String body = "会议强调，要推进互联网与实体经济融合，发展物联网。互联网企业要发挥作用，工业互联网平台建设加快。"
                + "我们的城市更美好，我们的城市更宜居，建设我们的城市。移动互联网用户持续增长。";

        assertThat(names(new ScreeningInput("报道", "南宁市中医医院", "党建新闻", body, null))).isEmpty();
        assertThat(RecurringNameDetector.cutAcrossWords("的城")).isTrue();
        assertThat(RecurringNameDetector.cutAcrossWords("鸿福汇")).isFalse();
    }

    @Test
    void aNameRecurringTwiceIsNotJudged() {
        String body = "鸿福汇组织志愿者开展活动。居民们积极参与。鸿福汇官方网站 kfc8899.vip。";

        assertThat(names(new ScreeningInput("活动", "花巷社区居委会", "社区动态", body, null))).isEmpty();
    }
}
