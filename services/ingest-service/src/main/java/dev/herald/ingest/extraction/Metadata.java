package dev.herald.ingest.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the labelled metadata of Chinese news pages ({@code 发布时间:}, {@code 本文来源:}, {@code 责任编辑：},
 * {@code 文/}, {@code 记者 张三}, {@code (供稿人:单位 姓名)}...) and dates in the forms sites print them. Patterns
 * accept full-width and half-width forms side by side rather than folding the line first, so every value keeps an
 * exact span in the line as the page shows it.
 */
final class Metadata {

    enum Field { DATE, SOURCE, AUTHOR, EDITOR, CONTRIBUTOR, UNIT, COLUMN, SUBTITLE, OTHER }

    /** A labelled value: which field, the label as written and where it starts, the value and its char range in the line. */
    record Labelled(Field field, String label, int labelStart, String value, int start, int end) {
    }

    /**
     * A name printed bare beside the date, with its char range: before the date (an account: 华夏人文 2020-03-09),
     * after it (a source: 2019年11月25日 18:57 参考消息) or after it behind a dot (an account: 2019-05-17 · 苏皖城市报道).
     */
    record DatedName(String name, int start, int end, boolean beforeDate, boolean dotted) {
    }

    /** A date found in a line, as ISO text, with its char range. */
    record FoundDate(String iso, int start, int end) {
    }

    private static final Map<Field, List<String>> LABELS = Map.of(
            Field.DATE, List.of("发布时间", "发布日期", "发表时间", "发表日期", "发稿时间", "更新时间", "上传时间", "录入时间",
                    "最后更新", "更新日期", "发布于", "发表于", "更新于", "时间", "日期", "发布", "更新",
                    // an information-disclosure table's own date for the item, where it shows no 发布日期
                    "生成日期", "公开日期"),
            // 摘自 is where a digest took it from (來源：財匯資訊，摘自：中國經濟網); the first source named wins
            Field.SOURCE, List.of("本文来源于", "本文来源", "文章来源", "信息来源", "新闻来源", "稿件来源", "来源于", "来源", "稿源", "出处", "摘自"),
            Field.AUTHOR, List.of("作者", "评论员", "撰稿人", "撰稿", "撰文", "记者", "实习生", "发布者", "发布人", "文字", "图文", "文", "采写", "执笔人",
                    "执笔", "主笔", "撰写", "编译", "原创", "文案"),
            // the one who signs a report off for publication (审核, 编审) is an editor too, as hospital and school sites credit them
            Field.EDITOR, List.of("责任编辑", "值班编辑", "编辑", "责编", "审核", "编审"),
            Field.CONTRIBUTOR, List.of("供稿人", "供稿", "通讯员", "投稿人"),
            Field.UNIT, List.of("供稿单位", "发布单位", "投稿单位", "报送单位"),
            Field.COLUMN, List.of("所属栏目", "栏目", "所属频道", "频道"),
            Field.SUBTITLE, List.of("副标题"),
            Field.OTHER, List.of("点击数", "点击量", "点击率", "点击", "浏览量", "浏览次数", "浏览", "阅读量", "阅读数", "阅读", "人气",
                    "访问量", "访问次数", "摄影", "摄像", "图片", "供图", "图", "审校", "校对", "终审", "初审", "二审", "三审",
                    "字号", "字体", "监制", "标签", "关键词", "关键字", "所属分类", "分类",
                    // the other roles of a credit chain (编辑|张维纳 语音|徐佳 剪辑|李春 制图|张莉 校读|刘永杰): each ends the
                    // name before it, and none is a writer or an editor
                    "语音", "配音", "剪辑", "制图", "校读", "美编", "排版", "视觉", "设计", "统筹", "策划", "出品",
                    // the table government information-disclosure pages print above a notice: it names the issuer and the
                    // document, not a source, a writer or the publication date (成文日期 is when it was signed)
                    "索引号", "发布机构", "发文机关", "发文单位", "成文日期", "发文日期", "文号", "发文字号", "主题分类", "公开方式",
                    "公开范围", "公开时限", "有效性", "主题词", "信息分类", "组配分类", "体裁分类", "生效日期", "废止日期", "公文种类"));
    private static final Map<String, Field> FIELD_OF = LABELS.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(l -> Map.entry(l, e.getKey())))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    // (来源 glued after a writer's name with its colon, as a copied page runs fields together: 作者：小二郎来源：4hou; not a
    // picture's: 新聞圖片來源：)
    // labels of three or more characters are distinctive enough to count right after other text (培训部发布时间：),
    // which is how adjacent HTML spans come out; two-character ones (时间, 来源) only after a non-word character, or
    // after the digits of a date with their colon (发布时间：2019-05-18来源：中国地理学会, a framework page's copied text)
    // a reporter's label follows the name of the paper or station that employs them (本报记者, 央视记者, 新华社记者)
    private static final List<String> BYLINE_LABELS = List.of("记者", "作者", "通讯员", "实习生", "评论员", "编辑");
    private static final String SHORT_LABELS = labelsWhere(l -> l.length() < 3 && !BYLINE_LABELS.contains(l));
    private static final Pattern LABEL = Pattern.compile("(" + labelsWhere(l -> l.length() >= 3 || BYLINE_LABELS.contains(l))
            + "|(?<![\\p{IsHan}A-Za-z0-9])(?:" + SHORT_LABELS
            + ")|(?<=[0-9０-９])(?:" + SHORT_LABELS + ")(?=[ \\t\\u3000\\u00A0]*[:：])|(?<=\\p{IsHan})(?<!图片|照片|相片|资料|資料|图)来源(?=[:：]))"
            + "(?:[ \\t\\u3000\\u00A0]*([:：/／|｜︱丨】\\]])|[ \\t\\u3000\\u00A0]+(?=\\S)|(?=\\S))");
    // a label glued to its value counts in a line of |-separated fields (来源CSDN| 作者魏星), before digits or Latin
    // (发表于2014-08-24), and for a reporter named right after the word (记者陈智)
    // or glued to an agency's dateline as well (中央社記者溫貴香台北21日電): a name of three, else of two, before the place
    // (or to the place it reported from: 台灣醒報記者李宛儒台北報導)
    private static final Pattern GLUED_NAME = Pattern.compile("\\p{IsHan}{2,3}(?:[\\s\\u3000)）、，,/／]|$|(?=\\p{IsHan}{2,4}\\d{1,2}日[电讯])"
            + "|(?=\\p{IsHan}{2,3}[报報][导導道](?:[】〕\\]）)]|$)))");
    // the credit line hospital and school sites close a report with: 医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳
    private static final Pattern CREDIT_BEFORE_LABELS = Pattern.compile("^[\\s\\u3000]*([^\\s\\u3000。，,]{2,30}?)[\\s\\u3000]*(供稿|报送|供图)[\\s\\u3000]*$");
    // the page's tool links in brackets ahead of the editor's line (【我要纠错】 责任编辑：宋岩, [打印] [关闭] 编辑：…)
    private static final Pattern TOOLS_BEFORE_LABELS = Pattern.compile("^(?:[\\s\\u3000]*[【\\[［][^】\\]］]{1,8}[】\\]］])+[\\s\\u3000]*$");
    private static final Pattern PIPES = Pattern.compile("[|｜丨]");
    private static final Pattern SEGMENT_START = Pattern.compile("(?:^|[|｜丨]|\\s[-·])[ \\t\\u3000\\u00A0]*$");
    // a label followed by a space only counts when the page plainly uses it as one (记者 张三), never for 文 or 图
    private static final List<String> SPACE_LABELS = List.of("记者", "评论员", "通讯员", "实习生", "作者", "编辑", "责任编辑", "来源", "本文来源",
            "时间", "日期", "发布时间", "发布日期", "发布于", "发表于", "更新于", "最后更新", "更新时间", "发布", "更新", "供稿", "供稿人",
            "摄影", "审核", "编审", "审校", "校对", "监制", "稿源", "文案", "撰稿", "发布者", "责编", "值班编辑", "原创", "执笔", "执笔人", "采写");
    private static final List<String> SLASH_LABELS = List.of("文", "图", "图文", "文字", "记者", "编辑", "摄影", "作者", "撰稿", "编译", "执笔", "采写");

    private static final String D = "[0-9０-９]";
    private static final String S = "[\\s\\u3000\\u00A0]*";
    private static final String TIME = "(?:" + S + "(" + D + "{1,2})" + S + "[:：时]" + S + "(" + D + "{2})(?![0-9０-９])" + S + "分?(?:" + S
            + "[:：]" + S + "(" + D + "{2})(?![0-9０-９])" + S + "秒?)?)?";
    private static final Pattern YEAR_LAST = Pattern.compile("(?<![0-9０-９./／-])(" + D + "{1,2})[/.／．](" + D + "{1,2})[/.／．]([12]" + D
            + "{3})(?![0-9０-９])" + TIME);
    private static final Pattern YEARLESS = Pattern.compile("(?<![0-9０-９./／:-])(" + D + "{1,2})" + S + "[-/月－／]" + S + "(" + D + "{1,2})"
            + S + "日?" + "(?:" + S + "(" + D + "{1,2})" + S + "[:：]" + S + "(" + D + "{2})(?![0-9０-９])(?:" + S + "[:：]" + S + "(" + D + "{2}))?)");
    // a two-digit day may run straight into the time (2005.08.2605:39), as mobile pages print the date line
    private static final Pattern DATE = Pattern.compile("(?<![0-9０-９])([12１２]" + D + "{3})[\\s\\u3000\\u00A0]*[-/.年－／．][\\s\\u3000\\u00A0]*(" + D
            + "{1,2})[\\s\\u3000\\u00A0]*[-/.月－／．][\\s\\u3000\\u00A0]*(" + D + "{2}(?=" + D + "{1,2}[:：])|" + D + "{1,2}(?![0-9０-９]))[\\s\\u3000\\u00A0]*日?(?:[\\s\\u3000\\u00A0]*(" + D + "{1,2})[\\s\\u3000\\u00A0]*[:：时][\\s\\u3000\\u00A0]*(" + D
            + "{2})(?![0-9０-９])[\\s\\u3000\\u00A0]*分?(?:[\\s\\u3000\\u00A0]*[:：][\\s\\u3000\\u00A0]*(" + D + "{2})(?![0-9０-９])[\\s\\u3000\\u00A0]*秒?)?)?");
    // the time printed before the date, glued to it on some templates: 15:312018/09/16, 10:30 2021-06-30
    private static final Pattern TIME_FIRST = Pattern.compile("(?<![0-9０-９:：])(" + D + "{1,2})[:：](" + D + "{2})(?:[:：](" + D + "{2}))?"
            + "[\\s\\u3000\\u00A0]*([12]" + D + "{3})[-/.年－／．](" + D + "{1,2})[-/.月－／．](" + D + "{1,2})(?![0-9０-９])日?");
    // dates written out in Chinese numerals, as formal notices print them: 二〇二一年四月二十八日
    private static final Pattern CHINESE_DATE = Pattern.compile(
            "([〇○零Ｏ一二三四五六七八九]{4})年(十[一二]?|[一二三四五六七八九])月(三十一?|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号]");
    // blogs and overseas sites print the date in English: Saturday, September 10th, 2005 10:56 am; 10 Sep 2005
    private static final String MONTHS = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?"
            + "|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])\\.?";
    private static final String CLOCK = "(?:,?[\\s\\u00A0]+(?:at[\\s\\u00A0]+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?)?";
    private static final Pattern MERIDIEM = Pattern.compile("[\\s\\u00A0]*([AaPp])\\.?[Mm]\\.?(?![A-Za-z])");
    private static final Pattern ENGLISH_DATE = Pattern.compile("(?i)(?<![A-Za-z])(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?(?![a-z])\\.?,?\\s+)?(?:" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+([12]\\d{3})"
            + "|(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTHS + ",?\\s+([12]\\d{3}))(?![0-9])" + CLOCK);
    private static final List<String> MONTH_NAMES = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    // a site's address printed beside the date (http://house.sina.com.cn 2005年03月31日, BUSINESS.SOHU.COM 2004年7月16日)
    private static final Pattern ADDRESS = Pattern.compile("(?i)(https?://)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(com|cn|net|org|gov)(\\.cn)?\\S*");
    // what stands before a date in brackets: 北京新浪網 (2012-01-16 15:10)
    private static final Pattern CITED_BEFORE = Pattern.compile("^[\\s\\u3000]*(\\S{2,14})[\\s\\u3000]*[(（]$");
    // a paper may be printed with its group's site before it: 金羊网—新快报
    private static final Pattern BARE_NAME = Pattern.compile("^([·•]?)[\\s\\u3000\\u00A0]*《?([\\p{IsHan}A-Za-z0-9-]{2,14}(?:[—－][\\p{IsHan}]{2,8})?)》?$");
    // a portal's date line ends on how many have joined the discussion (冀勇庆 2015-06-25 08:46:42 0人参与评论): a
    // counter, not a second name beside the date
    private static final Pattern DISCUSSION_COUNTER = Pattern.compile(
            "\\d+\\s*(?:人参与(?:评论|讨论)?|人评论|条评论|条跟贴|人跟贴)|(?:我要)?(?:评论|跟贴)\\s*[（(]\\s*\\d+\\s*[)）]");
    private static final Pattern TIME_WORDS = Pattern.compile("^[\\s\\u3000\\u00A0]*(更新于|发布于|发表于|来自|更新|发布|星期.|周.)?[\\s\\u3000\\u00A0]*");
    private static final String TRIM = " \t\u3000\u00A0|丨｜/／,，;；、()（）[]【】<>《》-—:：";
    // copied from a page whose buttons sit in their own styled boxes, the longer ones come glued to the value (作者：南帆分享到：)
    private static final Pattern TRAILING_BUTTON = Pattern.compile("(?:[\\s\\u3000\\u00A0|｜]+(分享到|分享至|分享|打印本页|打印|收藏本文|收藏|关闭窗口|纠错)"
            + "|(分享到|分享至|打印本页|收藏本文|关闭窗口))[:：]?$");
    private static final Pattern BRACKETED_CREDIT = Pattern.compile("^[【〔]([^【】〔〕]{2,38})[】〕]$");
    private static final Pattern MORE_BY = Pattern.compile("[\\s\\u3000]*的(?:其他|其它|更多|全部|所有)?(?:文章|作品|博客|专栏|报道)\\S*$");
    private static final Pattern BRACKETED_LABELS = Pattern.compile("[（(]([^()（）]{2,40})[)）]");
    private static final Pattern MICROBLOG_AFTER = Pattern.compile("(?:[\\s\\u3000]+|[\\[(（])微博[\\])）]?[\\s\\u3000]*$");
    private static final Pattern WRITERS_NOTE = Pattern.compile("(?<=\\S)[（(][^()（）]{2,80}[)）]");
    private static final Pattern RANKED_ROLE = Pattern.compile("[\\s\\u3000]*\\p{IsHan}{1,6}");
    private static final int MAX_LINE = 300;

    private Metadata() {
    }

    /** The labels that pass, longest first, as alternatives of a pattern. */
    private static String labelsWhere(java.util.function.Predicate<String> which) {
        return FIELD_OF.keySet().stream().filter(which).sorted(Comparator.comparingInt(String::length).reversed())
                .collect(Collectors.joining("|"));
    }

    /** Every labelled value in a line, each value running to the next label or the end of the line. */
    static List<Labelled> labels(String line) {
        if (line.length() > MAX_LINE) {
            return List.of();
        }
        List<int[]> found = new ArrayList<>();
        // labels are matched in simplified forms (記者 as 记者); values are cut from the line as printed
        String view = TraditionalForms.fold(line);
        Matcher m = LABEL.matcher(view);
        while (m.find()) {
            String label = m.group(1);
            String sep = m.group(2) == null ? " " : m.group(2);
            boolean slash = sep.equals("/") || sep.equals("／");
            boolean glued = m.group(2) == null && m.end() == m.end(1);
            boolean pipe = "|｜︱丨".contains(sep);
            // a label in brackets needs no colon (【作者】张三 【来源】南宁日报), so long as the bracket opens before it
            boolean bracket = sep.equals("】") || sep.equals("]");
            if (bracket && (m.start(1) == 0 || "【[".indexOf(line.charAt(m.start(1) - 1)) < 0)) {
                continue;
            }
            boolean space = !slash && !glued && !pipe && !bracket && !sep.equals(":") && !sep.equals("：");
            // 文 | 张三 is a byline where it opens the line; inside one (图文|视频) it is a menu
            if (pipe && label.length() < 2 && !line.substring(0, m.start(1)).isBlank()) {
                continue;
            }
            if (space && !SPACE_LABELS.contains(label) || slash && !SLASH_LABELS.contains(label)
                    || glued && !gluedValue(view, label, m.start(1), m.end())) {
                continue;
            }
            found.add(new int[]{m.start(1), m.end(1), m.end(), pipe ? 1 : 0});
        }
        withRankedRoles(view, found);
        List<Labelled> out = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            int[] f = found.get(i);
            int valueEnd = i + 1 < found.size() ? found.get(i + 1)[0] : line.length();
            int s = f[2], e = valueEnd;
            while (s < e && TRIM.indexOf(line.charAt(s)) >= 0) s++;
            while (e > s && TRIM.indexOf(line.charAt(e - 1)) >= 0) e--;
            e = closingBracketKept(line, s, e, valueEnd);
            // the share bar and print button printed on the metadata line (作者：南帆 分享到：) name nobody
            Matcher button = TRAILING_BUTTON.matcher(line).region(s, e);
            if (button.find()) {
                e = button.start();
                while (e > s && TRIM.indexOf(line.charAt(e - 1)) >= 0) e--;
            }
            // a link to the writer's other pieces (查看本文作者 孙伟 的其他文章>>) names the writer, then the link
            Matcher more = MORE_BY.matcher(line).region(s, e);
            if (more.find() && more.start() > s) e = more.start();
            String label = view.substring(f[0], f[1]);
            // 图文|视频|直播 is a menu: a value read after a pipe that runs on through more pipes names nobody
            if (f[3] == 1 && PIPES.matcher(line.substring(s, e)).find()) continue;
            out.add(new Labelled(FIELD_OF.get(label), label, f[0], line.substring(s, e), s, e));
        }
        return out;
    }

    /**
     * A writer's label whose value opens on their rank or employer glued to a role (作者：见习编辑 李琼皙, 采写：南都记者
     * 方南): the role is the value's, not a label of its own, or the writer would be read as an editor or the paper as a
     * second writer. A role with its own colon (作者：张三编辑：李四, fields a framework printed apart) is a label.
     */
    private static void withRankedRoles(String view, List<int[]> found) {
        for (int i = found.size() - 1; i >= 1; i--) {
            int[] before = found.get(i - 1), role = found.get(i);
            String label = view.substring(role[0], role[1]);
            String between = view.substring(before[2], role[0]);
            if (FIELD_OF.get(view.substring(before[0], before[1])) == Field.AUTHOR && BYLINE_LABELS.contains(label)
                    && RANKED_ROLE.matcher(between).matches() && !view.startsWith(":", role[1]) && !view.startsWith("：", role[1])) {
                found.remove(i);
            }
        }
    }

    /** A value opening a bracket keeps the bracket's close, which the trim took: 新华网（广东频道）, 人民网-《人民日报》. */
    private static int closingBracketKept(String line, int s, int e, int limit) {
        // a book-title bracket opened inside the value closes it (人民网-《人民日报》), as a round one does
        int book = line.lastIndexOf('《', e - 1);
        if (book >= s && line.indexOf('》', book) >= e && e < limit && line.charAt(e) == '》') return e + 1;
        int open = Math.max(line.lastIndexOf('（', e - 1), line.lastIndexOf('(', e - 1));
        if (open < s || line.indexOf('）', open) >= 0 && line.indexOf('）', open) < e || line.indexOf(')', open) >= 0 && line.indexOf(')', open) < e) return e;
        char close = line.charAt(open) == '（' ? '）' : ')';
        for (int i = e; i < limit; i++) {
            if (line.charAt(i) == close) return i + 1;
            if (TRIM.indexOf(line.charAt(i)) < 0) return e;
        }
        return e;
    }

    private static boolean gluedValue(String line, String label, int labelStart, int valueStart) {
        if (label.length() < 2 || valueStart >= line.length()) return false;
        char first = line.charAt(valueStart);
        boolean reporter = label.equals("记者") || label.equals("通讯员") || label.equals("实习生");
        if (reporter && (GLUED_NAME.matcher(line).region(valueStart, line.length()).lookingAt() || Bylines.runTogetherAt(line, valueStart))) {
            return true;
        }
        String before = line.substring(0, labelStart);
        if (!SEGMENT_START.matcher(before).find()) return false;
        // 于 is the label's own colon: 本文来源于国家统计局, 发布于2020-03-09
        if (label.endsWith("于")) return true;
        return first < 128 && Character.isLetterOrDigit(first) || !PageReader.strip(before).isEmpty();
    }

    /**
     * A line that holds metadata and nothing else: it opens with a label or a date, and is no sentence. The
     * parenthesised form ({@code (供稿人:...)}) counts too.
     */
    static boolean isMetadataLine(String line) {
        if (line.length() > 160 || line.contains("。") && !line.startsWith("(") && !line.startsWith("（")) {
            return false;
        }
        FoundDate date = date(line);
        if (date != null && (date.start() <= 1 && onlyMetadataAfter(line, date.end()) || datedShortLine(line, date))) {
            return true;
        }
        if (Bylines.bracketedNames(line) != null || Bylines.namesBeforeRole(line.strip()) != null || Bylines.desk(line) != null
                || Bylines.stationReporters(line) != null || Bylines.outletAndReporter(line) != null) {
            return true;
        }
        // a reporter's credit in brackets on a line of its own, as Taiwan's sites print it: 【台灣新生報／記者蘇湘雲／台北報導】
        Matcher bracketed = BRACKETED_CREDIT.matcher(line.strip());
        if (bracketed.matches() && (Bylines.reportingCredit(bracketed.group(1)) || Bylines.outletAndReporter(line) != null)) {
            return true;
        }
        List<Labelled> labels = labels(line);
        if (labels.isEmpty() || labels.stream().anyMatch(Metadata::sentence)) {
            return false;
        }
        Labelled first = labels.get(0);
        int at = first.labelStart();
        boolean opens = at <= 2 || BYLINE_LABELS.contains(first.label()) && Bylines.employerPrefix(line.substring(0, at))
                || CREDIT_BEFORE_LABELS.matcher(line.substring(0, at)).matches() || TOOLS_BEFORE_LABELS.matcher(line.substring(0, at)).matches();
        return opens && labels.stream().anyMatch(l -> !l.value().isEmpty() || l.field() == Field.OTHER);
    }

    /** Who supplied the report, as a credit line opens before its labels (医技药剂党支部、药剂科供稿 摄影/张艳), or null. */
    static String suppliedBefore(String head) {
        Matcher m = CREDIT_BEFORE_LABELS.matcher(head);
        return m.matches() && !m.group(2).equals("供图") ? m.group(1) : null;
    }

    /** An interviewer's question (记者：请问……？, however short) is labelled like a byline but is a sentence. */
    private static boolean sentence(Labelled l) {
        // a writer's description in brackets after the name (作者：Steed(专业级业余天文爱好者，果壳网频道主编，…)) is
        // no part of the credit that could make it a sentence
        String v = l.field() == Field.AUTHOR ? WRITERS_NOTE.matcher(l.value()).replaceAll("") : l.value();
        return l.field() != Field.DATE && l.field() != Field.OTHER && (v.length() > 20 && v.chars().anyMatch(c -> "，？！,?!；;“”".indexOf(c) >= 0)
                || v.length() >= 6 && (v.endsWith("？") || v.endsWith("?")));
    }

    /**
     * A date with only a site name, a label or separators around it ({@code 来源：央视网 | 2021年06月30日 10:31},
     * {@code 人民网 2021年06月30日10:31}, {@code 2019-05-17 · 苏皖城市报道}): what pages print under a title.
     */
    private static boolean datedShortLine(String line, FoundDate date) {
        if (line.length() > 100) return false;
        String rest = ADDRESS.matcher(line.substring(0, date.start()) + " " + line.substring(date.end())).replaceAll(" ");
        // a bracket of labelled sources beside the date ((來源：財匯資訊，摘自：中國經濟網)) lists them, it is no sentence
        Matcher sources = BRACKETED_LABELS.matcher(rest);
        StringBuilder listed = new StringBuilder();
        while (sources.find()) sources.appendReplacement(listed, labels(sources.group(1)).isEmpty() ? Matcher.quoteReplacement(sources.group()) : " ");
        rest = sources.appendTail(listed).toString();
        for (int i = 0; i < rest.length(); i++) {
            if ("。，！？；,!?;“”".indexOf(rest.charAt(i)) >= 0) return false;
        }
        StringBuilder words = new StringBuilder();
        for (String w : rest.split("[\\s\\u3000|｜丨·/:：()（）\\[\\]【】-]+")) {
            if (!w.isEmpty() && !FIELD_OF.containsKey(w) && !w.matches("星期.|周.|\\d+")) words.append(w);
        }
        return words.length() <= 24;
    }

    private static boolean onlyMetadataAfter(String line, int from) {
        String rest = PageReader.strip(line.substring(from));
        if (rest.isEmpty()) {
            return true;
        }
        List<Labelled> labels = labels(rest);
        return !labels.isEmpty() && rest.indexOf(labels.get(0).label()) <= 2
                || rest.length() <= 20 && !rest.contains("。") && !rest.contains(",") && !rest.contains("，");
    }

    /**
     * The one name a dated line holds besides the date, the site's address and words about the time, or null when it
     * holds none, several or a label.
     */
    static DatedName datedName(String line) {
        FoundDate d = date(line);
        if (d == null || !labels(line).isEmpty()) return null;
        String before = blankAddresses(line.substring(0, d.start()));
        String after = line.substring(d.end());
        Matcher words = TIME_WORDS.matcher(after);
        boolean lookingAt = words.lookingAt();
        // 2024-05-13 06:16 发布于北京, 02:26:00 来自北京: platforms print where the poster was, a place and nobody's name
        if (lookingAt && words.group(1) != null && (words.group(1).endsWith("于") || words.group(1).equals("来自"))) return null;
        int afterFrom = d.end() + (lookingAt ? words.end() : 0);
        after = blankAddresses(line.substring(afterFrom));
        // Sina links the source to its microblog after the name (2011年12月15日 23:35 新浪财经 微博)
        Matcher microblog = MICROBLOG_AFTER.matcher(after);
        if (microblog.find()) after = after.substring(0, microblog.start());
        // a source with its date in brackets after it, as a relaying portal cites it (北京新浪網 (2012-01-16 15:10)), names
        // the source as a name after the date does
        Matcher cited = CITED_BEFORE.matcher(before);
        if (after.strip().matches("[)）]") && cited.matches() && BARE_NAME.matcher(cited.group(1)).matches() && Fields.siteLike(cited.group(1))) {
            int at = before.indexOf(cited.group(1));
            return new DatedName(cited.group(1), at, at + cited.group(1).length(), false, false);
        }
        boolean nameBefore = !before.isBlank();
        if (nameBefore == !after.isBlank()) return null;
        // a name glued to the date (TNW中文站2016年10月14日) is the page's own header, not an account's signature
        if (nameBefore && !PageReader.isSpace(before.charAt(before.length() - 1))) return null;
        String side = nameBefore ? before.strip() : after.strip();
        Matcher m = BARE_NAME.matcher(side);
        // a word ending in 于 before a date says when, not who (编辑于 2016-08-18, 写于, 摄于)
        if (!m.matches() || m.group(2).chars().allMatch(Character::isDigit) || isLabel(m.group(2)) || nameBefore && m.group(2).endsWith("于")) return null;
        int at = (nameBefore ? 0 : afterFrom) + (nameBefore ? before : after).indexOf(m.group(2));
        return new DatedName(m.group(2), at, at + m.group(2).length(), nameBefore, !m.group(1).isEmpty());
    }

    /** Addresses and discussion counters replaced by spaces, so what is left keeps its offsets. */
    private static String blankAddresses(String text) {
        StringBuilder out = new StringBuilder(text);
        for (Pattern blanked : List.of(ADDRESS, DISCUSSION_COUNTER)) {
            Matcher m = blanked.matcher(text);
            while (m.find()) for (int i = m.start(); i < m.end(); i++) out.setCharAt(i, ' ');
        }
        return out.toString();
    }

    /** The first date in a line, or null; a time after it is kept (2021-04-28 00:00 gives 2021-04-28T00:00). */
    static FoundDate date(String line) {
        return date(line, false);
    }

    /**
     * As {@link #date(String)}; a date written year last (30/06/2021) is read day first unless the page's language
     * writes the month first, and a part over 12 settles it either way.
     */
    static FoundDate date(String line, boolean monthFirst) {
        if (line.length() > MAX_LINE) {
            return null;
        }
        FoundDate best = null;
        Matcher first = TIME_FIRST.matcher(line);
        if (first.find()) {
            int h = number(first.group(1)), mi = number(first.group(2)), y = number(first.group(4)), mo = number(first.group(5)), d = number(first.group(6));
            if (h <= 23 && mi <= 59 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
                String time = String.format("T%02d:%02d", h, mi) + (first.group(3) == null ? "" : ":" + first.group(3));
                return new FoundDate(String.format("%04d-%02d-%02d", y, mo, d) + time, first.start(), first.end());
            }
        }
        Matcher m = DATE.matcher(line);
        while (m.find()) {
            int y = number(m.group(1)), mo = number(m.group(2)), d = number(m.group(3));
            if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
                best = withTime(line, String.format("%04d-%02d-%02d", y, mo, d), m.start(), m.end(3), m, 4);
                break;
            }
        }
        Matcher last = YEAR_LAST.matcher(line);
        while (last.find() && (best == null || last.start() < best.start())) {
            int a = number(last.group(1)), b = number(last.group(2)), y = number(last.group(3));
            // a clock with AM/PM is how American English writes it, month first (7/5/2005 9:23:57 PM, an ASP page's default)
            boolean twelveHour = last.group(4) != null && MERIDIEM.matcher(line).region(last.end(), line.length()).lookingAt();
            boolean aMonth = b > 12 || (monthFirst || twelveHour) && a <= 12;
            int mo = aMonth ? a : b, d = aMonth ? b : a;
            if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
                best = withTime(line, String.format("%04d-%02d-%02d", y, mo, d), last.start(), last.end(3), last, 4);
                break;
            }
        }
        if (best != null) return best;
        Matcher cn = CHINESE_DATE.matcher(line);
        if (cn.find()) {
            int y = 0;
            for (char c : cn.group(1).toCharArray()) {
                y = y * 10 + chineseDigit(c);
            }
            int mo = chineseNumber(cn.group(2)), d = chineseNumber(cn.group(3));
            if (y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
                return new FoundDate(String.format("%04d-%02d-%02d", y, mo, d), cn.start(), cn.end());
            }
        }
        return englishDate(line);
    }

    private static FoundDate englishDate(String line) {
        Matcher en = ENGLISH_DATE.matcher(line);
        while (en.find()) {
            boolean monthFirst = en.group(1) != null;
            int mo = MONTH_NAMES.indexOf(en.group(monthFirst ? 1 : 5).substring(0, 3).toLowerCase(java.util.Locale.ROOT)) + 1;
            int d = number(en.group(monthFirst ? 2 : 4)), y = number(en.group(monthFirst ? 3 : 6));
            if (mo < 1 || d < 1 || d > 31) continue;
            StringBuilder iso = new StringBuilder(String.format("%04d-%02d-%02d", y, mo, d));
            int end = en.end(monthFirst ? 3 : 6);
            if (en.group(7) != null) {
                int h = number(en.group(7)), mi = number(en.group(8));
                String half = en.group(10) == null ? "" : en.group(10).toLowerCase(java.util.Locale.ROOT);
                if (half.startsWith("p") && h < 12) h += 12;
                if (half.startsWith("a") && h == 12) h = 0;
                if (h <= 23 && mi <= 59) {
                    iso.append(String.format("T%02d:%02d", h, mi));
                    if (en.group(9) != null) iso.append(':').append(en.group(9));
                    end = en.end();
                }
            }
            return new FoundDate(iso.toString(), en.start(), end);
        }
        return null;
    }

    /**
     * A date shown without its year and with a time (发布时间：10-08 12:00, 6月30日 10:31), given the year from
     * elsewhere on the page; without the time such a pair is as likely a score or a ratio.
     */
    static FoundDate yearlessDate(String line, int year) {
        if (line.length() > MAX_LINE) {
            return null;
        }
        Matcher m = YEARLESS.matcher(line);
        while (m.find()) {
            int mo = number(m.group(1)), d = number(m.group(2));
            if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
                return withTime(line, String.format("%04d-%02d-%02d", year, mo, d), m.start(), m.end(2), m, 3);
            }
        }
        return null;
    }

    private static FoundDate withTime(String line, String date, int start, int dateEnd, Matcher m, int hourGroup) {
        StringBuilder iso = new StringBuilder(date);
        int end = dateEnd;
        if (m.group(hourGroup) != null) {
            int h = number(m.group(hourGroup)), mi = number(m.group(hourGroup + 1));
            if (h <= 23 && mi <= 59) {
                end = m.end(hourGroup + 1);
                String seconds = "";
                if (m.group(hourGroup + 2) != null && number(m.group(hourGroup + 2)) <= 59) {
                    seconds = String.format(":%02d", number(m.group(hourGroup + 2)));
                    end = m.end(hourGroup + 2);
                }
                Matcher half = MERIDIEM.matcher(line).region(end, line.length());
                if (h >= 1 && h <= 12 && half.lookingAt()) {
                    h = Character.toLowerCase(half.group(1).charAt(0)) == 'p' ? h % 12 + 12 : h % 12;
                    end = half.end();
                }
                iso.append(String.format("T%02d:%02d", h, mi)).append(seconds);
            }
        }
        while (end < line.length() && "日分秒".indexOf(line.charAt(end)) >= 0) end++;
        return new FoundDate(iso.toString(), start, end);
    }

    private static int chineseDigit(char c) {
        int i = "一二三四五六七八九".indexOf(c);
        return i < 0 ? 0 : i + 1;
    }

    /** 1 to 31 as written: 九, 十, 十二, 二十, 二十八, 三十一. */
    private static int chineseNumber(String text) {
        int ten = text.indexOf('十');
        if (ten < 0) {
            return chineseDigit(text.charAt(0));
        }
        int tens = ten == 0 ? 1 : chineseDigit(text.charAt(0));
        return tens * 10 + (ten == text.length() - 1 ? 0 : chineseDigit(text.charAt(ten + 1)));
    }

    /** Full-width digits are digits too: Character.digit reads both. */
    private static int number(String digits) {
        int n = 0;
        for (int i = 0; i < digits.length(); i++) {
            n = n * 10 + Character.digit(digits.charAt(i), 10);
        }
        return n;
    }

    static boolean isLabel(String text) {
        return FIELD_OF.containsKey(text);
    }

    static List<String> labelsOf(Field... fields) {
        return Arrays.stream(fields).flatMap(f -> LABELS.get(f).stream()).toList();
    }
}
