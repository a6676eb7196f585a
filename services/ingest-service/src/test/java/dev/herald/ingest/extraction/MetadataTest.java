package dev.herald.ingest.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The date and source lines real pages print under their titles, one line per form. */
class MetadataTest {

    private static final String TITLE = "我院召开党建工作座谈会";
    private static final String PROSE = "4月21日，我院召开党建工作座谈会，各党支部书记参加会议并交流了支部工作经验。会议要求，要把党建工作与业务工作紧密结合起来。";
    private final PageExtractor extractor = new PageExtractor(ExtractionHints.none());

    private Extraction page(String metadataLine) {
        return extractor.extract(String.join("\n", TITLE, metadataLine, PROSE), PageFormat.TEXT);
    }

    @Test
    void aDateWithSecondsBeforeTheSourceKeepsItsTime() {
        Extraction e = page("2021-06-30 10:31:05 来源：人民网");
        assertThat(e.originalDate().value()).isEqualTo("2021-06-30T10:31:05");
        assertThat(e.sourceSite().value()).isEqualTo("人民网");
    }

    @Test
    void aSlashedPublishTime() {
        assertThat(page("发布时间：2021/06/30").originalDate().value()).isEqualTo("2021-06-30");
    }

    @Test
    void aDateWrittenYearLastIsReadDayFirstUnlessThePageWritesEnglishMonthFirst() {
        assertThat(page("30/06/2021").originalDate().value()).isEqualTo("2021-06-30");
        assertThat(page("03/04/2021").originalDate().value()).isEqualTo("2021-04-03");
        assertThat(Metadata.date("03/04/2021", true).iso()).isEqualTo("2021-03-04");
        assertThat(Metadata.date("06/30/2021", false).iso()).as("a part over 12 is the day").isEqualTo("2021-06-30");
    }

    @Test
    void aClockWithAmOrPmIsTwelveHourAndPutsASlashedDateMonthFirstAsAmericanEnglishWritesIt() {
        assertThat(page("发布日期： 7/5/2005 9:23:57 PM").originalDate().value()).isEqualTo("2005-07-05T21:23:57");
        assertThat(page("发布日期： 12/1/2005 12:05 AM").originalDate().value()).isEqualTo("2005-12-01T00:05");
        assertThat(page("2021-06-30 9:05 am 来源：人民网").originalDate().value()).isEqualTo("2021-06-30T09:05");
        assertThat(page("2021-06-30 12:40 pm").originalDate().value()).isEqualTo("2021-06-30T12:40");
        assertThat(page("7/5/2005 21:23").originalDate().value()).as("a 24-hour clock leaves the day first").isEqualTo("2005-05-07T21:23");
    }

    @Test
    void aTemplatesEmptySlotOrACounterIsNoAuthorAndNoSource() {
        Extraction empty = page("作者： size=\"20\" 来源： size=\"20\" 发布日期： 2005-07-05");
        assertThat(empty.author()).isNull();
        assertThat(empty.sourceSite()).isNull();
        assertThat(empty.originalDate().value()).isEqualTo("2005-07-05");

        Extraction blog = page("作者:zboygirl 阅读(1660) 评论(5) 编辑 发表于:2005-07-31 12:30");
        assertThat(blog.author().value()).isEqualTo("zboygirl");
        assertThat(blog.originalDate().value()).isEqualTo("2005-07-31T12:30");
    }

    @Test
    void aLabelledCreditOverTheDateLineIsABylineNotTheHeadline() {
        Extraction e = extractor.extract(String.join("\n", "给计算机系学生的建议", "作者： 周思博", "译： Chen Bin", "2005年1月2日", PROSE),
                PageFormat.TEXT);

        assertThat(e.title().value()).isEqualTo("给计算机系学生的建议");
        assertThat(e.originalDate().value()).isEqualTo("2005-01-02");
    }

    @Test
    void aNoticesTitleSetOverSeveralCentredLinesIsReadWhole() {
        Extraction e = extractor.extract(String.join("\n", "首页 > 政务公开 > 通知公告", "南宁市卫生健康委员会", "关于做好2023年春节期间",
                "医疗服务保障工作的通知", "发布时间：2023-01-10", "各县（市、区）卫生健康局，委直属各单位：",
                "为做好2023年春节期间医疗服务保障工作，确保人民群众在节日期间得到及时有效的医疗服务，现将有关事项通知如下。"), PageFormat.TEXT);

        assertThat(e.title().value()).isEqualTo("南宁市卫生健康委员会关于做好2023年春节期间医疗服务保障工作的通知");
        assertThat(e.originalDate().value()).isEqualTo("2023-01-10");
    }

    @Test
    void aResolutionsAdoptionNoteUnderItsTitleDatesItWhenNothingElseDoes() {
        Extraction e = extractor.extract(String.join("\n", "全国人民代表大会常务委员会关于批准某项决议的决定",
                "（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）",
                "第十届全国人民代表大会常务委员会第二十八次会议，听取了国务院的报告，决定批准该项决议。会议认为，这对于做好有关工作具有重要意义。"),
                PageFormat.TEXT);

        assertThat(e.originalDate().value()).isEqualTo("2007-06-29");
        assertThat(e.body()).startsWith("第十届全国人民代表大会常务委员会第二十八次会议，听取了");
    }

    @Test
    void aTemplatesMarkupLeftInTheTextIsNeverItsFirstWords() {
        Extraction e = extractor.extract(String.join("\n", TITLE, "2021-06-30 10:31", "<div class=\"pic_midd mb20\"> <!--插件的宽度依赖于pic_midd的宽度，请勿修改。-->",
                "<div id=\"pic_slide\">图片加载中，请稍候，加载完成后即可浏览全部图片内容。</div>", PROSE), PageFormat.TEXT);

        assertThat(e.body()).isEqualTo(PROSE);
    }

    @Test
    void aCommentarysHeadlineAfterItsWritersLabelIsNoName() {
        Extraction e = extractor.extract(String.join("\n", "经济日报评论员：再驳“中国新能源产能过剩论”", "2024-05-20 07:05", PROSE), PageFormat.TEXT);

        assertThat(e.author()).isNull();
    }

    @Test
    void theBarSayingWhatTheReaderIsLookingAtIsNoHeadlineAndAButtonIsNoWriter() {
        Extraction e = extractor.extract(String.join("\n", "正在浏览：我院召开党建工作座谈会_腾讯新闻", TITLE, "去看看", "2021-06-30 10:31", PROSE),
                PageFormat.TEXT);

        assertThat(e.title().value()).isEqualTo(TITLE);
        assertThat(e.author()).isNull();
    }

    @Test
    void aReadAloudPlayersButtonIsNeitherTheHeadlineNorTheText() {
        Extraction e = extractor.extract(String.join("\n", TITLE, "2021-06-30 10:31", "语音播报文章，释放双眼", PROSE), PageFormat.TEXT);
        Extraction over = extractor.extract(String.join("\n", TITLE, "语音播报文章，释放双眼", "2021-06-30 10:31", PROSE), PageFormat.TEXT);

        assertThat(e.body()).isEqualTo(PROSE);
        assertThat(over.title().value()).isEqualTo(TITLE);
    }

    @Test
    void aSpacedOutNameGluedToItsAffiliationIsReadWholeAndOneCharacterIsNeverAName() {
        assertThat(page("作者: 赵 培：北京物资学院，北京").author().value()).isEqualTo("赵培");
        assertThat(page("作者： 王 2021-06-30").author()).isNull();
    }

    @Test
    void aHeadlineInTwoLinesThatTheHeadNamesJoinedIsReadWholeAndItsSecondLineIsNoByline() {
        String html = "<html><head><title>我院延续便民服务措施助患者就医预计全年为患者节省费用180万元_南宁市中医医院</title></head><body>"
                + "<div>首页</div><h1>我院延续便民服务措施助患者就医<div>预计全年为患者节省费用180万元</div></h1>"
                + "<div>发布日期：2022-02-11 08:52</div><p>" + PROSE + "</p></body></html>";

        Extraction e = extractor.extract(html, PageFormat.HTML);

        assertThat(e.title().value()).isEqualTo("我院延续便民服务措施助患者就医 预计全年为患者节省费用180万元");
        assertThat(e.author()).isNull();
        assertThat(e.originalDate().value()).isEqualTo("2022-02-11T08:52");
    }

    @Test
    void aSourceThenAPipeThenTheDate() {
        Extraction e = page("来源：央视网 | 2021年06月30日 10:31");
        assertThat(e.originalDate().value()).isEqualTo("2021-06-30T10:31");
        assertThat(e.sourceSite().value()).isEqualTo("央视网");
    }

    @Test
    void aSiteNameBeforeTheDateIsMetadataNotTheTitle() {
        Extraction e = page("人民网 2021年06月30日10:31");
        assertThat(e.title().value()).isEqualTo(TITLE);
        assertThat(e.originalDate().value()).isEqualTo("2021-06-30T10:31");
    }

    @Test
    void updatedAndPublishedWordsAroundTheDate() {
        assertThat(page("2021-06-30 10:31 更新").originalDate().value()).isEqualTo("2021-06-30T10:31");
        assertThat(page("发布 2021.06.30").originalDate().value()).isEqualTo("2021-06-30");
        assertThat(page("最后更新: 2019-09-07 15:14:21").originalDate().value()).isEqualTo("2019-09-07T15:14:21");
        assertThat(page("时间：2021年6月30日").originalDate().value()).isEqualTo("2021-06-30");
    }

    @Test
    void fieldsSeparatedByBarsWithTheirLabelsGluedToTheValues() {
        Extraction e = page("发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 0 条评论| 作者魏星");
        assertThat(e.originalDate().value()).isEqualTo("2014-08-24T21:30");
        assertThat(e.sourceSite().value()).isEqualTo("CSDN");
        assertThat(e.author().value()).isEqualTo("魏星");
    }

    @Test
    void theSourceEndsWhereTheButtonsAfterItBegin() {
        assertThat(page("2019-09-07 09:59:22 来源: 新京报 举报").sourceSite().value()).isEqualTo("新京报");
    }

    @Test
    void aDateShownWithoutItsYearTakesTheYearFromTheArticlesMetaTags() {
        String html = "<html><head><title>标题</title><meta itemprop=\"dateUpdate\" content=\"2019-10-08 12:00:57\"></head><body>"
                + "<h1>" + TITLE + "</h1><p>发布时间：10-08 12:00</p><p>" + PROSE + "</p></body></html>";
        assertThat(extractor.extract(html, PageFormat.HTML).originalDate().value()).isEqualTo("2019-10-08T12:00");
    }

    @Test
    void aLabelOnItsOwnLineDatesTheLineAfterIt() {
        Extraction e = extractor.extract(String.join("\n", TITLE, "成文日期：", "2022年01月27日", "发布日期：", "2022年01月28日", PROSE), PageFormat.TEXT);
        assertThat(e.originalDate().value()).isEqualTo("2022-01-28");
    }

    @Test
    void aPaperNamedBareAfterTheDateIsTheSource() {
        assertThat(page("2019年11月25日 18:57 参考消息").sourceSite().value()).isEqualTo("参考消息");
        assertThat(page("http://www.sina.net 2005年03月21日 11:21 《理财周刊》").sourceSite().value()).isEqualTo("理财周刊");
        assertThat(page("2019年11月25日 18:57 参考消息").author()).isNull();
    }

    @Test
    void anAccountNamedBeforeTheDateOrBehindADotIsTheAuthor() {
        Extraction before = page("华夏人文 2020-03-09 18:14:21");
        assertThat(before.author().value()).isEqualTo("华夏人文");
        assertThat(before.sourceSite()).isNull();
        assertThat(page("2019-05-17 · 苏皖城市报道").author().value()).isEqualTo("苏皖城市报道");
    }

    @Test
    void aSiteNamedBeforeTheDateIsNeitherAuthorNorSourceForItMayBeEither() {
        Extraction e = page("人民网 2021年06月30日10:31");
        assertThat(e.author()).isNull();
        assertThat(e.sourceSite()).isNull();
    }

    @Test
    void theSiteThePageIsOnIsNoSource() {
        String body = "<h1>" + TITLE + "</h1><p>2021-06-30</p><p>" + PROSE + "</p>";
        assertThat(extractor.extract("<html><head><title>" + TITLE + "_桂林市第三中学</title><meta property=\"og:site_name\" content=\"品诗文网\">"
                + "</head><body>" + body + "</body></html>", PageFormat.HTML).sourceSite()).isNull();
    }

    @Test
    void englishDatesAsBlogsPrintThem() {
        assertThat(page("Saturday, September 10th, 2005 10:56 am").originalDate().value()).isEqualTo("2005-09-10T10:56");
        assertThat(Metadata.date("Posted 10 Sep 2005 3:05 pm").iso()).isEqualTo("2005-09-10T15:05");
        assertThat(Metadata.date("Mar. 3, 2021").iso()).isEqualTo("2021-03-03");
        assertThat(Metadata.date("Maybe 3, 2021")).as("a word that only begins like a month").isNull();
    }

    @Test
    void aSourceLabelEndingIn于TakesItsValueGlued() {
        Extraction e = page("本文来源于国家统计局 2024-05-11 09:36:26");
        assertThat(e.sourceSite().value()).isEqualTo("国家统计局");
        assertThat(e.author()).as("the label is no account's name").isNull();
        assertThat(e.originalDate().value()).isEqualTo("2024-05-11T09:36:26");
    }

    @Test
    void wherePlatformsSayThePosterWasIsNoSource() {
        Extraction e = page("2024-05-13 06:16发布于北京");
        assertThat(e.sourceSite()).isNull();
        assertThat(e.originalDate().value()).isEqualTo("2024-05-13T06:16");
    }

    @Test
    void theShareButtonClosingTheMetadataLineNamesNobody() {
        Extraction e = page("时间：2024.05.11 来源：光明日报 作者：南帆 分享到：");
        assertThat(e.author().value()).isEqualTo("南帆");
        assertThat(e.sourceSite().value()).isEqualTo("光明日报");
        assertThat(e.originalDate().value()).isEqualTo("2024-05-11");
    }

    @Test
    void aSourceWithItsChannelInBracketsKeepsTheClosingBracket() {
        assertThat(page("来源：新华网（广东频道） 2021-06-30").sourceSite().value()).isEqualTo("新华网（广东频道）");
        assertThat(page("2021-06-30 来源：(新华网)").sourceSite().value()).as("a value in brackets whole").isEqualTo("新华网");
    }

    @Test
    void aReprintPlaceholderIsNoSource() {
        assertThat(page("2005-04-28 11:13更新 来源：转载文章").sourceSite()).isNull();
    }

    @Test
    void aBureauNamedAsTheSourceIsTheSource() {
        assertThat(page("来源：国家统计局 2024-05-11").sourceSite().value()).isEqualTo("国家统计局");
    }

    @Test
    void aTabBetweenTheTitleAndTheDateLineIsNoByline() {
        Extraction e = extractor.extract(String.join("\n", TITLE, "正文", "2024-05-11 09:36:26", PROSE), PageFormat.TEXT);
        assertThat(e.author()).isNull();
    }

    @Test
    void aMenuWordOrAnAppButtonOpeningThePageIsNoBanner() {
        Extraction e = extractor.extract(String.join("\n", "新闻", "下载APP", TITLE, "2021-06-30", PROSE), PageFormat.TEXT);
        assertThat(e.sourceSite()).isNull();
    }

    @Test
    void aTwoDigitDayRunningStraightIntoTheTimeIsStillADateAndATime() {
        assertThat(page("2005.08.2605:39").originalDate().value()).isEqualTo("2005-08-26T05:39");
        assertThat(Metadata.date("2021.06.3010:31:05").iso()).isEqualTo("2021-06-30T10:31:05");
        assertThat(Metadata.date("2021.06.301")).as("no clock after the digits: no day of three").isNull();
    }

    @Test
    void aPaperNamedAfterTheDateIsTheSourceEvenWithLabelledFieldsAfterIt() {
        Extraction e = page("2024年05月16日 17:02 新京报作者：新京报");
        assertThat(e.originalDate().value()).isEqualTo("2024-05-16T17:02");
        assertThat(e.sourceSite().value()).isEqualTo("新京报");
        assertThat(e.author()).as("a paper named as author is nobody's byline").isNull();
    }

    @Test
    void aPersonNamedAfterTheDateBeforeLabelsIsNotTakenForASite() {
        assertThat(page("2024年05月16日 17:02 张明 编辑：李华").sourceSite()).isNull();
    }

    @Test
    void anOutletsAccountLineAboveTheDateIsNoAuthor() {
        Extraction e = extractor.extract(String.join("\n", TITLE, "环球时报新媒体", "2024-05-18 16:56", PROSE), PageFormat.TEXT);
        assertThat(e.author()).isNull();
        Extraction paper = extractor.extract(String.join("\n", TITLE, "上海证券报网络版", "2005.08.2605:39", PROSE), PageFormat.TEXT);
        assertThat(paper.author()).isNull();
        assertThat(paper.originalDate().value()).isEqualTo("2005-08-26T05:39");
    }

    @Test
    void aDatePrintedInPartsOnLinesOfTheirOwnIsOneDate() {
        Extraction e = extractor.extract(String.join("\n", TITLE, "2019", "09/07", "19:02", "扬眼", PROSE), PageFormat.TEXT);
        assertThat(e.originalDate().value()).isEqualTo("2019-09-07T19:02");
        assertThat(extractor.extract(String.join("\n", TITLE, "2019年", "9月7日", PROSE), PageFormat.TEXT).originalDate().value()).isEqualTo("2019-09-07");
    }

    @Test
    void aYearAloneWithoutAMonthAndDayUnderItIsNoDate() {
        assertThat(extractor.extract(String.join("\n", TITLE, "2019", "扬眼", PROSE), PageFormat.TEXT).originalDate()).isNull();
    }

    @Test
    void aTimePrintedBeforeTheDateGluedOrApartIsThatDaysTime() {
        assertThat(page("15:312018/09/16").originalDate().value()).isEqualTo("2018-09-16T15:31");
        assertThat(Metadata.date("10:30 2021-06-30").iso()).isEqualTo("2021-06-30T10:30");
        assertThat(Metadata.date("比分3:2 2021-06-30").iso()).as("a score is no clock").isEqualTo("2021-06-30");
    }

    @Test
    void labelsInBracketsNeedNoColon() {
        Extraction e = page("【作者】张三 【来源】南宁日报 【时间】2021-06-30");
        assertThat(e.author().value()).isEqualTo("张三");
        assertThat(e.sourceSite().value()).isEqualTo("南宁日报");
        assertThat(e.originalDate().value()).isEqualTo("2021-06-30");
        assertThat(Metadata.labels("作者】张三")).as("a bracket closing with none opened before it").isEmpty();
    }
}
