package dev.herald.ingest.extraction;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reporters, correspondents and editors in the forms papers, stations and portals print them, one line per form. */
class BylineTest {

    private static final String TITLE = "我院召开党建工作座谈会";
    private static final String PROSE = "4月21日，我院召开党建工作座谈会，各党支部书记参加会议并交流了支部工作经验。会议要求，要把党建工作与业务工作紧密结合起来。";
    private final PageExtractor extractor = new PageExtractor(ExtractionHints.none());

    private Extraction page(String... lines) {
        return extractor.extract(String.join("\n", lines), PageFormat.TEXT);
    }

    @Test
    void aReporterAndACorrespondentInBrackets() {
        Extraction e = page(TITLE, "2021-06-30", "（记者 张三 通讯员 李四）", PROSE);
        assertThat(e.author().value()).isEqualTo("张三");
        assertThat(e.contributor().value()).isEqualTo("李四");
    }

    @Test
    void aBroadcastersReporterWithThePlaceTheyReportFrom() {
        Extraction e = page(TITLE, "央视记者 张三 北京报道", PROSE);
        assertThat(e.author().value()).isEqualTo("张三");
        assertThat(e.title().value()).isEqualTo(TITLE);
    }

    @Test
    void aNewspapersReporterAfterABox() {
        assertThat(page(TITLE, "□本报记者 张三", PROSE).author().value()).isEqualTo("张三");
        assertThat(page(TITLE, "新华网黑龙江频道 记者 伊琳 李清芬", PROSE).author().value()).isEqualTo("伊琳 李清芬");
    }

    @Test
    void aNewsAgencysDatelineOpeningTheFirstParagraph() {
        Extraction e = page(TITLE, "2021-06-30", "新华社北京6月30日电（记者 张三）" + PROSE);
        assertThat(e.author().value()).isEqualTo("张三");
        assertThat(e.body()).startsWith("新华社北京6月30日电（记者 张三）");
    }

    @Test
    void aReporterNamedRightAfterTheWord() {
        assertThat(page(TITLE, "2020-10-04", "长江网10月4日讯（记者陈智 整合）" + PROSE).author().value()).isEqualTo("陈智");
    }

    @Test
    void namesAloneInTheBracketClosingTheLastParagraph() {
        assertThat(page(TITLE, "2021-06-30", PROSE, "会议强调，要持续推进作风建设。（常书香 马丹阳）").author().value()).isEqualTo("常书香 马丹阳");
        assertThat(page(TITLE, "2021-06-30", PROSE + "（姚峰 上海报道）").author().value()).isEqualTo("姚峰");
    }

    @Test
    void editorsOnSeveralLinesAreAllCreditedWithoutTheirStaffCodes() {
        Extraction e = page(TITLE, "2021-06-30", PROSE, "编辑 刘晓阳 校对 李铭", "本文来源：新京报 责任编辑：姚立伟_NT6056");
        assertThat(e.editor().value()).isEqualTo("刘晓阳 姚立伟");
        assertThat(e.sourceSite().value()).isEqualTo("新京报");
    }

    @Test
    void aPhotographersCreditAndAPlaceholderAreNoAuthors() {
        assertThat(page(TITLE, "2021-06-30", PROSE, "▲广州日报全媒体图片记者黎旭阳、李妍摄").author()).isNull();
        assertThat(page(TITLE, "作者：未知 2021-06-30", PROSE).author()).isNull();
    }

    @Test
    void aReporterPrintedBareAfterTheSourceIsTheAuthor() {
        Extraction e = page(TITLE, "2023-06-15 08:10 来源：中国新闻网 王帆", PROSE);
        assertThat(e.sourceSite().value()).isEqualTo("中国新闻网");
        assertThat(e.author().value()).isEqualTo("王帆");
        assertThat(page(TITLE, "2019-09-07 09:59:22 来源: 新京报 举报", PROSE).author()).as("a button").isNull();
    }

    @Test
    void aSiteClaimingThePieceAsItsOwnIsNoWriter() {
        Extraction e = page(TITLE, "原创：39健康网2024-04-23 12:27:25", PROSE);
        assertThat(e.author()).isNull();
        assertThat(e.originalDate().value()).isEqualTo("2024-04-23T12:27:25");
        assertThat(page(TITLE, "39健康网2024-04-23", PROSE).author()).as("a site glued to the date, unlabelled").isNull();
    }

    @Test
    void anInterviewersQuestionIsNoByline() {
        Extraction e = page(TITLE, "2021-06-30", "（记者 张三）", PROSE, "记者：请问你怎样看待农业税补贴问题，这对农民意味着什么？", PROSE);
        assertThat(e.author().value()).isEqualTo("张三");
    }

    @Test
    void anAccountPrintedBareBetweenTheTitleAndTheDate() {
        assertThat(page(TITLE, "加拿大必读", "发布时间：2019-10-08 12:00", PROSE).author().value()).isEqualTo("加拿大必读");
        Extraction e = page(TITLE, "石佳/中国青年报", "2019-09-24 09:10", PROSE);
        assertThat(e.author().value()).isEqualTo("石佳");
        assertThat(e.sourceSite().value()).isEqualTo("中国青年报");
    }

    @Test
    void anInterviewersShortQuestionAddsNobodyToTheByline() {
        Extraction e = page(TITLE, "2021-06-30", "记者 伊琳 李清芬", PROSE, "记者：你通过什么渠道最快的获取这些信息？", PROSE);
        assertThat(e.author().value()).isEqualTo("伊琳 李清芬");
    }

    @Test
    void aTranslatorsNameWithItsRoleGluedOnClosesTheCreditBeforeTheAccount() {
        assertThat(page(TITLE, "2019-09-09", "原创： 路闻卓立编译 人民币交易与研究", PROSE).author().value()).isEqualTo("路闻卓立");
        assertThat(page(TITLE, "2019-09-25", "作者：网络整理", PROSE).author()).as("a placeholder stays nobody").isNull();
    }

    @Test
    void aWeChatAccountIsNamedAboveItsId() {
        Extraction e = page(TITLE, "爱否科技", "微信号 FViewXFG", "功能介绍 聚焦「手机互联网」领域的行业思考和产品体验", "昨天", PROSE);
        assertThat(e.author().value()).isEqualTo("爱否科技");
    }
    @Test
    void aReporterClosingTheTextInBracketsWithThePortalThatEmploysThem() {
        assertThat(page(TITLE, "2015-07-04", PROSE, "（网易财经 张艳）").author().value()).isEqualTo("张艳");
        assertThat(page(TITLE, "2015-07-04", PROSE, "（新华社 记者）").author()).isNull();
    }

    @Test
    void headlinesListedWithTheirDatesUnderTheTextAreOtherStoriesNotTheirAuthors() {
        Extraction e = page(TITLE, "2015-07-02 03:36:48 来源: 上海证券报", PROSE, "本文来源：上海证券报 责任编辑：NF051",
                "内地与香港基金互认今起实施 2015/07/01", "内地与香港基金互认启动 分级、保本基金暂不纳入 2015/07/01");
        assertThat(e.author()).isNull();
    }

    @Test
    void theCreditLineIsReadBelowAnAppPromoAndABoxOfLinksWhileAnUnlabelledNameThatFarDownIsNot() {
        String[] links = {"网易财经", "会赚钱的客户端：", "网易携手华泰证券", "推出“打新神器”：", "重点推荐", "证券要闻",
                "沪指3周重挫近30% 券商大佬齐聚证监会", "证监会又出五大招救市 千亿资金输血市场", "行业动态", "航空股：即将迎来航空旺季",
                "光伏产业获政策强力扶持", "公司新闻", "泸州老窖换届新目标遭质疑", "海尔不再硬碰硬"};
        List<String> credited = new ArrayList<>(List.of(TITLE, "2015-07-03 07:42:28 来源: 投资快报", PROSE, PROSE));
        credited.addAll(List.of(links));
        List<String> unlabelled = new ArrayList<>(credited);
        credited.add("本文来源：投资快报 作者：孙宁 责任编辑：NF041");
        unlabelled.add("金错刀 2021-10-06 16:22:06");
        assertThat(page(credited.toArray(String[]::new)).author().value()).isEqualTo("孙宁");
        assertThat(page(unlabelled.toArray(String[]::new)).author()).isNull();
    }
    @Test
    void aTwoCharacterNameSetWithASpaceToLineUpWithOthersIsOneName() {
        assertThat(page(TITLE, "本报记者 王乐文 方 敏", "2024年05月10日06:58 | 来源：人民网－人民日报", PROSE).author().value()).isEqualTo("王乐文 方敏");
    }
    @Test
    void reportersNamedWithoutARoleInTheBracketAfterAnAgencysDateline() {
        Extraction e = page(TITLE, "2024-05-20 03:15", "新华社北京5月19日电（刘艺、杨吉）" + PROSE);
        assertThat(e.author().value()).isEqualTo("刘艺 杨吉");
        assertThat(e.body()).startsWith("新华社北京5月19日电（刘艺、杨吉）");
    }

    @Test
    void anEditorsBracketEndsAtItsCloseWhateverButtonIsGluedAfterIt() {
        assertThat(page(TITLE, "2024-05-20 06:48", PROSE, "（编辑：小何）返回搜狐，查看更多").editor().value()).isEqualTo("小何");
    }

    @Test
    void aTaiwanReporterInTortoiseShellBracketsOpensTheTextUnderACaption() {
        Extraction e = page(TITLE, "2020-04-01 10:29", "我院召开党建工作座谈会。（資料照）", "〔記者巫其倫／台北報導〕" + PROSE);
        assertThat(e.author().value()).isEqualTo("巫其倫");
    }

    @Test
    void aPapersReporterInTraditionalCharactersAfterTheTimeAndThePaper() {
        Extraction e = page(TITLE, "2020-10-04 15:05聯合報 記者林宸誼／即時報導", PROSE);
        assertThat(e.author().value()).isEqualTo("林宸誼");
        assertThat(e.sourceSite().value()).isEqualTo("聯合報");
    }

    @Test
    void theAccountAfterTheWriterOnAWeChatCreditLineIsNoSecondWriterAndNoSite() {
        Extraction e = page(TITLE, "原创： 迷死氧 新氧", "新氧", "微信号 soyoung111", "功能介绍 我看过的脸比你吃过的大米还多", PROSE);
        assertThat(e.author().value()).isEqualTo("迷死氧");
        assertThat(e.sourceSite()).isNull();
    }

    @Test
    void theWritersPostsListedBeforeTheNameAreNoNames() {
        Extraction e = page(TITLE, "2024-05-10", PROSE, "（本文来源：经济日报 作者：中国国际经济交流中心世界经济研究部部长，“一带一路”研究部部长、研究员徐占忱）");
        assertThat(e.author().value()).isEqualTo("徐占忱");
    }

    @Test
    void aDeskCreditedWithACompiledReportIsItsAuthorWhenNoReporterIsNamed() {
        assertThat(page(TITLE, "2018-02-21 18:03", "社會中心／綜合報導", PROSE).author().value()).isEqualTo("社會中心");
        Extraction opening = page(TITLE, "2018-07-31 08:19", "〔即時新聞／綜合報導〕" + PROSE, PROSE);
        assertThat(opening.author().value()).isEqualTo("即時新聞");
        assertThat(opening.body()).startsWith("4月21日，我院召开");
        assertThat(page(TITLE, "2018-02-21 18:03", "記者林悅／南市報導", PROSE).author().value()).isEqualTo("林悅");
    }

    @Test
    void theWriterOnAWeChatDateLineStandsBetweenTheDateAndTheAccount() {
        assertThat(page(TITLE, "2018-04-06 🌏华商君 华商报 华商报", "华商报", "微信号 hsb88880000", "功能介绍 奉献最有价值的新闻和信息", PROSE)
                .author().value()).isEqualTo("华商君");
        // a prompt to follow the account in the writer's place names nobody: the account stands in
        assertThat(page(TITLE, "2018-03-19 读武汉关注☞ 长江日报 长江日报", "长江日报", "微信号 whcjrb", "功能介绍 每天，请从这里阅读武汉。", PROSE)
                .author().value()).isEqualTo("长江日报");
    }

    @Test
    void aWeChatCardWithoutAnIdStillNamesTheAccountWhichIsNoSecondWriter() {
        Extraction e = page(TITLE, "原创 2018-04-07 闲云野鹤 闲云野鹤古刹 闲云野鹤古刹", "闲云野鹤古刹", "微信号", "功能介绍 微微的感动", PROSE);
        assertThat(e.author().value()).isEqualTo("闲云野鹤");
    }

    @Test
    void theOtherRolesOfACreditChainEndTheEditorsName() {
        Extraction e = page(TITLE, "2018-03-19", PROSE, PROSE, "编辑|张维纳 语音|徐佳 剪辑|李春 制图|张莉 校读|刘永杰");
        assertThat(e.editor().value()).isEqualTo("张维纳");
        assertThat(e.author()).isNull();
    }

    @Test
    void aReporterKeepsTheirNameWhenTheNextCreditsRankFollowsIt() {
        Extraction e = page(TITLE, "2021-06-30 10:00", "记者 张三 本报通讯员 李四", PROSE);
        assertThat(e.author().value()).isEqualTo("张三");
        assertThat(e.contributor().value()).isEqualTo("李四");
    }

    @Test
    void whoeverSignsAReportOffIsAnEditorAndTheProofreaderIsNot() {
        assertThat(page(TITLE, "2021-06-30 10:00", PROSE, PROSE, "编辑：王五 审核：赵六 校对：钱七").editor().value()).isEqualTo("王五 赵六");
        assertThat(page(TITLE, "2021-06-30 10:00", PROSE, PROSE, "责编：张三 编审：李四").editor().value()).isEqualTo("张三 李四");
    }

    @Test
    void aCopywriterIsTheWriterAndARoleNoLabelKnowsEndsTheCreditBeforeIt() {
        Extraction e = page(TITLE, "2021-06-30 10:00", PROSE, PROSE, "文案：张三 排版：李四 审核：王五");
        assertThat(e.author().value()).isEqualTo("张三");
        assertThat(e.editor().value()).isEqualTo("王五");
        assertThat(page(TITLE, "2021-06-30 10:00", PROSE, PROSE, "编辑：王五 主编：孙七").editor().value()).isEqualTo("王五");
    }

    @Test
    void aReporterNamedInADatelineWithoutBrackets() {
        assertThat(page(TITLE, "2024-05-13 10:00", "东方网记者曹磊5月13日报道：" + PROSE, PROSE).author().value()).isEqualTo("曹磊");
        assertThat(page(TITLE, "2024-05-13 10:00", "本报记者张三报道：" + PROSE, PROSE).author().value()).isEqualTo("张三");
        assertThat(page(TITLE, "2024-05-13 10:00", "记者从市卫健委获悉，" + PROSE, PROSE).author()).as("a reporter unnamed").isNull();
    }

    @Test
    void aTaiwanReporterClosingTheTextInBracketsWithThePlaceAfterASlash() {
        assertThat(page(TITLE, "2016-05-21 11:44", PROSE, PROSE + "（王煌忠／台中報導）").author().value()).isEqualTo("王煌忠");
    }

    @Test
    void aDepartmentThatSuppliedTheReportIsCreditedWithItBesideThePeopleButAWholeSchoolIsNot() {
        Extraction branch = page(TITLE, "2019-10-31 23:00", PROSE, PROSE, "医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳");
        assertThat(branch.author().value()).isEqualTo("医技药剂党支部 药剂科");
        assertThat(branch.contributor()).isNull();
        assertThat(branch.editor().value()).isEqualTo("苏芳");
        Extraction nurses = page(TITLE, "2021-06-30 10:00", PROSE, PROSE, "供稿：护理部 张三");
        assertThat(nurses.author().value()).isEqualTo("护理部");
        assertThat(nurses.contributor().value()).isEqualTo("张三");
        assertThat(page(TITLE, "2021-06-30 10:00", PROSE, PROSE + "（南宁市第一中学供稿）").author()).isNull();
    }

    @Test
    void theDepartmentAReportCameFromWroteItOnlyWhenNoBylineNamesTheWriter() {
        assertThat(page(TITLE, "来源：护理部 作者：张三 审核：李四 发布时间：2021-06-30", PROSE).author().value()).isEqualTo("张三");
        assertThat(page(TITLE, "来源：护理部 发布时间：2021-06-30", PROSE).author().value()).isEqualTo("护理部");
    }

    @Test
    void theReportersDepartmentBeforeTheirNamesInTheClosingBracketIsNoName() {
        assertThat(page(TITLE, "2021-06-30 10:00", PROSE, PROSE, "（护理部 张三 李四）").author().value()).isEqualTo("张三 李四");
    }
}
