package dev.herald.ingest.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where real pages put their title and the article's first words, and what they print in between. */
class PageStructureTest {

    private static final String PROSE = "4月21日，我院召开党建工作座谈会，各党支部书记参加会议并交流了支部工作经验。会议要求，要把党建工作与业务工作紧密结合起来。";
    private final PageExtractor extractor = new PageExtractor(ExtractionHints.none());

    private Extraction html(String title, String body) {
        return extractor.extract("<html><head><title>" + title + "</title></head><body>" + body + "</body></html>", PageFormat.HTML);
    }

    @Test
    void theLineTheHeadTitleOpensWithIsTheTitleEvenWhenItReadsLikeASentence() {
        Extraction e = html("5月20日至31日，京沪高速无锡至江阴大桥至广陵枢纽段封闭！_网易订阅",
                "<div>发送GP到6666 随时随地查行情</div><h2>5月20日至31日，京沪高速无锡至江阴大桥至广陵枢纽段封闭！</h2>"
                        + "<div>2019-05-17 · 苏皖城市报道</div><p>" + PROSE + "</p>");
        assertThat(e.title().value()).isEqualTo("5月20日至31日，京沪高速无锡至江阴大桥至广陵枢纽段封闭！");
        assertThat(e.originalDate().value()).isEqualTo("2019-05-17");
    }

    @Test
    void aHeadTitleWithChannelAndSiteNamesTheHeadlineLineNotThePrintedHeadTitle() {
        Extraction e = html("外媒眼中的武汉长假 - 要闻 - 长江网", "<div>外媒眼中的武汉长假 - 要闻 - 长江网</div><div>外媒眼中的武汉长假</div>"
                + "<div>2020-10-04 20:30 来源: 长江网</div><p>" + PROSE + "</p>");
        assertThat(e.title().value()).isEqualTo("外媒眼中的武汉长假");
    }

    @Test
    void anUnclosedBreadcrumbBoxDoesNotTurnTheArticleAfterItIntoChrome() {
        Extraction e = html("《杜甫·将赴荆南寄别李剑州》 - 杜甫诗 - 品诗文网", "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/s\">诗词</a></div>"
                + "<div class=\"breadcrumb\"><div class=\"row-article\"><h1>《杜甫·将赴荆南寄别李剑州》</h1><div>时间：2019-05-03 08:17:32</div>"
                + "<p>使君高义驱今古，寥落三年坐剑州。</p><p>但见文翁能化俗，焉知李广未封侯？</p><p>" + PROSE + "</p><p>" + PROSE + "</p></div>");
        assertThat(e.title().value()).isEqualTo("《杜甫·将赴荆南寄别李剑州》");
        assertThat(e.body()).startsWith("使君高义驱今古");
    }

    @Test
    void aListHeaderInTraditionalCharactersEndsTheText() {
        Extraction e = extractor.extract(String.join("\n", "義大利公開賽 茲韋列夫封王", "2024年5月20日週一 下午2:05",
                "（法新社羅馬19日電） 德國網球好手茲韋列夫今天以6比4、7比5擊敗智利選手賈瑞，在義大利公開賽拿下冠軍。",
                "他今天在賽後感性地說，「羅馬對我來說是意義非凡地地方。」", "其他人也在看",
                "（法新社巴黎21日電） 網球名將納達爾昨天現身法國公開賽球場練球，今年參賽與否23日大會抽籤時即可揭曉，他生涯傷痛不斷。",
                "據報道，事發於上月11日開齋節下午，一艘船隻停泊在港口，準備迎接旅客上船的，詎料與旁邊船隻發生碰撞，纜繩瞬間斷裂。"), PageFormat.TEXT);
        assertThat(e.body()).endsWith("意義非凡地地方。」");
        assertThat(e.originalDate().value()).startsWith("2024-05-20");
    }

    @Test
    void aTextareaHoldsNoText() {
        Extraction e = html("标题", "<h1>短视频与大众文化生产</h1><div>时间：2024.05.11</div><p>" + PROSE + "</p>"
                + "<textarea>&lt;div class=\"pic_midd\"&gt;&lt;/div&gt; 组图：猜你喜欢，这里是画廊模板的文字，不是文章。</textarea>");
        assertThat(e.body()).endsWith("紧密结合起来。");
    }

    @Test
    void aHeadlineEndingIn举报IsNoNewspapersName() {
        Extraction e = extractor.extract(String.join("\n", "疫情一刀切政策怎么投诉举报", "时间：2022-11-24 05:30:58", PROSE), PageFormat.TEXT);
        assertThat(e.title().value()).isEqualTo("疫情一刀切政策怎么投诉举报");
        assertThat(e.sourceSite()).isNull();
    }

    @Test
    void aDocumentNumberIsNeverTheTitle() {
        Extraction e = extractor.extract(String.join("\n", "吉林省人民政府关于加强安全生产工作的通告", "吉政明电〔2022〕1号", PROSE), PageFormat.TEXT);
        assertThat(e.title().value()).isEqualTo("吉林省人民政府关于加强安全生产工作的通告");
    }

    @Test
    void aReprintsHeaderAboveItsRepeatedTitleIsRead() {
        Extraction e = extractor.extract(String.join("\n", "某医院开展党史学习教育活动",
                "时间：2021-06-30 10:31 来源：健康在线 作者：张三", "某医院开展党史学习教育活动", PROSE), PageFormat.TEXT);
        assertThat(e.title().value()).isEqualTo("某医院开展党史学习教育活动");
        assertThat(e.originalDate().value()).isEqualTo("2021-06-30T10:31");
        assertThat(e.author().value()).isEqualTo("张三");
        assertThat(e.body()).startsWith("4月21日");
    }

    @Test
    void theBodyStartsAfterTheOriginalHeadlineTheAddressAndTheCaption() {
        Extraction e = html("座谈会_新闻", "<h1>座谈会召开</h1><div>2021-06-30 10:31:05 来源：人民网</div>"
                + "<p>原标题：我院召开党建工作座谈会</p><p>http://www.example.com.cn/2021/0630/1.html</p>"
                + "<p><img src=\"a.jpg\"><br>座谈会现场。资料图</p><p>" + PROSE + "</p><p>" + PROSE + "</p>");
        assertThat(e.body()).startsWith("4月21日");
    }

    @Test
    void aClauseBrokenOntoLinesOfItsOwnOpensTheBody() {
        Extraction e = html("座谈会_新闻", "<h1>座谈会召开</h1><div>2021-06-30</div><div class=\"share\">分享到</div>"
                + "<p>下周一，</p><p>我院将召开党建工作座谈会，</p><p>" + PROSE + "</p>");
        assertThat(e.body()).startsWith("下周一，");
    }

    @Test
    void theBodyEndsBeforeADisclaimerACopyrightNoticeOrTheComments() {
        String last = "会议要求，要把党建工作与业务工作紧密结合起来，切实推动各项工作落地见效。";
        for (String closing : List.of("声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。",
                "② 本网转载目的在于传递更多信息，并不代表本网赞同其观点和对其真实性负责。",
                "凡未经授权使用本报原创内容的，本社将追究行为人的侵权责任，包括但不限于公开谴责、提起诉讼等。",
                "页面功能 【我来说两句】【我要“揪”错】【推荐】【字体：大 中 小】【打印】 【关闭】")) {
            Extraction e = extractor.extract(String.join("\n", "座谈会召开", "2021-06-30", PROSE, PROSE, last, closing), PageFormat.TEXT);
            assertThat(e.body()).as(closing).endsWith(last);
        }
    }

    @Test
    void theHelplineBoxUnderAReportOfASuicideEndsTheText() {
        String last = "警方已勘驗現場並報請相驗，將進一步釐清死因。";
        for (List<String> box : List.of(List.of("●《ETNEWS新聞雲》提醒您，請給自己機會：", "自殺防治諮詢安心專線：0800-788995；", "生命線協談專線：1995"),
                List.of("★中時電子報關心您：再給自己一次機會", "自殺諮詢專線：0800-788995（24小時）"),
                List.of("自殺解決不了問題，卻留給家人無比悲痛。請珍惜生命。", "再給自己一次機會", "張老師專線：1980"))) {
            List<String> page = new java.util.ArrayList<>(List.of("墜樓案", "2018-02-21 18:03", PROSE, PROSE, last));
            page.addAll(box);
            assertThat(extractor.extract(String.join("\n", page), PageFormat.TEXT).body()).as(box.get(0)).endsWith(last);
        }
    }

    @Test
    void promptsToFollowShareOrDownloadCloseTheText() {
        String last = "会议要求，要把党建工作与业务工作紧密结合起来，切实推动各项工作落地见效。";
        for (String closing : List.of("如你觉得文章不错，请识别图中二维码关注，并推荐给你的朋友，感谢你的分享，2018年请给自己一份惊喜。",
                "還想看更多新聞嗎？歡迎下載自由時報APP，現在看新聞還能抽獎，共9萬個中獎機會等著你：")) {
            Extraction e = extractor.extract(String.join("\n", "座谈会召开", "2021-06-30", PROSE, PROSE, last, closing), PageFormat.TEXT);
            assertThat(e.body()).as(closing).endsWith(last);
        }
    }


    @Test
    void aBlogsOrAForumsPostedLineClosesThePostWhateverProseFollowsIt() {
        String last = "会议要求，要把党建工作与业务工作紧密结合起来，切实推动各项工作落地见效。";
        String after = "任何言论纯属作者个人观点，与本论坛无关；禁止发表恶意攻击他人的言论，任何转载或转贴都应注明真实作者和真实出处。";
        for (String posted : List.of("Trackback: http://tb.donews.net/TrackBack.aspx?PostId=543698",
                "本贴由大卫于2005年8月12日16:12:21在〖心灵体操（在线心理咨询）〗发表.", "原标题:【演讲精选1】是大卫在2005年8月12日16:10:13发表",
                "[点击此处收藏本文] 发表于2005年09月07日 11:57 AM")) {
            Extraction e = extractor.extract(String.join("\n", "座谈会召开", "2021-06-30", PROSE, PROSE, last, posted, after, after),
                    PageFormat.TEXT);
            assertThat(e.body()).as(posted).endsWith(last);
        }
    }

    @Test
    void writersNamedAloneUnderTheHeadlineAreItsAuthorsButAPlaceOrABodyThereIsNot() {
        assertThat(html("犬儒病(上)", "<h1>犬儒病(上)</h1><p>胡平</p><p>——当代中国的精神危机</p><p>" + PROSE + "</p><p>" + PROSE + "</p>")
                .author().value()).isEqualTo("胡平");
        assertThat(html("社会资本与下岗职工的再就业", "<h1>社会资本与下岗职工的再就业</h1><p>赵延东、王力</p><p>" + PROSE + "</p><p>" + PROSE + "</p>")
                .author().value()).isEqualTo("赵延东 王力");
        for (String notAName : List.of("高新区", "安监局", "工作动态", "党建")) {
            Extraction e = html("座谈会召开", "<h1>座谈会召开</h1><p>" + notAName + "</p><p>" + PROSE + "</p><p>" + PROSE + "</p>");
            assertThat(e.author()).as(notAName).isNull();
        }
    }

    @Test
    void aShareBarsButtonsCopiedAsTextAreNotTheTextsFirstWords() {
        for (String bar : List.of("facebook", "用LINE傳送", "微信 微博 QQ空间", "分享到 Twitter")) {
            Extraction e = extractor.extract(String.join("\n", "座谈会召开", "2021-06-30 15:05 记者林宸誼／即時報導", bar, PROSE, PROSE),
                    PageFormat.TEXT);
            assertThat(e.body()).as(bar).startsWith(PROSE.substring(0, 20));
        }
    }
    @Test
    void picturesCaptionsPrintedAfterTheLastParagraphAreNotItsLastWords() {
        String last = "警方已採集現場跡證，將訊問高母事發經過，以釐清案情。";
        for (String caption : List.of("▲▼警消到場時高姓男子已無生命跡象。（圖／翻攝畫面）", "台中市賴姓女子酒後與男友發生口角後，從5樓租屋處墬落身亡。王煌忠攝")) {
            Extraction e = extractor.extract(String.join("\n", "墜樓案", "2018-02-21 18:03", PROSE, PROSE, last, caption), PageFormat.TEXT);
            assertThat(e.body()).as(caption).endsWith(last);
        }
    }

    @Test
    void aSpeakersPostAndNameAboveASpeechAreNotItsFirstWords() {
        Extraction e = extractor.extract(String.join("\n", "载人交会对接任务第二场新闻发布会", "发布日期: 2012-06-24",
                "中国载人航天工程新闻发言人 武平", "女士们、先生们：", PROSE, PROSE), PageFormat.TEXT);
        assertThat(e.body()).startsWith("女士们、先生们：");
    }

    @Test
    void aCaptionOrAnIntroductionBoxMarkedAsSuchIsNotTheTextsFirstLine() {
        Extraction caption = html("港特首梁振英就住宅违建事件道歉", "<h1>港特首梁振英就住宅违建事件道歉</h1><div>2012年12月10日</div>"
                + "<div><img src='a.jpg'><p class=\"caption\">梁振英同时遭到泛民主派和亲北京阵营议员质问。</p></div><p>" + PROSE + "</p><p>" + PROSE + "</p>");
        Extraction intro = html("儿歌一分钱被改成一元钱", "<h1>儿歌一分钱被改成一元钱</h1><div>2019-09-07 19:02</div>"
                + "<div class=\"introduction\">潘振声女儿马莉表示，改成这样，唱起来不觉得拗口吗？这并不值得提倡。</div><p>" + PROSE + "</p><p>" + PROSE + "</p>");

        assertThat(caption.body()).startsWith(PROSE.substring(0, 20));
        assertThat(intro.body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aHeadTitleOpeningWithATagTooShortToBeAHeadlineNamesTheWholeLine() {
        Extraction e = html("语音 | 早安武汉〔2018.3.19 周一〕", "<h2>语音 | 早安武汉〔2018.3.19 周一〕</h2><div>2018-03-19 长江日报</div>"
                + "<p>【全国两会】</p><p>" + PROSE + "</p><p>" + PROSE + "</p>");
        assertThat(e.title().value()).isEqualTo("语音 | 早安武汉〔2018.3.19 周一〕");
        assertThat(e.originalDate().value()).startsWith("2018-03-19");
    }

    @Test
    void aSummaryLabelledInBracketsAndAPlayersPlaceholderDoNotOpenTheBody() {
        for (String opening : List.of("【摘要】会议总结了党建工作经验，部署了下一步工作。", "视频加载中，请稍候...")) {
            Extraction e = extractor.extract(String.join("\n", "座谈会召开", "2021-06-30", opening, PROSE, PROSE), PageFormat.TEXT);
            assertThat(e.body()).as(opening).startsWith("4月21日，我院召开");
        }
    }

    @Test
    void aCommentBoxsRulesAreTheSitesNotTheArticlesWhateverTheyWeigh() {
        String rule = "本網站對留言系統使用者發布的文字、圖片或檔案保有片面修改或移除的權利，當使用者使用本網站留言服務時，表示已詳細閱讀並完全了解。";
        Extraction e = extractor.extract(String.join("\n", "墜樓案", "2018-09-16 15:31", PROSE, "發表意見", "留言規則", rule, rule, rule, rule), PageFormat.TEXT);
        assertThat(e.body()).isEqualTo(PROSE);
    }

    @Test
    void aQuotationBrokenAfterAnEnumerationCommaUnderAPictureIsTheTextNotACaption() {
        Extraction e = html("石榴花开", "<h1>石榴花开</h1><div>2018-03-20</div><p><img src=\"a.jpg\"></p><p>“各民族要相互了解、相互尊重、</p>"
                + "<p>相互包容、相互欣赏、</p><p>" + PROSE + "</p><p>" + PROSE + "</p>");
        assertThat(e.body()).startsWith("“各民族要相互了解");
    }

    @Test
    void aCaptionCreditingThePicturesSourceAfterASlashIsNotTheFirstParagraph() {
        Extraction e = extractor.extract(String.join("\n", "座谈会召开", "2020-10-04 15:05", "我院召开党建工作座谈会，各党支部书记参加会议。 圖／騰訊科技",
                PROSE, PROSE), PageFormat.TEXT);
        assertThat(e.body()).startsWith("4月21日，我院召开");
    }

    @Test
    void aTextDumpsFirstLineIsItsHeadTitleAndNamesTheHeadlineBelowTheMenus() {
        Extraction e = extractor.extract(String.join("\n", "路虎中国黄金5年终结 部分车型价格出现崩盘_网易财经", "网易首页", "新闻", "体育",
                "发送GP到6666 随时随地查行情", "网易首页 > 财经频道 > 正文", "路虎中国黄金5年终结 部分车型价格出现崩盘",
                "2015-07-03 04:09:59　来源: 第一财经日报", "（原标题：路虎中国黄金5年终结）", PROSE, PROSE), PageFormat.TEXT);
        assertThat(e.title().value()).isEqualTo("路虎中国黄金5年终结 部分车型价格出现崩盘");
        assertThat(e.originalDate().value()).startsWith("2015-07-03");
    }

    @Test
    void aTextDumpsFirstLineIsNeverTheHeadlineItNamesNorIsAMenuWordItRepeats() {
        Extraction e = extractor.extract(String.join("\n", "新闻中心", "新闻中心", "党建工作座谈会召开", "2020-10-04 15:05", PROSE, PROSE),
                PageFormat.TEXT);
        assertThat(e.title().value()).isEqualTo("党建工作座谈会召开");
    }

    @Test
    void theTextUnderTheHeadlineTheHeadNamesIsTheBodyThoughALongerStoryFollowsFarBelow() {
        String other = "<p>如果说在中国传唱度最高的歌曲，那这一首歌绝对算得上是家喻户晓，很多人从小就会唱，歌词朴实，旋律优美，传唱至今经久不衰。</p>";
        Extraction e = html("美官员否认伊朗直升机事故存在谋杀行为_【快资讯】", "<h1>美官员否认伊朗直升机事故存在谋杀行为</h1><div>2024-05-20 13:09</div>"
                + "<p>据美国全国广播公司报道，美国官员表示，没有迹象表明伊朗直升机事故存在谋杀行为，事故原因仍在调查之中。</p>"
                + "<p>伊朗总统莱希此前在直升机事故中遇难，伊朗方面已成立专门委员会调查事故原因。</p>"
                + "<div>分享至：</div><div>微信扫码分享</div><div>不喜欢</div><div>举报</div>"
                + java.util.stream.IntStream.range(0, 45).mapToObj(i -> "<div><a href=\"#\">频道栏目第" + i + "条</a></div>").collect(java.util.stream.Collectors.joining())
                + other.repeat(4));
        assertThat(e.title().value()).isEqualTo("美官员否认伊朗直升机事故存在谋杀行为");
        assertThat(e.body()).startsWith("据美国全国广播公司报道").doesNotContain("传唱度最高");
    }

    @Test
    void aCopiedPagesHeadlineIsTheLineOverTheDateLineHoweverManyStoryLinksFollowIt() {
        Extraction e = extractor.extract(String.join("\n", "首页 > 饮食 > 烹饪技巧 > 正文", "煮一碗好吃的腊八粥，请记好这几个小窍门", "举报/反馈",
                "2021-01-20 04:29:44 39健康网", "栏目关注：", "会染病的避孕套你用过吗", "肛周湿疣中医治疗配方", "喝茶可以减肥吗", "保护生命腺的方法",
                "警惕沉默的杀手", "哪种血型易老年痴呆？", PROSE, PROSE), PageFormat.TEXT);
        assertThat(e.title().value()).isEqualTo("煮一碗好吃的腊八粥，请记好这几个小窍门");
        assertThat(e.originalDate().value()).startsWith("2021-01-20");
        Extraction labels = extractor.extract(String.join("\n", "习近平主持召开深入推进长三角一体化发展座谈会", "来源：新华社", "作者：", "2023-12-01 14:43",
                "推动长三角一体化发展取得新的重大突破", "在中国式现代化中更好发挥引领示范作用", "李强蔡奇出席", PROSE, PROSE), PageFormat.TEXT);
        assertThat(labels.title().value()).as("an empty label between").isEqualTo("习近平主持召开深入推进长三角一体化发展座谈会");
        Extraction counter = extractor.extract(String.join("\n", "王文：中美贸易持久战，中国人的斗志被激发", "分享到：",
                "22  59", "2019-09-07 09:25:09 来源：观察者网", PROSE, PROSE), PageFormat.TEXT);
        assertThat(counter.title().value()).as("a counter is no headline").isEqualTo("王文：中美贸易持久战，中国人的斗志被激发");
    }

    @Test
    void neitherAReprintsOriginalHeadlineNorAMenuBetweenBarsIsTheTitle() {
        Extraction reprint = extractor.extract(String.join("\n", "网易首页 > 财经频道 > 正文", "多地项目连环爆雷 龙湖集团暗伤曝露？",
                "2019-09-07 13:43:45　来源: 证券市场红周刊", "分享到：", "（原标题：多地项目连环爆雷 狂奔的龙湖集团“暗伤”曝露？）", PROSE, PROSE), PageFormat.TEXT);
        assertThat(reprint.title().value()).isEqualTo("多地项目连环爆雷 龙湖集团暗伤曝露？");
        Extraction blog = extractor.extract(String.join("\n", "首页 | 时事 | 生活 | 财经", "注册 | 登入 | FAQ | 多维主页 | 大家论坛",
                "Saturday, September 10th, 2005 10:56 am", "播客热潮迅速蔓延 挑逗传统传媒业", PROSE, PROSE), PageFormat.TEXT);
        assertThat(blog.title().value()).isEqualTo("播客热潮迅速蔓延 挑逗传统传媒业");
    }

    @Test
    void linksFlattenedIntoOneLineAreNoParagraphThoughANameHoldsQuotes() {
        String links = "广东省人民政府网 广东省人民政府国有资产监督管理委员会网 广东省人民政府外事办公室网站 广东省参事室网 "
                + "广东省政府“互联网+督查”平台 广东省侨务办公室 广东省政务服务数据管理局网 广东省文化和旅游厅网";
        assertThat(LineClassifier.kindOf(links)).isEqualTo(LineKind.SHORT);
        Extraction e = extractor.extract(String.join("\n", "座谈会召开", links, "党务政务网站", "座谈会召开", "2020-10-04 15:05", PROSE, PROSE),
                PageFormat.TEXT);
        assertThat(e.body()).startsWith("4月21日，我院召开");
        assertThat(LineClassifier.kindOf("我院召开党建工作座谈会 各党支部书记参加会议，交流了支部工作经验，会议要求把党建工作与业务工作结合起来"))
                .as("a sentence with a clause is prose").isEqualTo(LineKind.PARAGRAPH);
    }

    @Test
    void captionsCreditedToAnAgencyOrAScreenAreNotTheFirstParagraph() {
        for (String caption : List.of("共享充电宝。视觉中国 资料", "姚明场边支招周琦。视频截图", "下月將法拍的房子位在萬大路一帶。（圖翻攝自google map）",
                "图为停车场道闸 资料图", "图片来源：视觉中国")) {
            Extraction e = extractor.extract(String.join("\n", "座谈会召开", "2020-10-04 15:05", caption, PROSE, PROSE), PageFormat.TEXT);
            assertThat(e.body()).as(caption).startsWith("4月21日，我院召开");
        }
    }

    @Test
    void anEPagesArticleTakesTheIssuesDatePrintedBesideThePageMarker() {
        Extraction e = html("南宁日报数字报-党建引领基层治理", "<div>南宁日报</div><div>2021年06月30日 星期三</div><div>第03版：要闻</div>"
                + "<div>上一版</div><div>下一版</div><div>引题：坚持党建引领</div><h1>党建引领基层治理</h1><div>本报记者 张三</div><p>" + PROSE + "</p><p>" + PROSE + "</p>");
        assertThat(e.originalDate().value()).isEqualTo("2021-06-30");
        assertThat(e.author().value()).isEqualTo("张三");
    }

    @Test
    void aNoticesNumberAboveItsSalutationIsNotItsTextNorIsThePrintButtonItsAuthor() {
        Extraction e = html("关于做好2021年防汛工作的通知_南宁市人民政府", "<h1>关于做好2021年防汛工作的通知</h1>"
                + "<div>发布时间：2021-06-30 10:00 来源：南宁市人民政府办公室 【字体：大 中 小】 【打印】</div><p>南府办〔2021〕12号</p>"
                + "<p>各县（市、区）人民政府，市政府各组成部门、各直属机构：</p><p>" + PROSE + "</p><p>" + PROSE + "</p><p>南宁市人民政府办公室</p><p>2021年6月28日</p>");
        assertThat(e.body()).startsWith("各县（市、区）人民政府");
        assertThat(e.author()).isNull();
    }
}
