package dev.herald.ingest.extraction;

import org.junit.jupiter.api.Test;

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

    private static java.util.Set<String> kinds(Extraction e) {
        return e.removed().stream().map(Removed::kind).collect(Collectors.toSet());
    }
}
