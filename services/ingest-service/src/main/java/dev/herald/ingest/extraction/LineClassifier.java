package dev.herald.ingest.extraction;

import dev.herald.text.ChineseText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labels every line of a page in one pass over it (plus a bounded look at the lines after a list header), so a
 * 2 MB page costs what a short one costs per line. The body finder then only has to weigh the labels.
 */
final class LineClassifier {

    /** A part of a breadcrumb trail (首页 > 党建新闻 > 正文) and where it is. */
    record Crumb(String text, Span span) {
    }

    /** {@code runsOn[i]}: line i was broken at the page's fixed width and its sentence goes on in the next line. */
    record Result(LineKind[] kinds, List<Crumb> crumbs, List<Crumb> columns, boolean[] runsOn) {
    }

    private static final Pattern PAGER = Pattern.compile("^[【\\[]?(上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)[】\\]]?\\s*([:：]|$|\\s)");
    // 您现在的位置, 您现在所在的位置, 当前位置, 所在位置 …; a trail may open on the site's own home (ZOL首页 > 新闻中心 > …)
    private static final Pattern CRUMB_LABEL = Pattern.compile("^(?:您|你)?(?:现在|当前|目前)?(?:所在)?的?位置\\s*(是|为)?\\s*[:：]?\\s*");
    private static final Pattern CRUMB_BARE = Pattern.compile("^([\\p{IsHan}A-Za-z0-9]{0,8}首页|主页|Home)\\s*[>＞»›→/]");
    private static final Pattern SEPARATORS = Pattern.compile("[>＞»›→]+|\\s/\\s|>>");
    private static final Pattern LIST_HEADER = Pattern.compile("^[【\\[]?(为您推荐|相关阅读|相关新闻|推荐阅读|相关文章|热门文章|热点推荐|延伸阅读|猜你喜欢|热门推荐|最新文章|精彩推荐|热点新闻|最新动态|图片新闻|相关链接"
            // Hong Kong and Taiwan sites print them in traditional characters
            + "|相關閱讀|相關新聞|推薦閱讀|相關文章|熱門文章|延伸閱讀|熱門推薦|精彩推薦|相關鏈接|其他人也在看|你可能还想看|你可能還想看|猜你喜歡)[】\\]]?\\s*[:：]?$");
    // a comment box's rules (留言規則, then 中時電子報對留言系統…, 請勿重覆刊登…): a list of long sentences that reads
    // as prose and outweighs a short report, yet is the site's, never the article's
    private static final Pattern COMMENT_RULES = Pattern.compile("^[【\\[]?(留言规则|留言規則|评论规则|評論規則|跟帖规则|跟帖規則|网友评论须知|網友評論須知"
            + "|留言须知|留言須知|评论须知|評論須知)[】\\]]?\\s*[:：]?$");
    private static final int COMMENT_RULES_MAX = 15;
    private static final Pattern FOOTER_HEADER = Pattern.compile("^(友情链接|相关网站|网站链接)\\s*[:：]?\\s*$");
    private static final String[] SHARE = {"分享到", "分享至", "扫一扫", "手机版", "手机端浏览", "打印本页", "【打印】", "打印此页",
            "关闭窗口", "【关闭】", "收藏本页", "加入收藏", "返回顶部", "字号", "【大 中 小】", "微信扫一扫", "转发到", "扫描二维码"};
    private static final String[] FOOTER = {"版权所有", "copyright", "©", "icp", "备案号", "公网安备", "技术支持", "主办单位",
            "承办单位", "网站地图", "联系我们", "关于我们", "友情链接", "邮编", "邮政编码", "公众号", "二维码", "地址:", "地址：",
            "电话:", "电话：", "投稿邮箱", "all rights reserved", "主办:", "主办："};
    // the account's card a WeChat export prints above the text: 微信号 soyoung111, 功能介绍 我看过的脸比你吃过的大米还多…
    private static final Pattern PROFILE_CARD = Pattern.compile("^(功能介绍|微信号)[\\s:：]");
    // a copyright or disclaimer notice and a comment box read as prose but close the article, never belong to it; a
    // platform's notice may stand in quotes, and again in English (“特别声明：…, Notice: … information storage space services.),
    // or its label on a line of its own over it (特别声明 / 本文为澎湃号作者…上传并发布…澎湃新闻仅提供信息发布平台。), and a
    // financial site's (风险提示及免责条款 / 市场有风险，投资需谨慎。本文不构成个人投资建议…)
    private static final String DISCLAIMER = "^[【\\[“\"「]?(声明|平台声明|免责声明|版权声明|特别声明|郑重声明|广告声明|原创声明|转载声明|反侵权公告|版权公告|侵权声明)[】\\]]?(?:[:：]|$)|^风险提示及免责条款|本文不构成(个人|任何)?投资建议";
    private static final Pattern NOTICE = Pattern.compile(DISCLAIMER + "|转载目的在于传递更多信息|不代表本(网|站)(赞同|观点|立场)"
            + "|仅提供信息(存储|发布)(空间)?(服务|平台)|(?i:provides information storage space)|(转载|授权|许可|本网|本站|本报|本社).{0,40}追究(其|行为人的)?(法律|侵权)责任|如有侵权|^(最新评论|网友评论|热门评论|发表评论)|我来说两句");
    // the notices that end an article wherever they stand; a clause on legal liability may be the article's own text
    private static final Pattern SIGN_OFF = Pattern.compile(DISCLAIMER
            + "|转载目的在于传递更多信息|不代表本(网|站)(赞同|观点|立场)|仅提供信息(存储|发布)(空间)?(服务|平台)|(?i:provides information storage space)|如有侵权|^(最新评论|网友评论|热门评论|发表评论)");
    // the lines content farms and sites put under what they reprint or own: 未经授权不得转载, 如有侵权请联系删除, 图片来源于网络
    // 侵删, 转载请注明出处, 更多…请关注, 欢迎加入本站…; they close the text, and end it wherever they stand
    private static final Pattern CLOSER = Pattern.compile("未经.{0,8}授权.{0,12}(不得|请勿|禁止|严禁)(任何)?(转载|使用|复制|转发)|侵删"
            + "|(转载|转发)(请|须|需|务必)(注明|联系|获得|保留)|(侵权|版权问题|版权争议).{0,10}(联系|删除)|来源(于)?(网络|互联网).{0,20}(删除|联系|侵)"
            + "|版权归原作者|^更多.{0,40}请关注|^欢迎(加入|关注)本(站|号|公众号)"
            // and what a post closes with to be passed on: 请识别图中二维码关注, 欢迎分享到朋友圈
            + "|(识别|扫描|长按).{0,8}二维码.{0,8}关注|^欢迎(分享|转发)(到|至)朋友圈"
            // or an invitation to the site's app: 還想看更多新聞嗎？歡迎下載自由時報APP
            + "|(欢迎|歡迎)下(载|載).{0,12}(APP|App|app|客户端|客戶端)"
            // a portal's disclaimer under what it carries (本文仅代表作者个人观点…不对所包含内容的准确性…提供任何保证)
            + "|仅代表作者(本人|个人)?(的)?观点|不对.{0,12}(准确性|真实性|完整性).{0,20}保证|请读者仅作参考"
            // Hong Kong's and Taiwan's portals asking to be followed (快點到Facebook Like我們的專頁！[按此 Like]), a tag list
            + "|(?i:facebook).{0,6}(?i:like)|按此\\s*(?i:like)|(?i:follow)\\s*我们|^(?i:tags)[\\s:：]");
    // the box papers put under a report of a suicide, as Taiwan's must (★中時電子報關心您：再給自己一次機會, 自殺防治諮詢
    // 安心專線：0800-788995): never the report's words, it ends them; short lines only, a report may speak of hotlines
    private static final Pattern HELPLINE = Pattern.compile("(自殺|自杀)(防治|諮詢|咨询|干預|干预)?.{0,6}(專線|专线|熱線|热线)|安心(專線|专线)"
            + "|(生命線|生命线)(協談|协谈)?(專線|专线)?[:：]|(提醒您|關心您|关心您|關心你|关心你).{0,6}([給给]自己|珍惜生命)|(請|请)珍惜生命。?$");
    private static final int HELPLINE_MAX = 40;
    // a credit in brackets closing a line (…英雄的城！（评论员 罗博 萧海川）) says nothing of whether the line is prose
    private static final Pattern CLOSING_CREDIT = Pattern.compile("^(.{4,}?)[\\s\\u3000]*[（(]([^()（）]{2,40})[)）]$");
    private static final int CLOSING_CREDIT_MAX = 400;
    private static final Pattern PHONE = Pattern.compile("^[0-9０-９()（）\\-－ ]{7,}$");
    private static final Pattern CLAUSE = Pattern.compile("[，。；！？,;!?]");
    private static final Pattern NAME_GAPS = Pattern.compile("[\\s\\u3000]+");
    private static final int LIST_MAX = 15;
    private static final int DATED_ENTRY_MAX = 80;
    // where a blog or a forum says who posted and when (发表于 2004年12月27日 12:40, 本贴由大卫于2005年8月12日16:12:21在〖…〗发表,
    // posted @ 2005-09-07, Trackback: http://…): the post ends there, and its comments, the board's rules and the thread follow
    private static final Pattern POSTED = Pattern.compile("^[\\[【]?(点击此处收藏本文)?[\\]】]?\\s*发表于\\s*[:：]?\\s*\\d{4}"
            + "|^本[贴帖]由.{1,20}于\\s*\\d{4}.{0,40}发表|是.{1,20}在\\s*\\d{4}年.{0,30}发表$|(?i)^posted\\s+(@|on|at|by)\\s|(?i)^trackbacks?\\s*[:：]"
            + "|^引用通告");
    private static final int POSTED_MAX = 120;
    // a share bar's buttons copied as text, one to a line or several together (facebook, 用LINE傳送, 微信 微博 QQ空间):
    // names of the networks alone say nothing of the article, and stand above its first words as often as below
    private static final String SHARE_TARGET = "(?:用|分享到|分享至|转发到|轉寄到)?(?:(?i:facebook|twitter|line|plurk|weibo|wechat|telegram"
            + "|whatsapp|linkedin|email|qzone)|新浪微博|腾讯微博|騰訊微博|微博|微信好友|微信|朋友圈|QQ空间|QQ空間|QQ好友|QQ|豆瓣|人人网|傳送|传送"
            + "|分享|複製連結|复制链接)";
    private static final Pattern SHARE_BAR = Pattern.compile(SHARE_TARGET + "(?:[\\s|｜/、,，·]*" + SHARE_TARGET + ")*");
    // a row of counters and tools, which a text dump prints as a line of its own: 0人参与0条评论打印转发, 調整字體︰大 中 小,
    // 調整字級：, 字型：, 0人参与0条主评论 0条评论0条总评论 打印 转发, 複製網址 大 中 小  電子郵件  打印
    private static final Pattern TOOL_ROW = Pattern.compile("^(?:[\\s|｜·]*(?:\\d+\\s*(?:人参与|条[主总]?评论|人评论)|打印|转发|收藏|纠错|举报|复制网址|复制链接|电子邮件|大\\s+中\\s+小"
            + "|(?:调整|調整|浏览|瀏覽)?字(?:号|体|级|級|型)\\s*[:：︰]?(?:\\s*[大中小][．.·、|｜]?)*))+[\\s|｜·]*$");
    private static final Pattern SELECT_PROMPT = Pattern.compile("^(请选择|請選擇)\\s*[-—－]{2,}");
    private static final Pattern READ_ALOUD = Pattern.compile("^\\s*(语音播报|点击收听|收听本文|听全文|听新闻|朗读全文|全文朗读|AI\\s*朗读|播放语音)");
    private static final Pattern MARKUP_LINE = Pattern.compile("^\\s*(?:<!--|</?[a-zA-Z][a-zA-Z0-9]*(?:\\s+[a-zA-Z-]+=|\\s*/?>))");
    // wrapped text is set 60 to 80 columns wide; narrower runs of one width are menus and sidebars
    private static final int WRAP_MIN = 56;
    private static final Pattern SENTENCE_CLOSE = Pattern.compile("[。！？!?…；;][”’」』\"]?$");
    private static final int WRAPPED_LINES = 8;
    // a line stops short of the width where a word or a full-width character would not fit, and a column or two over
    // it where a trailing space or a character of four bytes was counted
    private static final int WRAP_SLACK = 8;
    private static final java.nio.charset.Charset GB18030 = java.nio.charset.Charset.forName("GB18030");

    private LineClassifier() {
    }

    static Result classify(PageText page) {
        List<String> lines = page.lines();
        int n = lines.size();
        LineKind[] kinds = new LineKind[n];
        List<Crumb> crumbs = new ArrayList<>();
        List<Crumb> columns = new ArrayList<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (kinds[i] != null) {
                continue; // already taken by a breadcrumb or list before it
            }
            String line = lines.get(i);
            var crumb = CRUMB_LABEL.matcher(TraditionalForms.fold(line));
            if (line.length() <= 200 && crumb.find() && (crumb.end() < line.length() || line.length() <= 8)) {
                kinds[i] = LineKind.BREADCRUMB;
                i = crumbTrail(lines, kinds, i, crumb.end(), crumbs);
                continue;
            }
            if (line.length() <= 200 && CRUMB_BARE.matcher(line).find()) {
                kinds[i] = LineKind.BREADCRUMB;
                addParts(crumbs, line, i, 0);
                continue;
            }
            if (LIST_HEADER.matcher(line).find() || FOOTER_HEADER.matcher(line).find()) {
                LineKind kind = LIST_HEADER.matcher(line).find() ? LineKind.RECOMMENDATIONS : LineKind.FOOTER;
                kinds[i] = kind;
                listAfter(lines, kinds, i, kind, firstSeen);
                continue;
            }
            if (COMMENT_RULES.matcher(line).matches()) {
                for (int j = i; j < n && j <= i + COMMENT_RULES_MAX && lines.get(j).length() <= 300; j++) kinds[j] = LineKind.FOOTER;
                continue;
            }
            kinds[i] = kindOf(line);
            if (kinds[i] == LineKind.METADATA) {
                for (Metadata.Labelled l : Metadata.labels(line)) {
                    if (l.field() == Metadata.Field.COLUMN && !l.value().isEmpty()) {
                        columns.add(new Crumb(l.value(), new Span(i, l.start(), l.end())));
                    }
                }
            }
            String chrome = page.chromeOf(i);
            // a summary box or a caption is marked for where the text opens, not as chrome: its short lines may be a heading
            if (chrome != null && !PageReader.neverOpens(chrome) && kinds[i] == LineKind.SHORT) {
                kinds[i] = kindFor(chrome);
                if (kinds[i] == LineKind.BREADCRUMB) {
                    addParts(crumbs, line, i, 0);
                }
            }
            if (line.length() <= 40) {
                firstSeen.putIfAbsent(ChineseText.normalize(line), i);
            }
        }
        datedLists(lines, kinds);
        boolean[] runsOn = hardWrapped(page, kinds);
        return new Result(kinds, crumbs, columns, runsOn);
    }

    /**
     * Text broken at a fixed width, as pages of the 2000s, forum posts and saved e-mails print it (every line 72 or 76
     * columns, a Chinese character taking two): its lines end mid-clause, so none reads as a paragraph by its own
     * punctuation and the first would pass for a headline. When many lines share the width, a line of that width
     * standing beside another is prose. A sidebar of headlines cut at one length is a list of links, ending in
     * an ellipsis, and stays as it is.
     */
    private static boolean[] hardWrapped(PageText page, LineKind[] kinds) {
        List<String> lines = page.lines();
        boolean[] runsOn = new boolean[lines.size()];
        int[] widths = new int[lines.size()];
        Map<Integer, Integer> counts = new HashMap<>();
        int longLines = 0;
        for (int i = 0; i < lines.size(); i++) {
            widths[i] = columns(lines.get(i));
            if (widths[i] >= WRAP_MIN) {
                counts.merge(widths[i], 1, Integer::sum);
                longLines++;
            }
        }
        int wrap = -1, most = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue() > most || e.getValue() == most && e.getKey() > wrap) {
                wrap = e.getKey();
                most = e.getValue();
            }
        }
        // wrapped text puts most of its long lines at exactly the width (77 % to 83 % on the pages that showed it); on
        // other pages a width is shared by chance, by a fifth of their long lines at most
        if (most < WRAPPED_LINES || most * 10 < longLines * 4) return runsOn;
        for (int i = 0; i < lines.size(); i++) {
            boolean wrapped = inBand(widths[i], wrap) && (i > 0 && inBand(widths[i - 1], wrap) || i + 1 < lines.size() && inBand(widths[i + 1], wrap));
            String line = lines.get(i);
            // a clause, a list, or the rest of the sentence the line above broke off
            if (wrapped && kinds[i] == LineKind.SHORT && !page.linkAt(i) && !line.endsWith("…") && !line.endsWith("...")
                    && (CLAUSE.matcher(line).find() || line.indexOf('、') >= 0 || i > 0 && runsOn[i - 1])) {
                kinds[i] = LineKind.PARAGRAPH;
            }
            // a line of the full width was cut where the width ran out, unless a sentence happened to end there; a
            // paragraph's last line stops short of it
            runsOn[i] = wrapped && kinds[i] == LineKind.PARAGRAPH && !SENTENCE_CLOSE.matcher(line).find();
        }
        return runsOn;
    }

    private static boolean inBand(int width, int wrap) {
        return width >= wrap - WRAP_SLACK && width <= wrap + 2;
    }

    /**
     * Display columns as the text was wrapped: a GBK byte a column, so a Chinese character, a full-width mark and a
     * curly quote take two and ASCII one.
     */
    private static int columns(String line) {
        return line.getBytes(GB18030).length;
    }

    /**
     * Headlines each followed by a date, one a line (内地与香港基金互认今起实施 2015/07/01), are a list of other stories
     * when two or more stand together, however much one alone looks like an account printed beside its date.
     */
    private static void datedLists(List<String> lines, LineKind[] kinds) {
        boolean[] entry = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            // an entry's headline may read as prose (吳斯懷：問政需求、合情合理 2020-03-12 18:39), yet it ends no sentence
            entry[i] = (kinds[i] == LineKind.METADATA || kinds[i] == LineKind.SHORT
                    || kinds[i] == LineKind.PARAGRAPH && lines.get(i).indexOf('。') < 0) && datedEntry(lines.get(i));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (entry[i] && (i > 0 && entry[i - 1] || i + 1 < lines.size() && entry[i + 1])) kinds[i] = LineKind.RECOMMENDATIONS;
        }
    }

    /** A line that is some words and then a date closing it, with no label: a story's headline and its day. */
    private static boolean datedEntry(String line) {
        if (line.length() > DATED_ENTRY_MAX) return false;
        Metadata.FoundDate d = Metadata.date(line);
        return d != null && d.start() >= 6 && line.substring(d.end()).isBlank() && Metadata.labels(line.substring(0, d.start())).isEmpty();
    }

    static LineKind kindOf(String line) {
        int len = line.length();
        if (PAGER.matcher(line).find()) return LineKind.PAGER;
        if (PROFILE_CARD.matcher(line).lookingAt()) return LineKind.NAVIGATION;
        // a template's markup a scraper or a copy took as text (<div class="pic_midd mb20"> <!--插件的宽度…-->) is code
        if (MARKUP_LINE.matcher(line).find()) return LineKind.NAVIGATION;
        // a read-aloud player's button (语音播报文章，释放双眼, 听全文, AI朗读) reads as a clause but is the page's
        if (line.length() <= 20 && READ_ALOUD.matcher(line).lookingAt()) return LineKind.NAVIGATION;
        // a drop-down list copied as text: its prompt, then its options run together (請選擇---<地方>相關新聞 春安啟動 …)
        if (SELECT_PROMPT.matcher(line).lookingAt()) return LineKind.NAVIGATION;
        if (Metadata.isMetadataLine(line)) return LineKind.METADATA;
        if (len >= 3 && (line.startsWith("——") || line.startsWith("--") || line.startsWith("－－") || line.startsWith("—"))
                && len <= 60 && !line.contains("。")) {
            return LineKind.SUBTITLE;
        }
        String folded = TraditionalForms.fold(line);
        if (len <= 30 && (containsAny(folded, SHARE) || SHARE_BAR.matcher(line).matches())) return LineKind.SHARE;
        if (len <= 60 && TOOL_ROW.matcher(folded).matches()) return LineKind.SHARE;
        // a page's tool bar runs longer but names several tools (浏览字号：大 中 小 | 打印本页 | 通过Email推荐给好友：)
        if (len <= 60 && !line.contains("。") && countOf(folded, SHARE) >= 2) return LineKind.SHARE;
        if (posted(line)) return LineKind.FOOTER;
        if (len <= 300 && (NOTICE.matcher(folded).find() || CLOSER.matcher(folded).find()) || helpline(line)) return LineKind.FOOTER;
        if (!line.contains("。") && len <= 200 && containsAny(line.toLowerCase(java.util.Locale.ROOT), FOOTER)
                || PHONE.matcher(line).matches()) {
            return LineKind.FOOTER;
        }
        return isParagraph(withoutClosingCredit(line)) ? LineKind.PARAGRAPH : LineKind.SHORT;
    }

    /** The line without the reporter's or writer's bracket that closes it, if it has one. */
    static String withoutClosingCredit(String line) {
        int len = line.length();
        if (len == 0 || len > CLOSING_CREDIT_MAX || line.charAt(len - 1) != '）' && line.charAt(len - 1) != ')') return line;
        Matcher m = CLOSING_CREDIT.matcher(line);
        if (!m.matches()) return line;
        String inner = m.group(2);
        return PageLabels.isByline(inner) || Bylines.bracketedNames("（" + inner + "）") != null ? m.group(1) : line;
    }

    /** A blog's or a forum's line saying who posted the text and when, which closes the post. */
    static boolean posted(String line) {
        return line.length() <= POSTED_MAX && POSTED.matcher(line).find();
    }

    /** A disclaimer, a copyright notice or a comment box: what closes an article and never belongs to it. */
    static boolean signOff(String line) {
        String folded = TraditionalForms.fold(line);
        return line.length() <= 300 && (SIGN_OFF.matcher(folded).find() || CLOSER.matcher(folded).find()) || helpline(line);
    }

    private static boolean helpline(String line) {
        return line.length() <= HELPLINE_MAX && HELPLINE.matcher(line).find();
    }

    /** Prose: a sentence end, or a long enough run of clauses; titles and menu entries are neither. */
    static boolean isParagraph(String line) {
        int len = line.length();
        if (len >= 4 && (line.indexOf('。') >= 0 || line.indexOf('；') >= 0)) return true;
        char last = line.charAt(len - 1);
        if (len >= 30 && "！？!?”\"…".indexOf(last) >= 0) return true;
        // a field the template printed empty (责任编辑：) is a label, not the lead-in to a list
        if (len >= 4 && (last == '：' || last == ':') && !Metadata.isMetadataLine(line)
                && !Metadata.isLabel(TraditionalForms.fold(line.substring(0, len - 1)).strip())) {
            return true;
        }
        return len >= 40 && punctuation(line) >= 2 && !nameList(line);
    }

    /**
     * Names side by side with spaces between and no clause among them (广东人大网 广东政协网 阳光检务网 …): a block of
     * links a text dump flattened into one line. Quotes inside a name (“互联网+督查”平台) are no clauses.
     */
    static boolean nameList(String line) {
        if (CLAUSE.matcher(line).find()) return false;
        String[] names = NAME_GAPS.split(line.strip());
        return names.length >= 5 && line.length() <= 14 * names.length;
    }

    static int punctuation(String line) {
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            if ("，。、；：！？,;:!?“”".indexOf(line.charAt(i)) >= 0) count++;
        }
        return count;
    }

    private static LineKind kindFor(String removal) {
        return switch (removal) {
            case "breadcrumb" -> LineKind.BREADCRUMB;
            case "footer" -> LineKind.FOOTER;
            case "share" -> LineKind.SHARE;
            case "pager" -> LineKind.PAGER;
            case "recommendations" -> LineKind.RECOMMENDATIONS;
            default -> LineKind.NAVIGATION;
        };
    }

    /** Sites print the trail on the label's line or on the short lines after it (首页 / > / 党建新闻 / > 正文). */
    private static int crumbTrail(List<String> lines, LineKind[] kinds, int i, int trailStart, List<Crumb> crumbs) {
        String line = lines.get(i);
        if (trailStart < line.length()) {
            addParts(crumbs, line, i, trailStart);
            return i;
        }
        int last = i;
        boolean expectMore = true;
        for (int j = i + 1; j < lines.size() && j <= i + 10; j++) {
            String next = lines.get(j);
            boolean startsWithSep = SEPARATORS.matcher(next).lookingAt();
            if (next.length() > 20 || !(expectMore || startsWithSep)) {
                break;
            }
            kinds[j] = LineKind.BREADCRUMB;
            addParts(crumbs, next, j, 0);
            String stripped = SEPARATORS.matcher(next).replaceAll("").trim();
            expectMore = stripped.isEmpty() || endsWithSeparator(next);
            last = j;
        }
        return last;
    }

    private static boolean endsWithSeparator(String s) {
        char c = s.charAt(s.length() - 1);
        return ">＞»›→/".indexOf(c) >= 0;
    }

    private static void addParts(List<Crumb> crumbs, String line, int lineIndex, int from) {
        var m = SEPARATORS.matcher(line);
        int start = from;
        while (true) {
            boolean found = m.find(start) && m.start() >= start;
            int end = found ? m.start() : line.length();
            addPart(crumbs, line, lineIndex, start, end);
            if (!found) break;
            start = m.end();
            if (start >= line.length()) break;
        }
    }

    private static void addPart(List<Crumb> crumbs, String line, int lineIndex, int s, int e) {
        while (s < e && PageReader.isSpace(line.charAt(s))) s++;
        while (e > s && PageReader.isSpace(line.charAt(e - 1))) e--;
        if (s < e) {
            crumbs.add(new Crumb(line.substring(s, e), new Span(lineIndex, s, e)));
        }
    }

    /** The short lines under a 为您推荐 or 友情链接 header, up to a menu repeated from above or other chrome. */
    private static void listAfter(List<String> lines, LineKind[] kinds, int header, LineKind kind, Map<String, Integer> firstSeen) {
        for (int j = header + 1; j < lines.size() && j <= header + LIST_MAX; j++) {
            String line = lines.get(j);
            LineKind own = kindOf(line);
            // a list whose items a script was to fill is a header alone: the trail after it starts the article, not an item
            if (line.length() >= 80 && own == LineKind.PARAGRAPH || own.chrome() && own != kind
                    || firstSeen.containsKey(ChineseText.normalize(line))
                    || line.length() <= 200 && (CRUMB_LABEL.matcher(line).find() || CRUMB_BARE.matcher(line).find())) {
                return;
            }
            kinds[j] = kind;
        }
    }

    private static int countOf(String s, String[] words) {
        int n = 0;
        for (String w : words) {
            if (s.contains(w)) n++;
        }
        return n;
    }

    private static boolean containsAny(String s, String[] words) {
        for (String w : words) {
            if (s.contains(w)) return true;
        }
        return false;
    }
}
