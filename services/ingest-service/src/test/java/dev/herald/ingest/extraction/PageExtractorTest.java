package dev.herald.ingest.extraction;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PageExtractorTest {

    private final PageExtractor extractor = new PageExtractor(LabelledPages.hints());

    private Extraction text(String... lines) {
        return extractor.extract(String.join("\n", lines), PageFormat.TEXT);
    }

    private static final String PROSE = "4月21日，我院召开党建工作座谈会，各党支部书记参加会议并交流了支部工作经验。会议要求，要把党建工作与业务工作紧密结合起来。";

    @Test
    void aBareDateLineAndASiteNameBesideItAreTheDateAndTheSourceSite() {
        Extraction e = text("如意先锋战疫情 党旗一线红", "2020-04-02", "新时代党建教育信息网", PROSE);
        assertThat(e.title().value()).isEqualTo("如意先锋战疫情 党旗一线红");
        assertThat(e.originalDate().value()).isEqualTo("2020-04-02");
        assertThat(e.originalDate().span()).isEqualTo(new Span(1, 0, 10));
        assertThat(e.sourceSite().value()).isEqualTo("新时代党建教育信息网");
    }

    @Test
    void labelledTimeWithAClickCounterGivesTheDate() {
        Extraction e = text("党建引领凝心聚力,同舟共济抗疫情 | 北晚新视觉", "时间:2020-02-14  点击:", PROSE);
        assertThat(e.originalDate().value()).isEqualTo("2020-02-14");
        assertThat(e.title().value()).isEqualTo("党建引领凝心聚力,同舟共济抗疫情");
        assertThat(e.sourceSite().value()).isEqualTo("北晚新视觉");
        assertThat(e.sourceSite().span()).isEqualTo(new Span(0, 19, 24));
    }

    @Test
    void publishTimeKeepsItsTimeAndADepartmentAsSourceIsTheAuthor() {
        Extraction e = text("不忘初心 让抗疫精神在新时代绽放光芒", "发布时间:2021-04-28 00:00 本文来源: 宣传部", PROSE);
        assertThat(e.originalDate().value()).isEqualTo("2021-04-28T00:00");
        assertThat(e.author().value()).isEqualTo("宣传部");
        assertThat(e.sourceSite()).isNull();
    }

    @Test
    void chineseAndFullWidthDatesAreReadAsIso() {
        assertThat(text("标题文字在这里", "发布日期：2021年4月28日", PROSE).originalDate().value()).isEqualTo("2021-04-28");
        assertThat(text("标题文字在这里", "日期：２０２１－０４－２８　０９：０５", PROSE).originalDate().value()).isEqualTo("2021-04-28T09:05");
    }

    @Test
    void datesWrittenInChineseNumeralsAsFormalNoticesPrintThemAreReadAsIso() {
        Extraction e = text("标题文字在这里", "发布时间：二〇二一年四月二十八日", PROSE);
        assertThat(e.originalDate().value()).isEqualTo("2021-04-28");
        assertThat(e.originalDate().span()).isEqualTo(new Span(1, 5, 16));
        assertThat(text("标题文字在这里", "日期：二○二○年十二月三十一日", PROSE).originalDate().value()).isEqualTo("2020-12-31");
        assertThat(text("标题文字在这里", "日期：二〇一九年十月十日", PROSE).originalDate().value()).isEqualTo("2019-10-10");
        assertThat(text("标题文字在这里", "日期：二〇一九年二月九日", PROSE).originalDate().value()).isEqualTo("2019-02-09");
    }

    @Test
    void authorEditorAndResponsibleEditorLabels() {
        Extraction e = text("标题文字在这里", "作者：张三　来源：人民网", PROSE, "责任编辑：李四");
        assertThat(e.author().value()).isEqualTo("张三");
        assertThat(e.sourceSite().value()).isEqualTo("人民网");
        assertThat(e.editor().value()).isEqualTo("李四");
        assertThat(text("标题文字在这里", "编辑：王五", PROSE).editor().value()).isEqualTo("王五");
    }

    @Test
    void aContributorInParenthesesAtTheEndSplitsIntoPersonAndRegisteredUnit() {
        Extraction e = text("标题文字在这里", PROSE + "(供稿人:南宁市中医医院 张贵玲)");
        assertThat(e.contributor().value()).isEqualTo("张贵玲");
        assertThat(e.contributingUnit().value()).isEqualTo("南宁市中医医院");
        assertThat(e.body()).doesNotContain("供稿人");
        assertThat(e.removed()).anyMatch(r -> r.kind().equals("metadata") && r.text().contains("供稿人"));
    }

    @Test
    void aUnitIsMappedToTheRegisteredOneWhateverPartyOrganSuffixOrAliasItIsWrittenWith() {
        assertThat(text("标题文字在这里", "供稿单位：南宁市中医医院党委", PROSE).contributingUnit().value()).isEqualTo("南宁市中医医院");
        assertThat(text("标题文字在这里", "来源：南宁中医院党总支", PROSE).contributingUnit().value()).isEqualTo("南宁市中医医院");
        assertThat(text("标题文字在这里", "供稿单位：某县第九小学", PROSE).contributingUnit().value())
                .as("an unregistered unit is kept as written").isEqualTo("某县第九小学");
    }

    @Test
    void aSubtitleLineStartingWithDashesNamesTheUnit() {
        Extraction e = text("如意先锋战疫情 党旗一线红", "——南宁市中医医院党委抗击疫情纪实", PROSE);
        assertThat(e.subtitle().value()).isEqualTo("南宁市中医医院党委抗击疫情纪实");
        assertThat(e.contributingUnit().value()).isEqualTo("南宁市中医医院");
        assertThat(e.contributingUnit().span()).isEqualTo(new Span(1, 2, 9));
    }

    @Test
    void theBreadcrumbNamesTheChannelWhateverPunctuationItUses() {
        Extraction e = text("当前位置:", "首页", ">", "党旗飘扬,战疫情", "> 正文", "标题文字在这里", PROSE);
        assertThat(e.channel().value()).isEqualTo("党旗飘扬·战疫情");
        assertThat(e.channel().span()).isEqualTo(new Span(3, 0, 8));
        assertThat(e.channel().confidence()).isGreaterThan(0.8);
    }

    @Test
    void withoutATrailTheChannelIsALowConfidenceGuessOrNothing() {
        ExtractedField guess = text("廉洁文化进科室", "医院纪委开展廉政警示教育，组织党员干部观看廉洁教育片，筑牢廉洁从医思想防线。纪检监察干部讲授廉政党课。").channel();
        assertThat(guess.value()).isEqualTo("廉政教育");
        assertThat(guess.confidence()).isLessThanOrEqualTo(0.5);
        assertThat(text("标题文字在这里", "今天天气很好，我们一起去公园散步，看到了很多花。大家都很开心，拍了很多照片。").channel()).isNull();
    }

    @Test
    void aTextWithoutHintsStillExtractsButMapsNothing() {
        Extraction e = new PageExtractor(ExtractionHints.none()).extract("标题文字在这里\n来源：南宁中医院\n" + PROSE, PageFormat.TEXT);
        assertThat(e.title().value()).isEqualTo("标题文字在这里");
        assertThat(e.channel()).isNull();
    }

    @Test
    void textWrappedAtAFixedWidthAsOldPagesAndEMailsPrintItIsProseAndItsFirstLineNoHeadline() {
        List<String> paragraphs = LabelledPages.resource("extraction/pages/report-nanning-tcm-hospital.txt").lines()
                .dropWhile(l -> !l.startsWith("自新冠肺炎")).filter(l -> l.length() > 80).limit(6).toList();
        List<String> page = new java.util.ArrayList<>(List.of("如意先锋战疫情 党旗一线红", "2020-04-02"));
        // 72 columns a line, a Chinese character taking two: the way a 2000s page or a saved e-mail breaks its text
        for (String paragraph : paragraphs) {
            StringBuilder line = new StringBuilder();
            for (char c : paragraph.toCharArray()) {
                if (columns(line.toString() + c) > 72) {
                    page.add(line.toString());
                    line.setLength(0);
                }
                line.append(c);
            }
            page.add(line.toString());
        }

        Extraction e = extractor.extract(String.join("\n", page), PageFormat.TEXT);

        assertThat(paragraphs).hasSize(6);
        assertThat(e.title().value()).isEqualTo("如意先锋战疫情 党旗一线红");
        assertThat(e.body()).startsWith(page.get(2)).endsWith(page.getLast());
        // the text whole, and no line of it cut off mid-sentence, as searching and screening need its sentences (a
        // paragraph may still break where one of its sentences happened to end at the width)
        assertThat(e.body().replace("\n", "")).isEqualTo(String.join("", paragraphs));
        assertThat(e.body().lines()).allMatch(line -> line.endsWith("。") || line.endsWith("”"));
    }

    private static int columns(String text) {
        return text.getBytes(java.nio.charset.Charset.forName("GB18030")).length;
    }

    @Test
    void theNanningPageReportsEachKindOfChromeItRemoved() {
        Extraction e = extractor.extract(LabelledPages.resource("extraction/pages/report-nanning-tcm-hospital.txt"), PageFormat.TEXT);
        assertThat(kinds(e)).contains("navigation", "breadcrumb", "recommendations", "footer", "metadata");
        assertThat(e.removed()).anyMatch(r -> r.kind().equals("recommendations") && r.text().startsWith("为您推荐"));
        assertThat(e.body()).doesNotContain("为您推荐", "友情链接", "主菜单");
    }

    @Test
    void theChaoyangPageIsOneReportWhoseStoriesAreSections() {
        Extraction e = extractor.extract(LabelledPages.resource("extraction/pages/report-chaoyang-health-system.txt"), PageFormat.TEXT);
        assertThat(e.sections()).hasSize(4);
        for (Section s : e.sections()) {
            assertThat(e.body().substring(s.bodyOffset())).startsWith(s.title() + "\n");
        }
        assertThat(kinds(e)).contains("pager", "share");
        assertThat(e.body()).doesNotContain("上一篇", "手机版", "街舞资讯");
    }

    @Test
    void theGuizhouPageLosesItsShareAndFooterLines() {
        Extraction e = extractor.extract(LabelledPages.resource("extraction/pages/report-guizhou-jiangjunshan-hospital.txt"), PageFormat.TEXT);
        assertThat(kinds(e)).contains("breadcrumb", "share", "footer");
        assertThat(e.body()).doesNotContain("扫一扫", "就医须知");
    }

    @Test
    void everySpanPointsAtItsValue() {
        Extraction e = extractor.extract(LabelledPages.resource("extraction/pages/report-nanning-tcm-hospital.txt"), PageFormat.TEXT);
        for (ExtractedField f : List.of(e.title(), e.subtitle(), e.originalDate(), e.sourceSite(), e.contributor())) {
            Span s = f.span();
            assertThat(e.lines().get(s.line()).substring(s.start(), s.end())).isEqualTo(f.value());
        }
    }

    @Test
    void emptyAndGarbageInputGiveNullFieldsAndAnEmptyBody() {
        for (String garbage : new String[]{"", "   \n\n ", "\u0000\u0001\uFFFF", "<<<>>>&&&;;;", "<html><body><div></div></body></html>",
                "a\nb\nc\nd", "(((((((((((((((((((((((((("}) {
            for (PageFormat format : PageFormat.values()) {
                Extraction e = extractor.extract(garbage, format);
                assertThat(e.title()).isNull();
                assertThat(e.originalDate()).isNull();
                assertThat(e.body()).isEmpty();
            }
        }
        assertThat(extractor.extract(null, null).body()).isEmpty();
    }

    @Test
    void aTwoMegabytePageIsReadWhole() {
        String page = LabelledPages.resource("extraction/pages/report-nanning-tcm-hospital.txt");
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 2_000_000) huge.append(page).append('\n');
        StringBuilder oneLine = new StringBuilder();
        while (oneLine.length() < 2_000_000) oneLine.append("党员干部冲锋在前，").append("（").append("时间：");

        Extraction e = extractor.extract(huge.toString(), PageFormat.TEXT);
        Extraction single = extractor.extract(oneLine.toString(), PageFormat.TEXT);
        Extraction html = extractor.extract("<html><body>" + huge.toString().replace("\n", "<p>") + "</body></html>", PageFormat.HTML);

        assertThat(e.body().length()).isGreaterThan(100_000);
        assertThat(single.lines()).hasSize(1);
        assertThat(html.body().length()).isGreaterThan(100_000);
    }

    /**
     * What keeps a huge page linear: the metadata patterns, whose matching can backtrack, only look at
     * lines of up to 300 characters, so a line of megabytes is one pass of the reader and no search.
     */
    @Test
    void onlyLinesOfUpTo300CharactersAreSearchedForMetadata() {
        String dated = "时间：2020-04-02，";
        String longest = dated + "党".repeat(300 - dated.length());
        String tooLong = longest + "党";

        assertThat(Metadata.date(longest)).isNotNull();
        assertThat(Metadata.labels(longest)).isNotEmpty();
        assertThat(Metadata.date(tooLong)).isNull();
        assertThat(Metadata.labels(tooLong)).isEmpty();
    }

    @Test
    void aLeadSentenceUnderTheOpeningImageOpensTheBodyWhileACaptionDoesNot() {
        String lead = "<html><body><h1>补壹刀：别笑！新联盟今天成立了</h1><p>2020-06-05 20:35 叨叨姐</p>"
                + "<p><img src='a.jpg'>西方世界的一些反华分子正试图串联起来。</p><p>" + PROSE + "</p><p>" + PROSE + "</p></body></html>";
        String caption = lead.replace("西方世界的一些反华分子正试图串联起来。", "图为会议现场（记者 张三 摄）");

        assertThat(extractor.extract(lead, PageFormat.HTML).body()).startsWith("西方世界的一些反华分子正试图串联起来。");
        assertThat(extractor.extract(caption, PageFormat.HTML).body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aNameInSquareBracketsOnTheDateLineIsTheAuthorButACreditWordIsNot() {
        Extraction named = text("劳伦斯：一个无法定义的洛克菲勒", "BUSINESS.SOHU.COM 2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]", PROSE, PROSE);
        Extraction credit = text("劳伦斯：一个无法定义的洛克菲勒", "2004年7月16日08:19 【整理】", PROSE, PROSE);

        assertThat(named.author().value()).isEqualTo("黄宇");
        assertThat(credit.author()).isNull();
    }

    @Test
    void aUnitInTheBracketClosingTheTextIsTheAuthorAndLeavesTheBody() {
        Extraction e = text("德清县固定资产投资稳步增长", "信息来源：省发改委", PROSE, "1-10月，全县固定资产投资完成246.79亿元，位列三县两区第一。（德清县发改局）");

        assertThat(e.author().value()).isEqualTo("德清县发改局");
        assertThat(e.body()).endsWith("位列三县两区第一。");
    }

    @Test
    void aCommentatorsBracketClosingTheTextIsTheBylineAndTheTextBeforeItStillCountsAsProse() {
        Extraction e = text("武汉的声音：有英勇的你，才有英雄的城！", "2020-02-19 20:29:58 来源： 半月谈", PROSE, PROSE,
                "正是有了英勇的你们，才有这座英雄的城！（评论员 罗博 萧海川）", "图集", "【纠错】", "责任编辑： 焦鹏");

        assertThat(e.author().value()).isEqualTo("罗博 萧海川");
        assertThat(e.editor().value()).isEqualTo("焦鹏");
        assertThat(e.body()).endsWith("才有这座英雄的城！");
    }

    @Test
    void theEditorsLineEndsTheArticleEvenWhereLongTextFollowsIt() {
        String related = "微视频：隔离病房迎来新生命，护士下班出舱累到蹲地上站不起来，护士长除夕回娘家至今却未见妈妈，我们肩并肩执手风雨，致敬每一位英雄，他们是最可爱的人，向他们致敬！";
        Extraction e = text("武汉的声音：有英勇的你，才有英雄的城！", "2020-02-19 20:29:58", PROSE, PROSE, "责任编辑： 焦鹏", related, related);

        assertThat(e.body()).endsWith(PROSE).doesNotContain("微视频");
        assertThat(e.editor().value()).isEqualTo("焦鹏");
    }

    @Test
    void aDisclaimerEndsTheArticleWhereverItStandsButAClauseOnLiabilityInTheTextDoesNot() {
        Extraction farm = text("广西省发生了一起事件，位置在来宾市，画面曝光", "2021-02-18 07:02:10 来源: 松科说娱乐", PROSE, "目前此案还在进一步。",
                "图片来自网络，如有侵权，请联系删除。", PROSE, PROSE);
        Extraction law = text("中华人民共和国监察法", "发布时间：2018-03-21", PROSE, "第三十九条 经过初步核实，对监察对象涉嫌职务违法犯罪，需要追究法律责任的，监察机关应当按照规定的权限和程序办理立案手续。", PROSE);

        assertThat(farm.body()).endsWith("目前此案还在进一步。");
        assertThat(law.body()).contains("第三十九条").endsWith(PROSE);
    }

    @Test
    void aStaffCodePrintedApartFromTheNameAndACounterAfterItAreNoPartOfTheEditor() {
        assertThat(text("故宫博物院元宵节首次开放夜场", "2019-02-20 10:00", PROSE, PROSE, "[责任编辑：韩保林 PK155]").editor().value()).isEqualTo("韩保林");
        assertThat(text("嫦娥五号为什么是中国航天史上最复杂任务", "2020-11-23 10:22:14 出处：快科技 作者：宪瑞 编辑：宪瑞 人气： 5380 次 评论(18)", PROSE, PROSE)
                .editor().value()).isEqualTo("宪瑞");
        assertThat(text("和讯网快讯标题在这里", "2019-09-26 15:10", PROSE, PROSE, "（责任编辑： HN666）").editor().value()).isEqualTo("HN666");
    }

    @Test
    void anEditorNamedWithTheSiteThatEmploysThemAndAHospitalsCreditLineAreRead() {
        assertThat(text("土豆成了致富薯", "2022-02-13 08:00", PROSE, PROSE, "（松花江网编辑 孙桂芳）").editor().value()).isEqualTo("孙桂芳");
        assertThat(text("我院医技药剂党支部举办专业技能大赛", "时间：2019年10月31日 23:00", PROSE, PROSE, "医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳")
                .editor().value()).isEqualTo("苏芳");
    }

    @Test
    void theOriginalTitleOfAReprintIsSkippedHoweverItIsIntroduced() {
        Extraction e = text("定了！广州南沙邮轮母港即将开通！", "2019-08-13 14:07来源：澎湃新闻", "本文原标题：《定了！广州南沙邮轮母港即将开通！地铁直达+无敌免税城……》", PROSE, PROSE);

        assertThat(e.body()).startsWith(PROSE);
    }

    @Test
    void dialogueInQuotesOpensTheBodyThoughItsLinesAreShort() {
        Extraction e = text("武汉的声音：有英勇的你，才有英雄的城！", "2020-02-19 20:29:58 来源： 半月谈", "关注新华网", "评论",
                "“妈妈，为什么还不能出去？”", "“宝贝，我们在打一场无声的战役！”", PROSE, PROSE);

        assertThat(e.body()).startsWith("“妈妈，为什么还不能出去？”");
    }

    @Test
    void reportersNamedWithoutBracketsAtTheStartOfTheTextAreTheByline() {
        Extraction e = text("话剧《约定无期限》河北各市巡演结束", "2012-06-04 09:20:26",
                "本报讯 记者 王敬照 通讯员 李小红 6月3日上午，话剧《约定无期限》全省巡演最后一场在廊坊举行，这场演出感动了全场观众。", PROSE);

        assertThat(e.author().value()).isEqualTo("王敬照");
        assertThat(e.contributor().value()).isEqualTo("李小红");
        assertThat(e.body()).startsWith("本报讯 记者 王敬照");
    }

    @Test
    void anAgencysLongDatelineBeforeTheReportersBracketStillLeadsToTheByline() {
        Extraction e = text("中铁总辟谣称消息不实", "2018-12-28 12:08",
                "据新华社北京12月28日电（记者 裴剑飞）今日，有消息称60万12306账号外泄，中国铁路总公司回应称消息不实。", PROSE);

        assertThat(e.author().value()).isEqualTo("裴剑飞");
    }

    @Test
    void aWriterCreditedBeforeAPipeOrBeforeTheWordForTextIsTheAuthor() {
        assertThat(text("一个人的春节", "2021-02-12 08:00", "文 | 林芳", PROSE, PROSE).author().value()).isEqualTo("林芳");
        assertThat(text("年过五十的她组建了一支乐团", "2022-02-12 08:00", "河南商报记者马俊峰/文 受访者供图", PROSE, PROSE).author().value()).isEqualTo("马俊峰");
        assertThat(text("栏目导航在这里", "图文|视频|直播", PROSE, PROSE).author()).isNull();
    }

    @Test
    void aSubDistrictOfficeNamedAsTheSourceIsNoAuthor() {
        assertThat(text("东区开展垃圾分类宣传活动", "来源：东区办事处 发布时间：2019-11-08", PROSE, PROSE).author()).isNull();
        assertThat(text("不忘初心 让抗疫精神在新时代绽放光芒", "发布时间:2021-04-28 00:00 本文来源: 宣传部", PROSE).author().value()).isEqualTo("宣传部");
    }

    @Test
    void theTextOpensAfterCreditedCaptionsFollowPromptsTheTitleAgainAndALeadBoxItRepeats() {
        String lead = "发布含光800芯片时，张建锋拿出一张芯片展示，称这个芯片真的非常大。";
        assertThat(text("益阳：“数字”是优长", "2020-01-02 17:11", "为了上网推介家乡特产，村民正录制视频 李尕 摄", PROSE, PROSE).body()).startsWith(PROSE);
        assertThat(text("一个人的春节", "2021-02-12 08:00", "点击上方蓝字关注我们", PROSE, PROSE).body()).startsWith(PROSE);
        assertThat(text("光明日报记者走基层", "2022-02-13 08:00", "【新春走基层】光明日报记者走基层", PROSE, PROSE).body()).startsWith(PROSE);
        assertThat(text("阿里发布最强AI芯片", "时间：2019-09-25", "导读：阿里发布了首款AI芯片。", PROSE, PROSE).body()).startsWith(PROSE);
        assertThat(text("阿里发布最强AI芯片", "时间：2019-09-25", "\uE621 " + lead + "张建锋表示，含光800是首款正式流片的芯片。", PROSE, lead, PROSE).body())
                .startsWith(PROSE);
    }

    @Test
    void aWritersTitleIsNoPartOfTheNameAndAnAffiliationGluedToANameLeavesTheAuthorBlankRatherThanWrong() {
        assertThat(text("坚持以人民为中心的发展思想", "2020-07-04 12:10", PROSE, PROSE, "（作者：方敏 北京大学经济学院教授）").author().value()).isEqualTo("方敏");
        assertThat(text("坚持以人民为中心的发展思想", "2020-07-04 12:10", PROSE, PROSE, "（作者：方敏教授）").author().value()).isEqualTo("方敏");
        assertThat(text("坚持以人民为中心的发展思想", "2020-07-04 12:10", PROSE, PROSE, "（作者：方敏北京大学经济学院教授）").author()).isNull();
    }

    @Test
    void thePlatformAccountAboveAFollowButtonIsTheAuthorWhenNoBylineNamesOne() {
        Extraction account = text("定了！广州南沙邮轮母港即将开通！", "2019-08-13 14:07来源：澎湃新闻", "中国广州发布", "关注", PROSE, PROSE);
        Extraction byline = text("定了！广州南沙邮轮母港即将开通！", "2019-08-13 14:07来源：澎湃新闻 记者 张三", "中国广州发布", "关注", PROSE, PROSE);

        assertThat(account.author().value()).isEqualTo("中国广州发布");
        assertThat(byline.author().value()).isEqualTo("张三");
    }

    @Test
    void aPapersNamePrintedWithItsGroupsSiteAfterTheDateIsTheSource() {
        Extraction e = text("对比试车—测试昌河北斗星、爱迪尔(图)", "AUTO.SOHU.COM 2003年11月12日16:36　 金羊网—新快报", PROSE, PROSE);

        assertThat(e.sourceSite().value()).isEqualTo("金羊网—新快报");
        assertThat(e.originalDate().value()).isEqualTo("2003-11-12T16:36");
    }

    @Test
    void aUnitAfterTheWritersNameIsTheirWorkplaceOrTheAccountNotAnotherAuthor() {
        assertThat(text("如意先锋战疫情 党旗一线红", "原创 张贵玲 南宁市中医医院 2020-04-02", PROSE, PROSE).author().value()).isEqualTo("张贵玲");
        assertThat(text("我院医技药剂党支部举办专业技能大赛", "来源：本站原创 作者：医技药剂党支部", "时间：2019年10月31日 23:00", PROSE, PROSE).author().value())
                .isEqualTo("医技药剂党支部");
    }

    @Test
    void aSummaryBoxMarkedAsOneOrPrintedWholeInBracketsDoesNotOpenTheText() {
        String summary = "今年以来已有8部委为互联网+发声，包括发改委、卫计委、工信部，其中商务部已出台第一个部委层面的行动计划。";
        String html = "<html><body><h1>八部委如何玩转互联网+</h1><div>2015-05-21 05:03:58 来源: 21世纪经济报道</div>"
                + "<p class=\"ep-summary\">" + summary + "</p><div id=\"endText\"><p>" + PROSE + "</p><p>" + PROSE + "</p></div></body></html>";
        assertThat(extractor.extract(html, PageFormat.HTML).body()).startsWith(PROSE);
        assertThat(text("停牌、增持、补仓：大小股东达成护盘共识", "2015-07-03", "[上市公司借停牌避免进一步下跌，大股东增持股票提升股民信心，投资者们则更多通过发声来期盼股市上涨]",
                PROSE, PROSE).body()).startsWith(PROSE);
    }

    @Test
    void anOpeningThesisRestatedAtTheEndIsTheTextsFirstParagraphNotALeadBox() {
        List<String> lines = new java.util.ArrayList<>(List.of("拿什么来稳定投资信心与市场预期", "2015-07-03",
                "基于当前股市的脆弱性，尽力设法稳定投资信心及市场预期是第一位的要务。"));
        for (int i = 0; i < 9; i++) lines.add(PROSE);
        lines.add("基于当前股市的脆弱性，尽力设法稳定市场信心及市场预期是第一位的要务，这对投资者来说最重要。");
        assertThat(text(lines.toArray(String[]::new)).body()).startsWith("基于当前股市的脆弱性，尽力设法稳定投资信心");
    }

    @Test
    void aColumnsNameBeforeTheHeadlineIsNoTitleWithASiteTail() {
        Extraction e = text("新华视界｜河北遵化：数字农机服务助力农业生产", "2024-05-15 08:58:52来源：新华网", PROSE, PROSE);
        assertThat(e.title().value()).isEqualTo("新华视界｜河北遵化：数字农机服务助力农业生产");
        assertThat(text("党建引领凝心聚力,同舟共济抗疫情 | 北晚新视觉", "时间:2020-02-14", PROSE).title().value()).isEqualTo("党建引领凝心聚力,同舟共济抗疫情");
    }

    @Test
    void theHeadlineTheHeadTitleNamesIsTheTitleThoughItReadsAsACommentatorsCreditAndNamesNoAuthor() {
        String html = "<html><head><title>经济日报评论员：再驳“中国新能源产能过剩论”_腾讯新闻</title></head><body><h1>全新首页 焕新登场</h1>"
                + "<div>精选频道 一手热点不容错过</div><h1>经济日报评论员：再驳“中国新能源产能过剩论”</h1><div>经济日报</div>"
                + "<div>2024-05-13 06:16发布于北京经济日报官方账号</div><p>" + PROSE + "</p><p>" + PROSE + "</p></body></html>";
        Extraction e = extractor.extract(html, PageFormat.HTML);
        assertThat(e.title().value()).isEqualTo("经济日报评论员：再驳“中国新能源产能过剩论”");
        assertThat(e.author()).isNull();
    }

    @Test
    void aNameBesideTheDateIsTheAuthorThoughTheLineEndsOnHowManyJoinedTheDiscussion() {
        assertThat(text("任正非有哪四把榔头？", "冀勇庆 2015-06-25 08:46:42 0人参与评论", PROSE, PROSE).author().value()).isEqualTo("冀勇庆");
        assertThat(text("任正非有哪四把榔头？", "maomaobear 2015-06-19 11:20:11 12人参与 评论(3)", PROSE, PROSE).author().value())
                .isEqualTo("maomaobear");
        assertThat(text("任正非有哪四把榔头？", "中国网 2015-06-25 08:46:42 0人参与评论", PROSE, PROSE).author()).isNull();
    }

    @Test
    void theCityAPortalPrintsAfterAPapersNameIsNoPartOfTheSource() {
        assertThat(text("八部委如何玩转互联网+", "2015-05-21 05:03:58 来源: 21世纪经济报道(广州)", PROSE).sourceSite().value()).isEqualTo("21世纪经济报道");
        assertThat(text("八部委如何玩转互联网+", "2015-05-21 05:03:58 来源: 上海证券报·中国证券网(上海)", PROSE).sourceSite().value()).isEqualTo("上海证券报·中国证券网");
    }

    @Test
    void fieldsAFrameworkPrintsWithNothingBetweenThemAreReadApart() {
        // JSX and minifiers drop the whitespace between tags; the stylesheet's margins keep the fields apart on screen
        String html = "<html><body><h1>美联储维持联邦基金利率目标区间不变</h1><div class=\"meta\"><span class=\"pub_time\">2023-06-15 08:10</span>"
                + "<span id=\"source_baidu\">来源：中国新闻网</span><span id=\"author_baidu\">王帆</span></div><p>" + PROSE + "</p></body></html>";
        Extraction e = extractor.extract(html, PageFormat.HTML);
        assertThat(e.originalDate().value()).isEqualTo("2023-06-15T08:10");
        assertThat(e.sourceSite().value()).isEqualTo("中国新闻网");
        assertThat(e.author().value()).isEqualTo("王帆");
    }

    @Test
    void anIconBetweenTheSourceAndThePosterSPlaceSetsThemApart() {
        String html = "<html><body><h1>租户将车停自家院子要交资源占用费</h1><div class=\"post_info\">2024-05-13 09:16:04 来源: "
                + "<a href=\"/media/1\">北青网-北京青年报</a><img src=\"ip.svg\">北京</div><p>" + PROSE + "</p></body></html>";
        assertThat(extractor.extract(html, PageFormat.HTML).sourceSite().value()).isEqualTo("北青网-北京青年报");
    }

    @Test
    void inlineStyledRunsOfAPostStayOneSentence() {
        String html = "<html><body><h1>标题文字在这里</h1><p>2024-05-05</p><p><span style=\"color:red\">国际足联已经决定在俄罗斯世界杯上，</span>"
                + "<span style=\"color:blue\">首次采用录像裁判技术。</span></p><p>" + PROSE + "</p></body></html>";
        assertThat(extractor.extract(html, PageFormat.HTML).body()).startsWith("国际足联已经决定在俄罗斯世界杯上，首次采用录像裁判技术。");
    }

    @Test
    void aLabelGluedToTheDateBeforeItStillStartsItsField() {
        // what a browser copies from a page whose fields sit in boxes of their own
        Extraction e = text("2019年中国人文地理学术年会在重庆举行", "发布时间：2019-05-18来源：中国地理学会", PROSE);
        assertThat(e.originalDate().value()).isEqualTo("2019-05-18");
        assertThat(e.sourceSite().value()).isEqualTo("中国地理学会");
        assertThat(text("短视频文化现象观察", "时间：2024.05.11来源：光明日报 作者：南帆分享到：", PROSE).author().value()).isEqualTo("南帆");
    }

    @Test
    void aSentenceBetweenTheOpeningPictureAndTheDatelineIsThePicturesCaption() {
        String dateline = "福州新聞網訊 1月9日，本報報道了福州現代醫院播放雷人廣告一事。當日，該報道被多家網站轉載，並引發網友熱議，次日多家報紙發表時評。";
        String html = "<html><body><h1>福州一醫院打出廣告惹爭議</h1><p>2012-01-12 14:00:35 來源：福州晚報</p><p><img src=\"a.jpg\"></p>"
                + "<p>11日上午10時許，福州現代醫院LED又恢復了滾動廣告。</p><p>" + dateline + "</p><p>" + PROSE + "</p></body></html>";
        assertThat(extractor.extract(html, PageFormat.HTML).body()).startsWith("福州新聞網訊");
        String marked = "<html><body><h1>呂愛平掌浸大中醫藥學院</h1><p>2012-01-17</p><p>■浸大委任呂愛平教授為中醫藥學院院長。</p>"
                + "<p>香港文匯報訊（記者 高鈺）香港浸會大學宣布，委任呂愛平教授為中醫藥學院院長，並將於二月上任，校方表示歡迎。</p><p>" + PROSE + "</p></body></html>";
        assertThat(extractor.extract(marked, PageFormat.HTML).body()).startsWith("香港文匯報訊");
        // with no dateline under it, a sentence under the picture is the text's first
        String plain = html.replace(dateline, PROSE);
        assertThat(extractor.extract(plain, PageFormat.HTML).body()).startsWith("11日上午10時許");
    }


    @Test
    void aSummaryOverTheReportersStandingBylineIsNotTheTextButALeadOverABracketedCreditIs() {
        String summary = "感冒斷不了根，好像留下一條小尾巴，好了一陣子，馬上又開始「酷酷嗽」不停，家醫科醫師建議把握好轉的7天內，惡補抵抗力，"
                + "天天睡足7小時、運動30分和營養飲食。";
        String text = "天氣又冷又潮濕，感冒的人不少，但怎麼身邊的親朋好友全都痊癒了，偏偏只有自己感冒斷不了根，家醫科醫師何一成發現，近來門診反覆感冒的患者不少。";
        String more = "很多人感冒的第一個症狀就是咳嗽，或是感冒明明都已經好了，卻還在「酷酷嗽」不停，何一成表示，這都是因為抵抗力較弱的原因，不想老是感冒咳嗽，就要先增強抵抗力。";
        Extraction e = text("速報>>", "酷酷嗽不停？感冒後防再中招", "陳鈞凱", "2012年1月16日 11:28", summary, "記者陳鈞凱／台北報導", text, more, PROSE);
        assertThat(e.body()).startsWith(text.substring(0, 20));
        assertThat(e.author().value()).isEqualTo("陳鈞凱");
        // a broadcaster prints its lead, then the reporter in brackets, then the report: the lead is the text's
        String lead = "南投縣衛生局針對傳統市場、超市等販售業者進行市售食品稽查與抽驗，一共抽驗90件年節食品，只有2件不合格，"
                + "不合格率為2.2%，衛生局已要求業者下架並限期改善，提醒民眾選購年節食品時要注意標示。";
        assertThat(text("南投抽驗年節食品 2.2%不合格", "【2012/01/12 17:21 報導 】", lead, "（張文祿報導）", text, more, PROSE).body())
                .startsWith(lead.substring(0, 20));
    }

    @Test
    void aSummaryQuotingASentenceFromFurtherInIsNotTheTextsFirstParagraph() {
        String summary = "今年以来已有8部委为互联网+发声，包括发改委、卫计委、工信部、交通部、旅游局、农业部、能源局、商务部。";
        String first = "地方政府对于拥抱互联网+的热情并不止于会议内容和领导考察行程，批量的引导基金、政策优惠正等待着“网络精英”们。";
        String quoting = "为互联网+鸣锣开道的还有各部委，记者粗略统计，" + summary + "其中商务部已出台第一个部委层面的行动计划。";
        Extraction e = text("八部委如何玩转互联网+", "2015-05-21 05:03:58　来源: 21世纪经济报道", summary, first, PROSE, quoting, PROSE);
        assertThat(e.body()).startsWith(first.substring(0, 20));
        // a sentence the text only echoes in part is its own opening
        String echo = "为互联网+鸣锣开道的还有各部委，记者粗略统计，今年以来已有8部委为互联网+发声。";
        assertThat(text("八部委如何玩转互联网+", "2015-05-21 05:03:58　来源: 21世纪经济报道", summary, first, PROSE, echo, PROSE).body())
                .startsWith(summary.substring(0, 20));
    }

    @Test
    void inATextDumpASentenceOverTheDatelineIsACaptionWhateverTheDatelineSays() {
        String head = "福州一醫院打出廣告惹爭議";
        String meta = "2012-01-12 14:00:35 來源：福州晚報";
        String caption = "11日上午10時許，福州現代醫院LED又恢復了滾動廣告。";
        String dateline = "福州新聞網訊 1月9日，本報報道了福州現代醫院播放雷人廣告一事。當日，該報道被多家網站轉載，並引發網友熱議，次日多家報紙發表時評。";
        assertThat(text(head, meta, caption, dateline, PROSE).body()).startsWith("福州新聞網訊");
        // a desk's credit in brackets and the day's news said so open a report as a dateline does
        String desk = "【《财经》综合报道】据彭博社报道，台湾代工厂富士康1月12日表示，一家工厂的员工因工作调动发生争执，目前已经解决。";
        assertThat(text(head, meta, "富士康在声明中表示，该事件符合相关法律。", desk, PROSE).body()).startsWith("【《财经》综合报道】");
        String news = "北京时间1月16日上午消息，全球最年轻微软认证工程师阿尔法·卡里姆·拉德哈瓦因病去世，年仅16岁，引发各界关注与悼念。";
        assertThat(text(head, meta, "拉德哈瓦在微软", news, PROSE).body()).startsWith("北京时间1月16日");
        // two sentences over it are more than a caption: the text's own opening
        String twoSentences = "11日上午，福州現代醫院LED又恢復了滾動廣告。市民紛紛駐足觀看。";
        assertThat(text(head, meta, twoSentences, dateline, PROSE).body()).startsWith("11日上午");
    }
    @Test
    void aToolBarNamingSeveralToolsIsNotTheTextsFirstLine() {
        Extraction e = text("格兰仕独揽两项红顶奖", "2012-01-17 10:36:43 来源: 佛山日报网络版", "浏览字号：大 中 小 | 打印本页 | 通过Email推荐给好友：", PROSE);
        assertThat(e.body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void instantNewsPrintingOnlyTheMinuteByItsHeadlineIsDatedByTheBarAboveAndNoMenuIsItsHeadline() {
        Extraction e = text("建議我們│ 廣告刊登│ 訂報服務│ 自由徵才│ Blog", "自由電子報 > 即時新聞總覽 > 即時新聞 2012年1月17日‧星期二",
                "即時新聞│政治│社會│科技│國際│財經│生活│體育│影劇│地方", "無障礙閱讀", "即時新聞", "字型：", "春遊避免接觸禽鳥 蛋肉煮熟吃 【10:25】",
                "〔中央社〕" + PROSE, PROSE);
        assertThat(e.title().value()).isEqualTo("春遊避免接觸禽鳥 蛋肉煮熟吃");
        assertThat(e.originalDate().value()).startsWith("2012-01-17");
    }

    @Test
    void pastASidebarsMoreLinkACreditIsTheRecommendedPiecesNotTheArticles() {
        Extraction e = text("職場新鮮人必讀", "北京新浪網 (2012-01-17 05:40)", PROSE, PROSE, "36萬粉絲愛上「大仁哥」的祕密", "強打好書", "更多",
                "你還不懂的職場心理", "作者：裴鈺", "★超實用！人際教戰守則，隨時掌握職場風向球！★超神準！工作自我評量，專家保證信度極高，讓你看清自己。", "編輯首推");
        assertThat(e.author()).isNull();
        // a credit before any such link is the article's own
        Extraction own = text("職場新鮮人必讀", "北京新浪網 (2012-01-17 05:40)", PROSE, PROSE, "作者：裴鈺", "強打好書", "更多");
        assertThat(own.author().value()).isEqualTo("裴鈺");
    }

    @Test
    void theSitesAddressBetweenTheHeadlineAndTheDateLeavesTheHeadlineOverTheDateWhenTheHeadNamesOnlyTheSite() {
        String html = "<html><head><title>环球网</title></head><body><div class=\"nav\"><a href=\"/\">首页</a></div>"
                + "<h1>小微企业所得税减半征收标准由3万提高至6万</h1><ul><li>http://www.huanqiu.com</li><li>2011-12-09 20:30</li><li>财政部</li></ul>"
                + "<p><strong>关于小型微利企业所得税优惠政策有关问题的通知</strong></p>"
                + "<p>为了进一步支持小型微利企业发展，经国务院批准，自2012年1月1日至2015年12月31日，对年应纳税所得额低于6万元的小型微利企业，其所得减按50%计入应纳税所得额。</p>"
                + "<p>通知所称小型微利企业，是指符合《中华人民共和国企业所得税法》及其实施条例规定的小型微利企业。</p></body></html>";
        assertThat(extractor.extract(html, PageFormat.HTML).title().value()).isEqualTo("小微企业所得税减半征收标准由3万提高至6万");
    }

    @Test
    void aDeckRunningOnInClausesBetweenTheHeadlineAndTheDateIsNotTheHeadline() {
        String html = "<html><head><title>人民网</title></head><body><h1>柯达宣布重组 起诉苹果、HTC侵犯专利</h1>"
                + "<h2>有分析认为柯达在寻找转机，也有观点认为，柯达只是在为“卖个好价钱”做准备</h2><p>帅鹏坤</p>"
                + "<p>2012年01月12日14:57 来源：《羊城晚报》</p><p>" + PROSE + "</p><p>" + PROSE + "</p></body></html>";
        assertThat(extractor.extract(html, PageFormat.HTML).title().value()).isEqualTo("柯达宣布重组 起诉苹果、HTC侵犯专利");
        // a headline with one comma stays the headline over the date
        String one = html.replace("有分析认为柯达在寻找转机，也有观点认为，柯达只是在为“卖个好价钱”做准备", "柯达寻找转机，或为卖个好价钱");
        assertThat(extractor.extract(one, PageFormat.HTML).title().value()).isEqualTo("柯达寻找转机，或为卖个好价钱");
    }

    @Test
    void aSitesDatelineWithoutADayAndAnAgencysInFullWidthDigitsNameTheReportersInTheirBracket() {
        Extraction site = text("中电信CDMA终端年会今开幕 2012成手机应用年", "2012年01月16日01:25", "字号：T|T",
                "腾讯科技讯（郭晓峰）1月16日消息，“2012中国电信CDMA终端产业链年会”将于今日下午在北京国家会议中心召开，与会各方将深入探讨终端产业链发展前景。", PROSE);
        assertThat(site.author().value()).isEqualTo("郭晓峰");
        Extraction agency = text("香港一旅游团在吉林境内发生车祸", "2011-12-09 21:10 来源：新华网", "图表：香港一旅游团在吉林境内发生车祸 新华社记者 曲振东 编制",
                "新华网长春１２月９日电（记者张建　周长庆）据吉林省有关部门最新提供的消息，９日下午在吉林省榆树市境内发生一起交通事故，造成多人受伤。", PROSE);
        assertThat(agency.author().value()).isEqualTo("张建 周长庆");
    }

    @Test
    void aDropDownListCopiedAsTextIsNeitherTheTextNorWhatHidesTheHeadline() {
        // a 聯合報 page as a browser copies it: its related-stories drop-down (請選擇---<地方>相關新聞 …) prints as a long
        // line above the headline and again under the text
        String copied = RealPagesAsTextTest.dump(LabelledPages.resource("extraction/real/newspaper-udn-672.html"), false);
        assertThat(copied).contains("請選擇---<地方>相關新聞");
        Extraction e = extractor.extract(copied, PageFormat.TEXT);
        assertThat(e.title().value()).isEqualTo("高市GIS流感資訊系統上線");
        assertThat(e.body()).startsWith("因應春節期間流感疫情將達最高峰").doesNotContain("請選擇");
    }

    @Test
    void aForumsTrailEndingOnThePostsTitleIsNotItsHeadline() {
        String html = "<html><head><title>三校社会学论坛</title></head><body>"
                + "<div>三校社会学论坛·中国网社会论坛 » 学术前沿 » 社会资本、人力资本与下岗职工的再就业</div><div>2003-5-29 09:07 高山流水</div>"
                + "<div>社会资本、人力资本与下岗职工的再就业</div><div>社会资本、人力资本与下岗职工的再就业</div><div>赵延东、风笑天</div><p>" + PROSE
                + "</p><p>" + PROSE + "</p></body></html>";
        assertThat(extractor.extract(html, PageFormat.HTML).title().value()).isEqualTo("社会资本、人力资本与下岗职工的再就业");
    }

    @Test
    void aPapersLenticularDatelineAndASlashedSectionPathAreNoHeadlines() {
        Extraction e = text("udn / 兩岸台商 / 陸港記事", "女嬰驗屍 心臟DNA竟是男性", "【世界日報╱廣州12日電】", "2012.01.12 03:58 pm", PROSE, PROSE);
        assertThat(e.title().value()).isEqualTo("女嬰驗屍 心臟DNA竟是男性");
        assertThat(e.sourceSite().value()).isEqualTo("世界日報");
    }

    @Test
    void aPageCopiedWithoutItsHeadTakesNeitherATraditionalTrailNorAToolRowForTheHeadline() {
        Extraction trail = text("醒報電影院", "當前位置：新聞中心首頁 >> 今日必讀 >> 春節就醫何處去 健保局公佈特約院所　[友善列印]",
                "作者：潘姿羽 文字大小：【大】【中】【小】", "新聞圖片來源：台灣醒報 實際入稿日期： 2012-01-11", "春節就醫何處去 健保局公佈特約院所", PROSE, PROSE);
        assertThat(trail.title().value()).isEqualTo("春節就醫何處去 健保局公佈特約院所");
        Extraction tools = text("首页  头条新闻  正文", "中國研究發現：網癮會損傷大腦引起國際關注", "複製網址 大 中 小  電子郵件  打印", "18:07 2012-01-16",
                PROSE, PROSE);
        assertThat(tools.title().value()).isEqualTo("中國研究發現：網癮會損傷大腦引起國際關注");
    }

    @Test
    void anAgencyCreditedInTortoiseShellBracketsOpensNoText() {
        Extraction e = text("春遊避免接觸禽鳥 蛋肉煮熟吃", "2012-01-17 10:25", "〔中央社〕" + PROSE);
        assertThat(e.body()).startsWith(PROSE.substring(0, 20));
        assertThat(e.author()).isNull();
    }

    @Test
    void theMarkATemplateSetsBeforeTheHeadlineIsNotPartOfIt() {
        String html = "<html><head><title>年節食品抽查　蠶豆含漂白劑 - 優活健康網</title></head><body>"
                + "<h1>優活健康網 〉檢視新聞 〉年節食品抽查　蠶豆含漂白劑</h1><div class=\"till\">》年節食品抽查　蠶豆含漂白劑</div>"
                + "<div>日期：2012.01.12</div><p>" + PROSE + "</p><p>" + PROSE + "</p></body></html>";
        Extraction e = new PageExtractor(ExtractionHints.none()).extract(html, PageFormat.HTML);
        assertThat(e.title().value()).isEqualTo("年節食品抽查 蠶豆含漂白劑");
        assertThat(text("▶ 我院召开党建工作座谈会", "2021-04-21", PROSE).title().value()).isEqualTo("我院召开党建工作座谈会");
    }

    @Test
    void anOutletAndItsReporterListedBareUnderTheHeadlineAreTheSourceAndTheAuthor() {
        String html = "<html><head><title>B流感再奪命</title></head><body><h3>B流感再奪命！四死有慢性病</h3>"
                + "<ul><li>2012-01-17</li><li>新聞速報</li><li>中廣新聞／陳奕華</li></ul><p>" + PROSE + "</p><p>" + PROSE + "</p></body></html>";
        Extraction e = new PageExtractor(ExtractionHints.none()).extract(html, PageFormat.HTML);
        assertThat(e.author().value()).isEqualTo("陳奕華");
        assertThat(e.sourceSite().value()).isEqualTo("中廣新聞");
    }

    @Test
    void aBooksAuthorUnderItsLinkedTitleInABoxFurtherDownIsNotTheArticlesWriter() {
        StringBuilder html = new StringBuilder("<html><head><title>善用天然清潔劑</title></head><body><h1>善用天然清潔劑 無毒大掃除迎新年</h1>"
                + "<cite>優活健康資訊網 (2012-01-12 11:33)</cite><p>" + PROSE + "</p><p>" + PROSE + "</p><h3>其他生活新聞</h3><ul>");
        for (int i = 1; i <= 14; i++) html.append("<li><a href=\"/a/").append(i).append("\">第").append(i).append("則生活新聞的標題文字</a></li>");
        html.append("</ul><div class=\"gdbooks\"><h3>強打好書</h3><h3><a href=\"/books/1595.html\">你還不懂的職場心理</a></h3>"
                + "<div class=\"author\">作者：裴鈺</div><p>★超實用！人際教戰守則，隨時掌握職場風向球！</p></div></body></html>");
        Extraction e = new PageExtractor(ExtractionHints.none()).extract(html.toString(), PageFormat.HTML);
        assertThat(e.body()).startsWith(PROSE.substring(0, 20));
        assertThat(e.author()).isNull();
    }

    @Test
    void aPapersBracketedCreditNamesThePaperAsTheSourceAndAReporterOnlyWhereItNamesOne() {
        Extraction dateline = udnStory("【世界日報╱廣州12日電】", "");
        assertThat(dateline.author()).isNull();
        assertThat(dateline.sourceSite().value()).isEqualTo("世界日報");
        Extraction compiled = udnStory("【聯合晚報╱記者張博亭／整理】", "");
        assertThat(compiled.author().value()).isEqualTo("張博亭");
        assertThat(compiled.sourceSite().value()).isEqualTo("聯合晚報");
        // the picture's credit under the photo box names its photographer, no writer
        Extraction reported = udnStory("【聯合報╱記者高詩琴／台北報導】", "<div class=\"photo\"><p>衛生局提醒消費者選購年菜時，多參考熱量標示。</p><p>記者陳立凱／攝影</p></div>");
        assertThat(reported.author().value()).isEqualTo("高詩琴");
        assertThat(reported.sourceSite().value()).isEqualTo("聯合報");
    }

    private static Extraction udnStory(String credit, String photo) {
        String html = "<html><head><title>女嬰驗屍 心臟DNA竟是男性</title></head><body><div id=\"story_title\">女嬰驗屍 心臟DNA竟是男性</div>"
                + "<div id=\"story_author\">" + credit + "</div><div id=\"story_update\">2012.01.12 03:58 pm</div>"
                + photo + "<p>" + PROSE + "</p><p>" + PROSE + "</p></body></html>";
        return new PageExtractor(ExtractionHints.none()).extract(html, PageFormat.HTML);
    }

    @Test
    void reportersCreditedTogetherInLenticularBracketsAreTheAuthorsAndADeckOfTwoPhrasesIsNoByline() {
        assertThat(text("龍味年菜 健康又吉祥", "2012-01-11 01:30", "【鐘武達、陳世宗／綜合報導】", PROSE).author().value()).isEqualTo("鐘武達 陳世宗");
        String html = "<html><head><title>長時間用平板電腦 易眼過勞</title></head><body><h1>長時間用平板電腦 易眼過勞</h1>"
                + "<h2>保持30~45公分距離 控制使用時間</h2><time>2012年 01月12日</time><p>" + PROSE + "</p><p>" + PROSE + "</p></body></html>";
        assertThat(new PageExtractor(ExtractionHints.none()).extract(html, PageFormat.HTML).author()).isNull();
    }

    @Test
    void theTextOpensPastATraditionalToolBarASummarysLabelAloneAndACaptionOverItsStandingCredit() {
        String lead = "導語：昨天，有消息稱職業病防治法正在修訂職業病的目錄，其中鼠標手和頸椎病等白領常見病有望列入。";
        assertThat(body("<p>打印 轉發 字號：大 中 小</p><p>" + lead + "</p><p>" + PROSE + "</p>")).startsWith(lead.substring(0, 20));
        assertThat(body("<p>核心提示：</p><p>" + PROSE + "</p><p>" + PROSE + "</p>")).startsWith(PROSE.substring(0, 20));
        String caption = "菸害防制法新規定屆滿三周年，過去三年吸菸人口減少42萬。";
        assertThat(body("<p>" + caption + "</p><p>報系資料照</p><p>" + PROSE + "</p><p>" + PROSE + "</p>")).startsWith(PROSE.substring(0, 20));
        // a picture page's caption with nothing after it is its text
        assertThat(body("<p>" + caption + "</p><p>新华社记者廖宇杰摄</p><p>关注新浪体育，了解更多体坛资讯。</p>")).startsWith(caption.substring(0, 20));
    }

    private static String body(String text) {
        String html = "<html><head><title>你有職業病嗎</title></head><body><h1>你有職業病嗎</h1><div>2012年01月11日 10:16:01 來源：39健康網</div>"
                + "<div class=\"article\">" + text + "</div></body></html>";
        return new PageExtractor(ExtractionHints.none()).extract(html, PageFormat.HTML).body();
    }

    @Test
    void aReporterGluedBetweenThePapersNameAndThePlaceIsTheAuthorAndThatDatelineStaysInTheText() {
        Extraction e = text("春節步道 林務局精選15條", "台灣醒報 (2012-01-17 17:59)", "【台灣醒報記者李宛儒台北報導】" + PROSE);
        assertThat(e.author().value()).isEqualTo("李宛儒");
        assertThat(e.body()).startsWith("【台灣醒報記者李宛儒台北報導】");
        // after a name and a slash the place stands alone
        assertThat(text("夫妻墜樓 航警調查", "2012-01-17", "聯合報 記者陳嘉寧／桃園機場報導", PROSE).author().value()).isEqualTo("陳嘉寧");
    }

    @Test
    void theWritersUnitAndNameRunTogetherOverTheTextAreNotItsFirstWords() {
        assertThat(body("<p>庆阳市安监局马春健</p><p>" + PROSE + "</p><p>" + PROSE + "</p>")).startsWith(PROSE.substring(0, 20));
        assertThat(body("<p>南宁市中医医院党委办公室李明</p><p>" + PROSE + "</p><p>" + PROSE + "</p>")).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aRowOfCountersAndToolsADumpPrintsOnItsOwnLineIsNotTheTextsFirstWords() {
        for (String row : List.of("0人参与0条评论打印转发", "0人参与0条主评论   0条评论0条总评论  打印 转发", "調整字體︰大 中 小", "調整字級：")) {
            assertThat(text("美国三季度经常帐赤字1103亿美元", "2011年12月16日 07:51 来源：凤凰网财经", row, PROSE).body()).as(row).startsWith(PROSE.substring(0, 20));
        }
    }

    @Test
    void aSourceCitedWithItsDateInBracketsIsTheSourceAndAHeadlinesSoCitedIsNot() {
        assertThat(text("黑龍江確保醫改公益性惠民", "北京新浪網 (2012-01-16 15:10)", PROSE).sourceSite().value()).isEqualTo("北京新浪網");
        assertThat(text("黑龍江確保醫改公益性惠民", "父母與子女的十大期望 (2012-01-16)", PROSE).sourceSite()).isNull();
    }

    @Test
    void aSectionsNamePrintedByTheDateIsNoSource() {
        for (String section : List.of("新聞速報", "即時新聞", "國際新聞", "生活新聞", "国内新闻")) {
            assertThat(text("B流感再奪命！四死有慢性病", "2012-01-17", section, PROSE).sourceSite()).as(section).isNull();
        }
        assertThat(text("B流感再奪命！四死有慢性病", "2012-01-17", "中國時報", PROSE).sourceSite().value()).isEqualTo("中國時報");
    }

    @Test
    void theSourceAnExcerptNamesIsThePaperWithoutTheWordsThatSayItIsAnExcerpt() {
        assertThat(text("明年合同电煤涨价禁超5%", "2011-12-15", "摘自北京晚报", PROSE).sourceSite().value()).isEqualTo("北京晚报");
        assertThat(text("家长热议改编儿歌", "2018-01-12 来源：综合抖音黑板报、南方都市报", PROSE).sourceSite().value()).isEqualTo("抖音黑板报、南方都市报");
    }

    @Test
    void aCorrespondentCreditedForThePicturesAndAColumnNamedAfterTheReporterNameNoWriter() {
        Extraction e = text("南寧春節獻血送溫暖", "2012-01-12", PROSE + "（記者 李慧婷/文 通訊員 史貝貝/圖）");
        assertThat(e.author().value()).isEqualTo("李慧婷");
        assertThat(e.contributor()).isNull();
        assertThat(text("江蘇社區醫院藥價降三成", "2012-01-17", "□快報記者 劉峻", "記者調查", PROSE).author().value()).isEqualTo("劉峻");
    }

    @Test
    void writersCreditedForTextAndPicturesWithTheRoleGluedToTheLastNameAreTheAuthors() {
        Extraction e = text("重慶富豪修小洋樓送村民", "北京新浪網 (2012-01-17 05:40)", "彭瑜  賀懷湘文/圖", PROSE);
        assertThat(e.author().value()).isEqualTo("彭瑜 賀懷湘");
        assertThat(e.body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aLeadOverAReportThatOpensOnThePapersDatelineAndBylineKeepsTheLeadAndNamesTheReporter() {
        String lead = "做了一次手術，5歲的小傑就感覺鼻子難受，睡覺打鼾，後來父親竟在孩子鼻孔中拽出一團紗布。術後第二天起，郭某感覺孩子睡覺總打鼾。";
        Extraction e = text("手術58天後 父親從孩子鼻孔拽出紗布", "2012-01-17 華商網-華商報", lead, "本報訊 (記者劉立春)" + PROSE);
        assertThat(e.author().value()).isEqualTo("劉立春");
        assertThat(e.body()).startsWith(lead.substring(0, 20));
    }

    @Test
    void theMinuteAnInstantNewsHeadlineCarriesIsNotPartOfIt() {
        assertThat(text("春遊避免接觸禽鳥 蛋肉煮熟吃 【10:25】", "2012-01-17", PROSE).title().value()).isEqualTo("春遊避免接觸禽鳥 蛋肉煮熟吃");
    }

    @Test
    void aWriterCreditedInBracketsWithTheirPartOrReportingGlued() {
        assertThat(text("加价9毛钱信息费让订票电话变了味儿", "2012-01-12", PROSE, "(李艳 撰稿)").author().value()).isEqualTo("李艳");
        assertThat(text("春節就醫急診無休", "2012-01-17", PROSE + "（陳奕華報導）").author().value()).isEqualTo("陳奕華");
        assertThat(text("春節就醫急診無休", "2012-01-17", PROSE + "（新華社報導）").author()).isNull();
    }

    @Test
    void aReporterAndThePlaceReportedFromOnALineOfTheirOwnIsTheByline() {
        Extraction e = text("補習消費爭議多 教局教你保權益", "2012-01-12", "中國時報", "石文南／台北報導", PROSE);
        assertThat(e.author().value()).isEqualTo("石文南");
        assertThat(e.body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aWriterSigningTheLastParagraphIsTheAuthorAndTheWordsStay() {
        Extraction e = text("呼和浩特网友发帖倡议今年春节不放鞭炮", "2012-01-17", PROSE, "一位卖烟花的商户告诉记者，今年的货已经进好了，他说：“大家都不放鞭炮，你说，我把这些货卖给谁呢？”文/包文臻");
        assertThat(e.author().value()).isEqualTo("包文臻");
        assertThat(e.body()).endsWith("文/包文臻");
    }

    @Test
    void anOpinionPiecesWriterIsNamedBeforeTheHeadlinesColonWhenTheNoteSaysWhoWroteIt() {
        String last = "到底是谁需要这个韩寒？这个问题想清楚了，我们就会认同下面这句话。";
        assertThat(text("李晓亮：是谁需要一个人造的韩寒？", "2012-01-17", PROSE, last + "（作者系媒体评论员）").author().value()).isEqualTo("李晓亮");
        // without the note the name before the colon is as likely someone quoted
        assertThat(text("李克强：培育长期稳定健康发展的资本市场", "2012-01-17", PROSE, last).author()).isNull();
    }

    @Test
    void aLinkToTheWritersOtherPiecesNamesTheWriterOnly() {
        assertThat(text("微软称Win8 ARM设备将无法安装运行Linux", "2012-01-17", PROSE, "查看本文作者 孙伟 的其他文章>>").author().value()).isEqualTo("孙伟");
    }

    @Test
    void aListHeaderWhoseItemsNeverLoadedDoesNotSwallowTheTrailAndTheHeadlineAfterIt() {
        String headline = "微软:Win8 ARM设备将无法安装运行Linux";
        Extraction zol = text("[其他] 苹果暂缓多款新品上市 等待雄", "热点推荐", "ZOL首页 > 新闻中心 > 行业新闻 > " + headline, headline,
                "CBSi中国·ZOL 作者： 孙伟 2012年01月17日 17:40", PROSE);
        assertThat(zol.title().value()).isEqualTo(headline);
        String energy = "《神州能源》发改委：２０１２年可能出现部分地区电煤供需失衡";
        Extraction etnet = text("loading...", "图片新闻", "港股传闻", "您现在所在的位置： 首页 > 新闻 > 分类新闻 > 国企红筹 > 《神州能源》发改委",
                "国企红筹", energy, "2011/12/15 11:45", PROSE);
        assertThat(etnet.title().value()).isEqualTo(energy);
    }

    @Test
    void theWriterTheTemplateMarksInTheHeaderIsTheAuthor() {
        String html = "<html><body><h1>中电信CDMA终端年会今开幕 2012成手机应用年</h1><div class=\"info\"><span class=\"pubTime\">2012年01月16日01:25</span> "
                + "<span class=\"where\">腾讯科技</span> [<a href=\"#\">微博</a>] <span class=\"auth\">郭晓峰</span></div><p>" + PROSE + "</p>"
                + "<div class=\"comment-author\">王小明</div></body></html>";
        assertThat(extractor.extract(html, PageFormat.HTML).author().value()).isEqualTo("郭晓峰");
        // a commenter's name is marked too, and is nobody's byline
        String commented = html.replace("<span class=\"auth\">郭晓峰</span>", "");
        assertThat(extractor.extract(commented, PageFormat.HTML).author()).isNull();
    }

    @Test
    void aReportersCreditInBlackLenticularBracketsIsTheBylineNotTheText() {
        Extraction opening = text("新北年菜食譜 6人份2千元搞定", "2012-01-17", "【林媛玲╱新北報導】" + PROSE);
        assertThat(opening.author().value()).isEqualTo("林媛玲");
        assertThat(opening.body()).startsWith(PROSE.substring(0, 20));
        Extraction alone = text("細菌型感冒 吃克流感無效", "2012/01/12", "【台灣新生報／記者蘇湘雲／台北報導】", PROSE);
        assertThat(alone.author().value()).isEqualTo("蘇湘雲");
        assertThat(alone.body()).startsWith(PROSE.substring(0, 20));
        // a column's tag in the same brackets stays the text's
        assertThat(text("十三届全国人大一次会议举行第六次全体会议", "2018-03-19", "【全国两会】" + PROSE).body()).startsWith("【全国两会】");
    }

    @Test
    void aStationSigningItsReportAfterTheTextNamesTheReporters() {
        Extraction e = text("上網成癮如吸毒 損害腦袋", "2012年1月16日", PROSE, "希望之聲國際廣播電台張翠報導");
        assertThat(e.author().value()).isEqualTo("張翠");
        assertThat(e.body()).doesNotContain("希望之聲");
    }

    @Test
    void aSummaryLabelSetWithASpaceIsStillASummary() {
        Extraction e = text("十年一遇最美月全食明晚登场", "2011-12-09", "摘 要：明天将上演月全食，届时一轮美丽的红月亮将高悬夜空。", "明天(12月10日)将上演月全食。" + PROSE);
        assertThat(e.body()).startsWith("明天(12月10日)");
    }

    @Test
    void aPortalsDisclaimerAndAPromptToFollowItEndTheText() {
        String disclaimer = "本文仅代表作者个人观点，和讯网站对文中陈述、观点判断保持中立，不对所包含内容的准确性、可靠性或完整性提供任何明示或暗示的保证。请读者仅作参考，并请自行承担全部责任。";
        assertThat(text("被告人刑期与罚金均大幅减少", "2011-12-15", PROSE, disclaimer).body()).endsWith(PROSE.substring(PROSE.length() - 10));
        // in traditional characters, as Hong Kong's portals print them
        Extraction hk = text("糖尿中成藥含未標示西藥籲停服", "2012-01-17", PROSE, "(內容由新浪北京提供。未經授權，不得轉載。)",
                "快點到Facebook Like我們的專頁！[按此 Like]", "TAGS 硬件, Notebook / PC, 平板電腦");
        assertThat(hk.body()).endsWith(PROSE.substring(PROSE.length() - 10));
    }

    @Test
    void whereADigestTookItsTextFromIsNotPartOfTheSource() {
        Extraction e = text("中科院稱網癮傷及青少年大腦", "鉅亨網新聞中心 (來源：財匯資訊，摘自：中國經濟網) 2012-01-17 15:08:02", PROSE);
        assertThat(e.sourceSite().value()).isEqualTo("財匯資訊");
    }

    @Test
    void aKeywordListOnTheInfoBarIsAFieldNotASentence() {
        Extraction e = text("深圳回应史上最牛工资单", "来源：燕赵晚报 关键字：住宅租赁;自有物业;制度缺陷;最牛工资;年薪 作者： 2012-01-12 17:14", PROSE);
        assertThat(e.sourceSite().value()).isEqualTo("燕赵晚报");
        assertThat(e.originalDate().value()).startsWith("2012-01-12");
        assertThat(e.body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aWordEndingIn于BeforeTheDateSaysWhenNotWho() {
        Extraction e = text("教程01—普通人如何打造一场发布会级的演讲", "编辑于 2016-08-18", PROSE);
        assertThat(e.author()).isNull();
        assertThat(e.originalDate().value()).isEqualTo("2016-08-18");
    }

    private static java.util.Set<String> kinds(Extraction e) {
        return e.removed().stream().map(Removed::kind).collect(Collectors.toSet());
    }

    @Test
    void numberedNotesClosingAReportAreNotItsText() {
        String notes = String.join("\n", "[1] 《习近平在庆祝中国共产党成立100周年大会上的讲话》，新华社，2021年7月1日。",
                "[2] 国家统计局：《中华人民共和国2023年国民经济和社会发展统计公报》，2024年2月29日。",
                "[3] 财政部：《2023年中国财政政策执行情况报告》，2024年3月7日。");
        Extraction e = extractor.extract(String.join("\n", "标题文字在这里", "2024-05-05", PROSE, "在此一并表示诚挚谢意，感谢各方面的帮助和指导。", notes), PageFormat.TEXT);
        assertThat(e.body()).endsWith("在此一并表示诚挚谢意，感谢各方面的帮助和指导。").doesNotContain("[1]");
    }

    @Test
    void oneBracketedNumberInTheTextEndsNothing() {
        Extraction e = extractor.extract(String.join("\n", "标题文字在这里", "2024-05-05", PROSE, "[1] 这是正文里的一条说明，它属于文章本身，也应当保留下来。"), PageFormat.TEXT);
        assertThat(e.body()).endsWith("也应当保留下来。");
    }

    @Test
    void theNoticesContentFarmsAndSitesPutUnderAReprintAreNotItsText() {
        String last = "会议要求各支部把学习成果转化为工作实效，切实推动各项工作落地见效。";
        for (String notice : List.of("39健康网(www.39.net)专稿，未经书面授权请勿转载。", "文章来源于网络，如有侵权请联系删除。", "图片来源网络，侵删",
                "转载请注明出处。", "更多“医保报销”的相关资讯请关注www.example.com", "欢迎加入本站邮件列表，您将得到最新更新邮件。")) {
            Extraction e = extractor.extract(String.join("\n", "标题文字在这里", "2024-05-05", PROSE, PROSE, last, notice,
                    "另一篇文章的导语也很长，它说到了很多事情，读起来像正文，但不属于这篇文章。"), PageFormat.TEXT);
            assertThat(e.body()).as(notice).endsWith(last);
        }
    }

    @Test
    void aSentenceAboutRumoursFromTheInternetIsStillText() {
        String line = "这些说法来源于网络，经核实均不属实，请广大群众不信谣、不传谣。";
        Extraction e = extractor.extract(String.join("\n", "标题文字在这里", "2024-05-05", PROSE, line), PageFormat.TEXT);
        assertThat(e.body()).endsWith(line);
    }

    @Test
    void aRepublisherTaggedHeadlinePrintedAgainBareAboveTheTextIsNotTheText() {
        Extraction e = extractor.extract(String.join("\n", "转载 | 我院召开党建工作座谈会暨经验交流会", "时间：2021-06-30 10:20 来源：网络 作者：佚名",
                "我院召开党建工作座谈会暨经验交流会", PROSE), PageFormat.TEXT);
        assertThat(e.body()).startsWith("4月21日");
        assertThat(e.originalDate().value()).isEqualTo("2021-06-30T10:20");
        assertThat(e.sourceSite()).as("网络 is a placeholder").isNull();
    }

    @Test
    void theDisclosureTableOfAGovernmentNoticeIsMetadataNotItsTitleOrText() {
        Extraction e = new PageExtractor(ExtractionHints.none()).extract(String.join("\n", "关于做好2021年夏季卫生防疫工作的通知",
                "索引号：11450100MB1234567X/2021-00123", "发布机构：南宁市卫生健康委员会", "成文日期：2021-06-28", "发布日期：2021-06-30",
                "文号：南卫发〔2021〕12号", PROSE), PageFormat.TEXT);
        assertThat(e.title().value()).isEqualTo("关于做好2021年夏季卫生防疫工作的通知");
        assertThat(e.originalDate().value()).as("the publication date, not the signing date").isEqualTo("2021-06-30");
        assertThat(e.body()).startsWith("4月21日");
    }

    @Test
    void aWriterNamedBeforeTheRoleIsTheAuthorAndThePhotographerIsNot() {
        PageExtractor plain = new PageExtractor(ExtractionHints.none());
        assertThat(plain.extract(String.join("\n", "标题文字在这里", "2024-05-05", PROSE, "张三 / 文"), PageFormat.TEXT).author().value()).isEqualTo("张三");
        assertThat(plain.extract(String.join("\n", "标题文字在这里", "2024-05-05", "张三/文 李四/图", PROSE), PageFormat.TEXT).author().value()).isEqualTo("张三");
    }

    @Test
    void aButtonAboveAWeChatIdIsNoAccount() {
        Extraction e = new PageExtractor(ExtractionHints.none()).extract(String.join("\n", "标题文字在这里", "阅读原文", "微信号：nnzyy", PROSE), PageFormat.TEXT);
        assertThat(e.author()).isNull();
    }

    @Test
    void aWeChatProfileCardIsNeitherTheTitleNorTheText() {
        Extraction e = text("标题文字在这里", "北京市世纪律师事务所", "北京市世纪律师事务所", "微信号 shijilaw",
                "功能介绍 世纪律师事务所是一家1994年成立的综合性合伙制律所，汇聚众多高端复合型律师、专家顾问。", PROSE);
        assertThat(e.title().value()).isEqualTo("标题文字在这里");
        assertThat(e.body()).startsWith("4月21日");
    }

    @Test
    void theHeadlineAPageSharesStandsInForAnEmptyHeadTitle() {
        String html = "<html><head><title></title><meta property=\"og:title\" content=\"两家大行行长空缺\"></head><body>"
                + "<h2>两家大行行长空缺</h2><p>轻金融</p><p>年末银行业又一起重量级高管变动</p><p>来源：轻金融</p><p>" + PROSE + "</p><p>" + PROSE + "</p></body></html>";
        assertThat(extractor.extract(html, PageFormat.HTML).title().value()).isEqualTo("两家大行行长空缺");
    }

    @Test
    void aPlatformsWayBackAfterTheLastWordsAndItsDisclaimerAreNotTheText() {
        Extraction e = text("标题文字在这里", "2023-11-02 20:13", PROSE, PROSE + "返回搜狐，查看更多", "责任编辑：",
                "平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。");
        assertThat(e.body()).endsWith("紧密结合起来。");
    }

    @Test
    void latestHeadlinesWithTheirTimesAreAListEvenWhenTheyReadAsProse() {
        Extraction e = text("最新消息 遭證實向國防部索取軍機資料 吳斯懷：問政需求、合情合理 2020-03-12 18:39",
                "最新消息 【武漢肺炎片】Google 如何協助台灣？為疫情的疑難雜症推出「4 大服務」 2020-03-12 18:00",
                "最新消息 上班族移入、捷運加持！ 雙北這兩區奪中古屋交易熱點 2020-03-12 20:00",
                "标题文字在这里", "上報快訊／范姜佳鈺 2020年03月12日 20:19:00", PROSE, PROSE);
        assertThat(e.title().value()).isEqualTo("标题文字在这里");
        assertThat(e.body()).startsWith("4月21日");
    }

    @Test
    void aCaptionCreditingWhereThePictureWasTakenFromIsNotTheFirstParagraph() {
        Extraction e = text("标题文字在这里", "2020-03-12 20:19", "对于日前的发言，王婉谕直言，公众人物发言应该更自律。（取自王婉諭臉書）", PROSE);
        assertThat(e.body()).startsWith("4月21日");
    }

    @Test
    void aListThatRepeatsItsLabelsForItemAfterItemStaysInTheTextItStandsIn() {
        List<String> page = new java.util.ArrayList<>(List.of("首页 | 新闻中心 | 院务公开", "我院联合八个社区开展“健康进万家”义诊活动",
                "发布时间：2024-05-13 09:30 来源：宣传科",
                "本报讯 为庆祝护士节，医院党委组织内科、外科、中医科等专家于5月17日至19日走进社区开展义诊，为居民免费测量血压血糖，解答用药疑问。各义诊点安排如下："));
        String[] sites = {"青秀区新竹社区", "兴宁区民主社区", "江南区福建园社区", "西乡塘区北湖社区", "良庆区大沙田社区", "邕宁区蒲庙社区",
                "武鸣区城厢社区", "横州市横州社区"};
        for (int k = 0; k < sites.length; k++) {
            page.addAll(List.of((k + 1) + "、" + sites[k], "义诊时间：上午8:30-11:30", "咨询电话：0771-28" + (10000 + k)));
        }
        page.add("活动期间，各义诊点还将发放健康宣传资料，并为行动不便的老人提供上门服务。请居民朋友携带既往病历，错峰前往，避免长时间排队等候。");
        page.add("版权所有：某某医院 桂ICP备12345678号");

        Extraction e = text(page.toArray(String[]::new));

        assertThat(e.body()).startsWith("本报讯 为庆祝护士节").contains("8、横州市横州社区", "义诊时间：上午8:30-11:30",
                        "咨询电话：0771-2810000", "咨询电话：0771-2810007")
                .endsWith("避免长时间排队等候。").doesNotContain("版权所有");
    }

    @Test
    void aLinkToThePapersMicroblogBesideTheSourceIsNobodysNameAndTheReporterIsReadFromTheDateline() {
        Extraction e = text("标题文字在这里", "2012年07月11日21:38中国新闻网[微博]戚亚平我要评论(0)",
                "中新网乌鲁木齐7月11日电 (记者戚亚平)" + PROSE, PROSE);
        assertThat(e.author().value()).isEqualTo("戚亚平");
    }

    @Test
    void aCalendarLeafUnderTheTitleDatesTheArticleBeforeTheRelatedItemsDatesUnderIt() {
        Extraction e = text("首页 > 重要信息", "标题文字在这里", "21", "2024年02月", "分享", PROSE, PROSE, "返回列表", "相关推荐",
                "研究所在衢州开展罗氏沼虾良种良法推广", "2020年01月18日", "研究所召开退休老同志情况通报会", "2025年06月26日");
        assertThat(e.originalDate().value()).startsWith("2024-02-21");
    }

    @Test
    void whereThePosterWasIsNoSource() {
        assertThat(text("标题文字在这里", "2019年02月20日 02:26:00 来自北京", PROSE, PROSE).sourceSite()).isNull();
        assertThat(text("标题文字在这里", "2024-05-13 06:16 发布于 北京", PROSE, PROSE).sourceSite()).isNull();
    }

    @Test
    void aPlatformsNoticeInQuotesOrInEnglishClosesTheText() {
        Extraction e = text("标题文字在这里", "2019-02-20 02:26", PROSE, PROSE, "作者：上官云",
                "“特别声明：以上作品内容(包括在内的视频、图片或音频)为凤凰网旗下自媒体平台“大风号”用户上传并发布，本平台仅提供信息存储空间服务。",
                "Notice: The content above (including the videos, pictures and audios if any) is uploaded and posted by the user "
                        + "of Dafeng Hao, which is a social media platform and merely provides information storage space services.");
        assertThat(e.body()).endsWith("紧密结合起来。").doesNotContain("Notice");
    }

    @Test
    void aCentredBlockHoldingAPictureHoldsItsCaptionNotTheTextsFirstWords() {
        String html = "<html><head><title>化学诺奖</title></head><body><h1>化学诺奖“跨界”医学</h1><p>2012年10月11日02:30 来源：北京晨报</p>"
                + "<div class=\"text\"><div align=\"center\"><img src=\"a.jpg\">罗伯特·莱夫科维茨 1943年在美国出生，1966年在哥伦比亚大学获得医学博士学位。"
                + "<img src=\"b.jpg\">布赖恩·科比尔卡1955年在美国出生，1981年在耶鲁大学获得医学博士学位。</div>"
                + "<p>美国人罗伯特·J·莱夫科维茨和布赖恩·K·科比尔卡因为对蛋白受体的研究而获得2012年度诺贝尔化学奖。" + PROSE + "</p>"
                + "<p>" + PROSE + "</p></div></body></html>";
        assertThat(extractor.extract(html, PageFormat.HTML).body()).startsWith("美国人罗伯特");
    }

    @Test
    void anAgencyStoryInTraditionalFormsOpensAfterThePlayersPromptAndTheCaptionAndIsClosedByItsEditor() {
        Extraction e = text("鄭文燦：多元方案解決蛋荒 預估3月初緩解", "2023/2/21 21:20（2/21 22:08 更新）",
                "請同意我們的隱私權規範，才能啟用聽新聞的功能。", "圖為民眾在台北市南港區一家全聯購買雞蛋。中央社記者張新偉攝 112年2月16日",
                "（中央社記者溫貴香台北21日電）行政院副院長鄭文燦今天表示，這一波是全球性的雞蛋減產的問題，預估3月初才能緩解。",
                "他強調，農委會要盡全力解決問題，已經要求農委會在一段時間內盡全力緩解。（編輯：蘇龍麒）1120221");
        assertThat(e.body()).startsWith("（中央社記者溫貴香台北21日電）").endsWith("盡全力緩解。");
        assertThat(e.author().value()).isEqualTo("溫貴香");
        assertThat(e.editor().value()).isEqualTo("蘇龍麒");
    }

    @Test
    void aPromotionBoxedAboveTheTextEndsOnItsCallToActionAndTheTextOpensAfterIt() {
        Extraction e = text("标题文字在这里", "2018年12月28日 19:55 新京报", "“只有潮水退了才知道谁在裸泳”，一张榜单尽显中国经济的“大事”与“大势”！",
                "“2018十大经济年度人物评选”火热进行中！【点击投票】Pick你心目中的商业领袖",
                "新京报快讯（记者 裴剑飞）今日（12月28日）有网友爆料，有60万个“12306账号”和410万条联系人数据在暗网低价出售。", PROSE);
        assertThat(e.body()).startsWith("新京报快讯");
    }

    @Test
    void aShortItemIsItsOwnTextWhenTheHeavierBlockUnderItIsAFeedTheMarkupMarks() {
        String feed = "<div class=\"recommend-list\"><p>31岁在春晚一炮而红，观众都以为他隐退了</p>" + ("<p>" + PROSE + "</p>").repeat(12) + "</div>";
        String html = "<html><head><title>美官员否认伊朗直升机事故存在谋杀行为_【快资讯】</title></head><body>"
                + "<h1>美官员否认伊朗直升机事故存在谋杀行为</h1><p>中国新闻网</p><p>2024-05-20 13:09</p>"
                + "<p>据美国全国广播公司报道，载有伊朗总统的直升机发生“硬着陆”事故后，美参议院多数党领袖舒默表示，已从情报部门获悉，没有证据表明该事故存在谋杀行为。</p>"
                + "<div class=\"share\">分享至：</div>" + feed + "</body></html>";
        Extraction e = extractor.extract(html, PageFormat.HTML);
        assertThat(e.body()).startsWith("据美国全国广播公司报道").doesNotContain("4月21日");
    }

    @Test
    void anInformationDisclosureTableAboveTheTitleDatesTheItemUnderIt() {
        Extraction e = text("您当前所在位置：首页>政务公开>部门信息公开目录>统计局>法定主动公开内容>工作动态>", "统计数据",
                "索 引 号：", "014742224A/2023-0043406", "生成日期：", "2023-05-11", "公开方式：", "主动公开", "公开时限：", "常年公开",
                "公开范围：", "面向全社会", "责任部门：", "万载县统计局", "万载县2022年国民经济和社会发展统计公报", "访问量：1632", "关联稿件：",
                "图文解读：《万载县2022年国民经济和社会发展统计公报》", "2023-07-12", PROSE, PROSE);
        assertThat(e.originalDate().value()).startsWith("2023-05-11");
    }

    @Test
    void aColumnsProductionCreditsAtTheFootOfThePageNameItsEditorBelowTheWritersProfileAndOtherPieces() {
        StringBuilder html = new StringBuilder("<html><body><h1>任正非有哪四把榔头？</h1><p>冀勇庆 2015-06-25 08:46:42</p>");
        for (int i = 0; i < 4; i++) html.append("<p>").append(PROSE).append("</p>");
        html.append("<p>冀勇庆</p><p>作者简介</p><p>《中国企业家》主笔，曾任《IT经理世界》杂志社首席记者。</p><p>更多全部文章</p>");
        for (int i = 1; i <= 30; i++) html.append("<p><a href=\"/a").append(i).append("\">").append(i).append(" 往期专栏第").append(i).append("篇的标题</a></p>");
        html.append("<p>扫描左侧二维码即可添加公众号，更多资讯。</p><p>出品：网易财经中心商业频道</p>")
                .append("<p>策划：杨顺霖 编辑：几乎不流浪</p><p>本文仅代表作者观点</p></body></html>");

        Extraction e = extractor.extract(html.toString(), PageFormat.HTML);

        assertThat(e.editor().value()).isEqualTo("几乎不流浪");
        assertThat(e.author().value()).isEqualTo("冀勇庆");
    }

    @Test
    void aCopiedPagesShortStoryIsTheTextUnderItsDatedHeadlineNotTheLongerCommentStreamFurtherDown() {
        List<String> lines = new ArrayList<>(List.of("产经 > 正文", "60万12306账号外泄？中铁总辟谣称消息不实", "60万12306账号外泄？中铁总辟谣称消息不实",
                "2018年12月28日 19:55 新京报", "新浪财经APP 缩小字体 放大字体 收藏 微博 微信 分享", "腾讯QQ QQ空间",
                "新京报快讯（记者 裴剑飞）今日（12月28日）有网友爆料，有60万个“12306账号”和410万条联系人数据在暗网低价出售。",
                "今晚，中国铁路总公司通过官方微博发布辟谣消息称：网传信息不实，铁路12306网站未发生用户信息泄漏。", "责任编辑：霍琦"));
        for (int i = 1; i <= 40; i++) lines.add(String.format("%02d/第%d条热门推荐新闻的标题在这里", i % 10 + 1, i));
        for (String name : List.of("胡任标", "宇辉战舰", "徐小明", "牛骑士", "老艾", "王继洲")) {
            lines.add(name + "今天 12:08:48");
            lines.add("指数午前高开低走，和直播间一早分析一致。板块红盘居多，表现强势的是边缘计算、数字孪生、国产操作系统、超清视频、物联网等，绿盘的是猪肉、港口。");
        }

        Extraction e = text(lines.toArray(String[]::new));

        assertThat(e.body()).startsWith("新京报快讯").doesNotContain("指数午前");
        assertThat(e.title().value()).isEqualTo("60万12306账号外泄？中铁总辟谣称消息不实");
        assertThat(e.originalDate().value()).startsWith("2018-12-28");
    }

    @Test
    void theHeadlineOverItsDatedHeaderIsTheTitleWhenAVideoPlayerStandsBetweenItAndTheText() {
        List<String> lines = new ArrayList<>(List.of("电影网>新闻>电影资讯", "《蓝羽会客厅》之《北京影人》5月20日起播出",
                "时间：2024.05.20 来源：1905电影网  分享到："));
        for (int i = 0; i < 12; i++) lines.addAll(List.of("秒会员跳过广告", "播放速度：2X", "00:00/00:00"));
        lines.add("时长：01:45建议WIFI下打开");
        lines.add("1905电影网讯 以光影之名，探寻首都文化魅力。5月20日22点起，《中国电影报道》栏目将推出系列访谈节目《蓝羽会客厅》之《北京影人》，"
                + "于冬、郝戎、尹鸿、孙立军、王晓晖将讲述他们的从影经历，一起期待吧！");
        lines.add("标签： 蓝羽会客厅北京影人中国电影报道");

        Extraction e = text(lines.toArray(String[]::new));

        assertThat(e.title().value()).isEqualTo("《蓝羽会客厅》之《北京影人》5月20日起播出");
        assertThat(e.body()).startsWith("1905电影网讯");
    }

    @Test
    void onACopyTheBarSayingWhatTheReaderIsLookingAtNamesTheHeadlineAsAHeadTitleWould() {
        Extraction e = text("首页", "要闻", "财经", "正在浏览：经济日报评论员：再驳“中国新能源产能过剩论”", "经济日报", "搜索", "登录",
                "全新首页 焕新登场", "精选频道 一手热点不容错过", "去看看", "+关注", "评论", "收藏", "分享",
                "经济日报评论员：再驳“中国新能源产能过剩论”", "经济日报", "2024-05-13 06:16发布于北京经济日报官方账号", "+关注",
                "在刚刚落幕的第135届中国进出口商品交易会上，以电动载人汽车、锂电池和太阳能电池为代表的中国外贸“新三样”产品受到热捧。", PROSE);

        assertThat(e.title().value()).isEqualTo("经济日报评论员：再驳“中国新能源产能过剩论”");
        assertThat(e.body()).startsWith("在刚刚落幕的第135届");
    }

    @Test
    void aSiteDatelineNamesItsReporterInBracketsWithoutARole() {
        Extraction e = text("禁用公款喝茅台建议致茅台股价大跌", "2012-01-17 16:56 来源：中国网", "中国网1月17日讯（王文举） " + PROSE);
        assertThat(e.author().value()).isEqualTo("王文举");
        assertThat(e.body()).startsWith("中国网1月17日讯（王文举）");
    }

    @Test
    void aRankOrAnEmployerGluedToTheRoleIsPartOfTheWritersCredit() {
        Extraction trainee = text("地产商的新年与新一轮调控的开始", "2012年01月17日19:35 来源： 观点地产网 作者：见习编辑 李琼皙", PROSE);
        assertThat(trainee.author().value()).isEqualTo("李琼皙");
        assertThat(trainee.editor()).isNull();
        assertThat(text("柯达宣布重组业务结构未来仍可能申请破产", "2012-01-12 来源：南方都市报", PROSE, "采写：南都记者 方南").author().value())
                .isEqualTo("方南");
        assertThat(text("柯达宣布重组业务结构未来仍可能申请破产", "2012-01-12", "作者：张三 编辑：李四", PROSE).editor().value()).isEqualTo("李四");
    }

    @Test
    void theMicroblogMarkAPortalLinksIntoABylineIsNoPartOfIt() {
        Extraction e = text("湘江长沙站水位再创历史新低", "2011-12-15 来源：成都商报", "成都商报(微博)记者 余文龙 实习生 向英子", PROSE);
        assertThat(e.author().value()).isEqualTo("余文龙 向英子");
        assertThat(e.body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void namesAPrintEditionRanTogetherAreCutWhereOnlyOneCutGivesNames() {
        assertThat(text("我国南极考察直升机迫降事故调查", "2011-12-09 来源：京华时报", PROSE, "本版文/记者李莎莎黎史翔王进雨程磊实习生吉喆高小娟")
                .author().value()).isEqualTo("李莎莎 黎史翔 王进雨 程磊 吉喆 高小娟");
        // the photographer after 摄影 took the pictures
        assertThat(text("天津滨海高新区召开二〇一二年工作会", "2012-01-12 来源：华西都市报", "华西都市报记者彭晗侯婷婷摄影吕甲", PROSE)
                .author().value()).isEqualTo("彭晗 侯婷婷");
        // 王华|林李明 or 王华林|李明: a guess would invent a name
        Extraction twoCuts = text("天津滨海高新区召开二〇一二年工作会", "2012-01-12 来源：华西都市报", "华西都市报记者王华林李明", PROSE);
        assertThat(twoCuts.author() == null ? null : twoCuts.author().value()).isNotIn("王华 林李明", "王华林 李明");
    }

    @Test
    void severalReportersInASitesDatelineAreTheByline() {
        Extraction e = text("江西省体育工作会议在南昌召开", "2012-01-15 15:30 来源：大江网", "大江网讯 实习生吴梦丽、记者喻云亮报道：" + PROSE);
        assertThat(e.author().value()).isEqualTo("吴梦丽 喻云亮");
    }

    @Test
    void aReporterPrintedBesideTheDateWithoutALabelIsTheAuthor() {
        assertThat(text("年節糖果餅乾 熱量驚人", "2012-01-17 中國時報 邱俐穎／台北報導", PROSE).author().value()).isEqualTo("邱俐穎");
        assertThat(text("寒流來襲 靴子熱賣 小心足部健康", "2012/1/17 蔡崇梧 報導", PROSE).author().value()).isEqualTo("蔡崇梧");
        assertThat(text("吳宗憲失言 憂鬱症團體要求道歉", "上報快訊／范姜佳鈺 2020年03月12日 20:19:00", PROSE).author().value()).isEqualTo("范姜佳鈺");
        Extraction portal = text("漳泽电力发布公告称获得补贴", "21世纪网 何漪 2011-12-15 23:46:41", PROSE);
        assertThat(portal.author().value()).isEqualTo("何漪");
        assertThat(portal.sourceSite().value()).isEqualTo("21世纪网");
        // a place beside the site is nobody
        assertThat(text("漳泽电力发布公告称获得补贴", "人民网 北京 2011-12-15 23:46:41", PROSE).author()).isNull();
    }

    @Test
    void aDeckUnderTheHeadlineAndASectionsHeadingOverTheFirstParagraphDoNotOpenTheTextButADatelineOnItsOwnLineDoes() {
        String more = "进口化妆品关税下调，部分品牌却纷纷上调了护肤品的价格，调价幅度在百分之三到百分之十之间，消费者并未享受到降税的好处。";
        Extraction twoPhrases = text("洋化妆品关税下调逆市涨价 洋奶粉按兵不动", "2012-01-11 09:06:00 千龙网", "洋奶粉价格按兵不动 新一轮调价箭在弦上",
                PROSE, "大牌化妆品逆市涨价", more, "洋奶粉价格按兵不动", more);
        assertThat(twoPhrases.body()).startsWith(PROSE.substring(0, 20));
        Extraction namesASection = text("三星平板电脑新品登场 升级产品受关注", "2012-01-17 21:40", "焕然新升GALAXY Tab P6210登场", PROSE,
                "GALAXY Tab P6210登场", more);
        assertThat(namesASection.body()).startsWith(PROSE.substring(0, 20));
        Extraction firstSection = text("2024年4月全国CPI同比上涨0.3% 食品价格下降2.7%", "2024-05-11 09:36:26", "2024年4月份居民消费价格同比上涨0.3%",
                PROSE, "一、各类商品及服务价格同比变动情况", more);
        assertThat(firstSection.body()).startsWith(PROSE.substring(0, 20));
        Extraction tagged = text("中國研究發現：網癮會損傷大腦引起國際關注", "18:07 2012-01-16", "欄目關注： 上網成癮 網癮傷害大腦 酒精成癮", PROSE, more);
        assertThat(tagged.body()).startsWith(PROSE.substring(0, 20));
        for (String dateline : List.of("观点地产网讯", "本报截稿消息", "中广网河南分网消息")) {
            assertThat(text("恒大地产公布2012年销售目标800亿元", "2012年01月17日08:19 来源：观点地产网", dateline, PROSE, more).body())
                    .as(dateline).startsWith(dateline);
        }
    }

    @Test
    void aNoteOfWhereElseThePieceAppearsIsNotItsText() {
        assertThat(text("春節全家出遊 別忘了旅用護理包", "2012-01-17", "此篇文章同步刊登於", PROSE).body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aCreditInLenticularBracketsOnALineOfItsOwnNamesTheReporterAndTheOutlet() {
        Extraction reporter = text("新北推年菜食譜 呷好顧健康", "2012-01-17", "【陳俊雄／新北市報導】", PROSE);
        assertThat(reporter.author().value()).isEqualTo("陳俊雄");
        assertThat(reporter.body()).startsWith(PROSE.substring(0, 20));
        Extraction outlet = text("治療腦中風患者 銀杏萃取物見療效", "2012-01-17", "【中廣新聞／陳奕華】", PROSE);
        assertThat(outlet.author().value()).isEqualTo("陳奕華");
        assertThat(outlet.sourceSite().value()).isEqualTo("中廣新聞");
        assertThat(outlet.body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void wordsThatOnlyLookLikeACreditNameNobody() {
        // a station's own name runs on into its business
        assertThat(text("春節連假急診不打烊 門診服務縮減", "2012-01-17", PROSE, "中國廣播公司").author()).isNull();
        // four characters in brackets are a player's button, not a reporter
        assertThat(text("冬季皮膚保養 醫師教你這樣做", "2012-01-11", "(自動連播)", PROSE).author()).isNull();
        // a link to the other reporters' pages
        assertThat(text("满记甜品芒果布丁被查细菌超标", "发布者：陈鑫 时间：2012-01-12 17:04:50", PROSE, "I时代 其他记者信息").author().value()).isEqualTo("陈鑫");
    }

    @Test
    void aCorrespondentsTwoCharacterNameSetWideIsOneName() {
        Extraction e = text("海口检查烟花爆竹经营点 消除各类隐患", "2012-01-12 来源：南海网", "南海网海口1月12日消息(南海网记者陈望 通讯员林 宇)" + PROSE);
        assertThat(e.author().value()).isEqualTo("陈望 林宇");
    }

    @Test
    void aPortalsDatelineCreditsItsWriterInBracketsAndAPictureMarkedAsFileIsACaption() {
        Extraction e = text("范冰冰自称愿再加2千万悬赏助韩寒征集代笔证据", "2012-1-17 13:08:57 来源:中新网", "范冰冰表态支持韩寒。(资料图)",
                "网易娱乐1月17日报道 (文/小易)近日，作家韩寒身处风口浪尖，饱受“代笔”质疑。" + PROSE);
        assertThat(e.author().value()).isEqualTo("小易");
        assertThat(e.body()).startsWith("网易娱乐1月17日报道 (文/小易)近日");
    }

    @Test
    void controlCharactersACrawlLeftInTheTextAreDroppedAndACaptionCreditingItsSupplierOpensNothing() {
        String caption = "9天春節假期，林務局管理的國家森林遊樂區，預計遊客數可望破20萬人次。圖為內洞國家森林遊樂區。\b\b（林務局提供）";
        Extraction e = text("春節森呼吸 林務局推薦15條步道", "2012-1-17", caption, PROSE);
        assertThat(e.body()).startsWith(PROSE.substring(0, 20));
        assertThat(text("春節森呼吸 林務局推薦15條步道", "2012-1-17", "林務局\u0008副局長楊宏志表示，" + PROSE).body()).startsWith("林務局副局長楊宏志表示");
        // after the text, the same words credit the unit that wrote the report
        assertThat(text("春節森呼吸 林務局推薦15條步道", "2012-1-17", PROSE, PROSE + "（林務局提供）").body()).endsWith("（林務局提供）");
    }

    @Test
    void aPapersDatelineAndBylineStandingAsAParagraphOfTheirOwnOpenTheText() {
        Extraction e = text("满记甜品芒果布丁被查细菌超标", "发布者：陈鑫 时间：2012-01-12 17:04:50 来源：解放牛网", "本报讯 （记者 陈鑫）", PROSE);
        assertThat(e.body()).startsWith("本报讯 （记者 陈鑫）\n" + PROSE.substring(0, 20));
        assertThat(e.author().value()).isEqualTo("陈鑫");
    }

    @Test
    void aToolBarOrAButtonWhereABylineMayStandNamesNobody() throws Exception {
        // two dev pages: a tool bar (複製網址 大 中 小 電子郵件 打印) and a 纠错 button between the headline and the date
        for (String page : List.of("other-medicaldaily-373", "portal-fx168-538")) {
            String html = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/extraction/real", page + ".html"));
            assertThat(extractor.extract(html, PageFormat.HTML).author()).as(page).isNull();
        }
    }

    @Test
    void aPortalsDateLineNamesTheSourceAndItsReporterAfterTheDate() {
        Extraction named = text("“以旧换新”结束后 废旧家电何处去", "2011年12月15日11:03 家电质量网 张君 我要评论(0)", PROSE);
        assertThat(named.sourceSite().value()).isEqualTo("家电质量网");
        assertThat(named.author().value()).isEqualTo("张君");
        assertThat(text("未来一周北方局地有大雾 南方大部多阴雨雪", "2012年01月12日11:39 新华网 我要评论(0)", PROSE).sourceSite().value()).isEqualTo("新华网");
    }

    @Test
    void anEditorSigningThePageOffInSquareBracketsPastTheRelatedLinksIsTheEditor() {
        List<String> page = new ArrayList<>(List.of("“以旧换新”结束后 废旧家电何处去", "2011年12月15日11:03", PROSE, PROSE, "相关新闻"));
        for (int i = 0; i < 30; i++) page.add("家电以旧换新政策到期 市场进入调整期之" + i);
        page.add("[责任编辑：ritafan]");
        assertThat(text(page.toArray(String[]::new)).editor().value()).isEqualTo("ritafan");
    }

    @Test
    void aWritersDescriptionInBracketsAfterTheNameIsNoPartOfTheCredit() {
        Extraction e = text("专业天文爱好者详解月全食多种拍法", "2011-12-09 来源：果壳网",
                "作者：Steed(微博)(专业级业余天文爱好者，果壳网频道主编，科学松鼠会成员，前《环球科学》首席编辑)", PROSE);
        assertThat(e.author().value()).isEqualTo("Steed");
        assertThat(e.body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aCompilersCreditAndAMagazinesDeskNameWhatTheyShould() {
        assertThat(text("美11月工业产出跌0.2%坏于预期", "2011年12月15日 23:35 新浪财经", PROSE, PROSE + "(立悟/编译)").author().value()).isEqualTo("立悟");
        Extraction desk = text("北京工商局抽检出14种不合格食品 满记甜品上榜", "本文来源于《财经网》 2012年01月12日 18:49 我要评论（0）", PROSE,
                "【作者：《财经》综合报道 】 (责任编辑：谢璇)");
        assertThat(desk.sourceSite().value()).isEqualTo("财经网");
        assertThat(desk.author()).isNull();
    }

    @Test
    void aSummaryPrintedAsTheTextsFirstParagraphOpensItAndOneBoxedAboveTheTextDoesNot() {
        String summary = "核心提示：对废旧家电的处理，就像是对地沟油的处理一样，处理方式不同，结果也就大不相同。";
        String own = "<html><body><h1>“以旧换新”结束后 废旧家电何处去</h1><div>2011年12月15日11:03</div><div id=\"article\"><p>" + summary
                + "</p><p>" + PROSE + "</p><p>" + PROSE + "</p></div></body></html>";
        assertThat(extractor.extract(own, PageFormat.HTML).body()).startsWith("核心提示：");
        String boxed = "<html><body><h1>“以旧换新”结束后 废旧家电何处去</h1><div>2011年12月15日11:03</div><div class=\"news_core\">" + summary
                + "</div><div id=\"article\"><p>" + PROSE + "</p><p>" + PROSE + "</p></div></body></html>";
        assertThat(extractor.extract(boxed, PageFormat.HTML).body()).startsWith(PROSE.substring(0, 20));
        // a text dump cannot show which it is: the summary is left out
        assertThat(text("“以旧换新”结束后 废旧家电何处去", "2011年12月15日11:03", summary, PROSE).body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aBoxOfLinkedHeadlinesFloatedInsideTheTextAfterItsFirstParagraphsDoesNotCutThemOff() {
        String first = "据新华社河南鲁山12月15日电 引起全国关注的天价过路费案，15日在河南省鲁山县人民法院重审。";
        String box = "<div id=\"yued\"><div class=\"tit\">推荐阅读</div><ul><li><a href=\"/1.html\">杨文俊卸任蒙牛总裁职务</a></li>"
                + "<li><a href=\"/2.html\">房地产库存超5万亿</a></li><li><a href=\"/3.html\">发改委再度约谈食用油涨价企业</a></li>"
                + "<li><a href=\"/4.html\">信号商卡斯柯回应动车事故</a></li><li><a href=\"/5.html\">北京建筑业劳动合同范本出炉</a></li>"
                + "<li><a href=\"/6.html\">车晓离婚后否认3亿分手费</a></li><li><a href=\"/7.html\">涨停王浮出水面</a></li></ul></div>";
        String head = "<html><body><h1>被告人刑期与罚金均大幅减少</h1><div>2011年12月16日00:22 来源：东方网-劳动报</div>";
        String inside = head + "<div id=\"artibody\"><p>" + first + "</p>" + box + "<p>" + PROSE + "</p><p>" + PROSE + PROSE + "</p><p>"
                + PROSE + PROSE + "</p></div></body></html>";
        Extraction e = extractor.extract(inside, PageFormat.HTML);
        assertThat(e.body()).startsWith(first.substring(0, 20)).contains(PROSE).doesNotContain("房地产库存");
        // a box set between two elements is the page's: what stands above it is not this text's opening
        String between = head + "<div class=\"lead\"><p>" + first + "</p></div>" + box + "<div id=\"artibody\"><p>" + PROSE + "</p><p>"
                + PROSE + PROSE + "</p><p>" + PROSE + PROSE + "</p></div></body></html>";
        assertThat(extractor.extract(between, PageFormat.HTML).body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aHeadlineWithItsOwnDashIsTakenWholeOverTheTextsEchoOfItsFirstHalf() {
        String page = "<html><head><title>竖直脊梁 立定脚跟 心怀梦想 勇敢前行——2019学年第一学期开学典礼讲话--校长专栏-绍兴市第一中学</title></head><body>"
                + "<h2 class=\"title\">竖直脊梁 立定脚跟 心怀梦想 勇敢前行——2019学年第一学期开学典礼讲话</h2>"
                + "<div class=\"property\"><span>文章来源：本站原创</span> <span>作者：王琛</span> <span>发布时间：2019年09月01日</span></div>"
                + "<div class=\"conTxt\"><h1>竖直脊梁  立定脚跟  心怀梦想  勇敢前行</h1><p>——2019学年第一学期开学典礼讲话</p><p>" + PROSE
                + "</p><p>" + PROSE + "</p></div></body></html>";
        Extraction e = extractor.extract(page, PageFormat.HTML);
        assertThat(e.title().value()).isEqualTo("竖直脊梁 立定脚跟 心怀梦想 勇敢前行——2019学年第一学期开学典礼讲话");
        assertThat(e.author().value()).isEqualTo("王琛");
    }

    @Test
    void theEditorIsReadAfterThePagesToolLinksInBrackets() {
        Extraction e = text("王勇在河北检查指导防汛减灾工作", "2021-08-01 06:59 来源： 新华社", PROSE, PROSE, "【我要纠错】 责任编辑：宋岩", "扫一扫在手机打开当前页");
        assertThat(e.editor().value()).isEqualTo("宋岩");
        assertThat(e.body()).doesNotContain("纠错");
        assertThat(text("关于做好春节期间安全工作的通知", "发布时间：2021-02-01", PROSE, "[打印] [关闭] 编辑：李明").editor().value()).isEqualTo("李明");
    }

    @Test
    void anInstitutionsColumnHeadingOverTheHeadlineIsNoSource() {
        for (String column : List.of("学校新闻", "医院新闻", "党建新闻", "院内新闻")) {
            String page = "<html><body><div class=\"path\">当前位置：首页 > 新闻中心 > " + column + "</div><h3>" + column + "</h3>"
                    + "<h2>副市长胡敏一行来校慰问虞金龙老师</h2><div>文章来源： 作者： 发布时间：2022年02月10日 点击数： 次</div><div><p>" + PROSE
                    + "</p><p>" + PROSE + "</p></div></body></html>";
            assertThat(extractor.extract(page, PageFormat.HTML).sourceSite()).as(column).isNull();
        }
    }

    @Test
    void aTopicsLinkedTagBetweenTheHeadlineAndTheDateIsNoWriter() {
        String tagged = "<html><body><h1>工信部总工程师：加强新一代通信网和算力网规划建设</h1><div><a href=\"/subject/9086\">算力</a></div>"
                + "<div>2026-06-24 15:17 星期三</div><div><p>" + PROSE + "</p><p>" + PROSE + "</p></div></body></html>";
        assertThat(extractor.extract(tagged, PageFormat.HTML).author()).isNull();
        // a writer's name there, linked or not, is still read
        String named = tagged.replace("<a href=\"/subject/9086\">算力</a>", "<a href=\"/author/12\">李明</a>");
        assertThat(extractor.extract(named, PageFormat.HTML).author().value()).isEqualTo("李明");
    }

    @Test
    void aSourceKeepsItsClosingBookTitleBracketAndAGenericAccountEditsNothing() {
        Extraction e = text("安徽司法行政系训诫预警：“揪揪耳朵”防腐败", "2009年11月09日00:00 来源：人民网-《人民日报》", PROSE, PROSE, "（责任编辑：news）");
        assertThat(e.sourceSite().value()).isEqualTo("人民网-《人民日报》");
        assertThat(e.editor()).isNull();
    }

    @Test
    void aSitesThanksForATipDoesNotOpenTheTextAndItsNoticesCloseIt() {
        String last = "此外，这款芯片还能够支持无线充电等应用场景，客户可向当地经销商询问价格、样品。";
        // a platform's notice under its label on a line of its own
        Extraction noticed = text("寓教于画 绘就全民反邪新画卷", "2024-04-15 09:27 来源：澎湃新闻·澎湃号·政务", PROSE, PROSE, last, "阅读原文", "特别声明",
                "本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点，不代表澎湃新闻的观点或立场，澎湃新闻仅提供信息发布平台。申请澎湃号请用电脑访问http://renzheng.thepaper.cn。");
        assertThat(noticed.body()).endsWith("询问价格、样品。");
        Extraction tipped = text("意法半导体推出后量子密码移动安全芯片", "2026/6/24 21:04:28 来源：IT之家 作者：潞源 责编：潞源",
                "感谢IT之家网友 华南吴彦祖 的线索投递！", PROSE, PROSE, last,
                "广告声明：文内含有的对外跳转链接（包括不限于超链接、二维码、口令等形式），用于传递更多信息，节省甄选时间，结果仅供参考，IT之家所有文章均包含本声明。");
        assertThat(tipped.body()).startsWith(PROSE.substring(0, 20)).endsWith("询问价格、样品。");
    }

    @Test
    void aFinancialSitesRiskDisclaimerClosesTheTextButTheArticlesOwnRiskSectionDoesNot() {
        String note = "（注：全文严格基于公告原文，无主观推断或投资建议。）";
        Extraction e = text("公司与两方签署储能产业战略合作协议", "2026-06-24 20:15", PROSE, "风险提示", "协议履行可能受政策、市场等不可抗力因素影响，存在不确定性。公司将依法履行信息披露义务。",
                note, "风险提示及免责条款", "市场有风险，投资需谨慎。本文不构成个人投资建议，也未考虑到个别用户特殊的投资目标、财务状况或需要。用户应考虑本文中的任何意见、观点或结论是否符合其特定状况。据此投资，责任自负。");
        assertThat(e.body()).contains("协议履行可能受政策").endsWith(note);
    }

    @Test
    void aPortalsSourceIsReadPastTheMicroblogLinkAndBetweenTheDateAndTheCommentButton() {
        assertThat(text("美11月工业产出跌0.2%坏于预期", "http://www.sina.com.cn 2011年12月15日 23:35 新浪财经 微博", PROSE).sourceSite().value())
                .isEqualTo("新浪财经");
        assertThat(text("小微企业所得税减半征收标准由3万提高至6万", "http://www.huanqiu.com", "2011-12-09 20:30", "财政部", "我要评论", PROSE)
                .sourceSite().value()).isEqualTo("财政部");
    }

    @Test
    void anEditorSignedOffInSquareBracketsBesideTheTagsIsTheEditor() {
        List<String> page = new ArrayList<>(List.of("苍井空现身内地公司年会 商界大佬排队拥抱", "2012年01月17日 00:03", PROSE, PROSE, "相关新闻"));
        for (int i = 0; i < 30; i++) page.add("商界大佬排队拥抱之" + i);
        page.add("[责任编辑：李琳] 标签：苍井空 1983年 杂志网");
        assertThat(text(page.toArray(String[]::new)).editor().value()).isEqualTo("李琳");
    }

    @Test
    void aStationsLeadClosedByItsReporterNamesTheAuthorWhereverTheLeadStands() {
        Extraction e = text("春節就醫何處去 急診不打烊", "2012-01-17", "春節連假長達九天，急診不打烊，類流感門診從小年夜一路開到年初七。（陳奕華報導）", PROSE, PROSE);
        assertThat(e.author().value()).isEqualTo("陳奕華");
        // a bracket with no 報導 inside the text is anything: a name there stays the text's
        assertThat(text("春節就醫何處去 急診不打烊", "2012-01-17", "春節連假長達九天，急診不打烊，醫師說明防疫重點。（陳奕華）", PROSE, PROSE).author()).isNull();
    }

    @Test
    void aSourceLabelGluedAfterTheWritersNameIsReadApartButAPicturesSourceIsNoSource() {
        Extraction glued = text("网络钓鱼骗局越来越难以阻止", "作者：小二郎来源：4hou|2018-10-29 10:35", PROSE);
        assertThat(glued.author().value()).isEqualTo("小二郎");
        assertThat(glued.sourceSite().value()).isEqualTo("4hou");
        assertThat(text("春節就醫何處去 急診不打烊", "作者：潘姿羽 新聞圖片來源：台灣醒報 2012-01-11", PROSE).sourceSite()).isNull();
    }

    @Test
    void aPicturesTextByItsTemplatesNameOrMarkedAsFileOpensNothing() {
        String caption = "彰基醫院與遠傳電信公司合作，以雲端傳輸方式將資料傳輸到智慧型手機，讓民眾體會遠距健康管理的正確觀念。";
        String page = "<html><body><h1>彰基醫院歲末免費提供血糖雲端遠距照護</h1><p>2012年1月17日 21:37</p><div class=\"story_photo\"><img src=\"a.jpg\">"
                + "<h3 class=\"img_desc\">" + caption + "</h3></div><p>" + PROSE + "</p><p>" + PROSE + "</p></body></html>";
        assertThat(extractor.extract(page, PageFormat.HTML).body()).startsWith(PROSE.substring(0, 20));
        assertThat(text("年節零食聰明吃 健康無負擔", "2012-01-17", "堅果類零食所含的脂肪酸對健康較好，但營養師建議，成年人以一天一份為限。（本報資料照）", PROSE)
                .body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aNewsCentreCreditedBeforeTheSourcesItRelayedWroteItAndItsDateLineIsNoText() {
        Extraction e = text("醫生的高工資要高在明處", "鉅亨網新聞中心 (來源：財匯資訊，摘自：中國經濟網) 2012-01-17 13:37:02", PROSE);
        assertThat(e.author().value()).isEqualTo("鉅亨網新聞中心");
        assertThat(e.originalDate().value()).startsWith("2012-01-17");
        assertThat(e.body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aLongCaptionCreditedToItsPhotographerNeitherOpensNorClosesTheText() {
        String caption = "1月16日，以“我们的感动 我们的力量”为主题的“中国网事·感动2011”年度网络人物评选颁奖典礼在北京电视台大剧院举行。图为颁奖典礼现场。（中国台湾网 王怡然 摄）";
        assertThat(text("中国网事感动2011年度网络人物颁奖礼在京举行", "2012-01-17", caption, PROSE).body()).startsWith(PROSE.substring(0, 20));
        // nor closes the text, printed after it
        assertThat(text("中国网事感动2011年度网络人物颁奖礼在京举行", "2012-01-17", PROSE, PROSE, caption).body()).endsWith(PROSE);
    }

    @Test
    void aClosingBracketNamesTheReporterAfterAnEmployerOfFiveCharactersOrMore() {
        assertThat(text("中国网事感动2011年度网络人物颁奖礼在京举行", "2012-01-17", PROSE, PROSE + "（中国台湾网 王怡然）").author().value()).isEqualTo("王怡然");
        assertThat(text("春節就醫何處去 急診不打烊", "2012-01-17", PROSE, PROSE + "（陳奕華報導）").author().value()).isEqualTo("陳奕華");
    }
}
