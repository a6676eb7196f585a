package dev.herald.ingest.extraction;

import dev.herald.text.ChineseText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the title among the short lines above the body. The nearest one usually wins (title, then date and
 * source, then the text), but menus and breadcrumbs sit above the body too, so a candidate also earns from sharing
 * words with the body, from being repeated on the page (sites print the title in the trail and above the text), from
 * matching the HTML head title and from metadata right under it.
 */
final class TitleLocator {

    /** The title as read, and where within its line it ends (before a "| site" tail); site is that tail or null. */
    record Title(int line, int end, String text, String site, int siteStart) {
    }

    private static final Pattern SITE_SEPARATOR = Pattern.compile("\\s+[|｜丨—-]\\s+|\\s*[|｜丨_]\\s*");
    private static final Pattern HEAD_SEPARATOR = Pattern.compile("\\s*(?:[_|｜丨]|\\s[-—–]+\\s|--|——|-(?=[^-]{2,20}$))\\s*");
    // 吉政明电〔2022〕1号, 桂卫发[2021]12号: a notice's number sits above its title
    static final Pattern DOCUMENT_NUMBER = Pattern.compile("[〔\\[［(（【]\\s*[12]\\d{3}\\s*[〕\\]］)）】]\\s*(?:第\\s*)?\\d+\\s*号");
    private static final Pattern TRAIL_MARK = Pattern.compile("[>＞»›]");
    private static final Pattern TRAIL = Pattern.compile(TRAIL_MARK.pattern() + "|当前位置|您的位置|你的位置|所在位置");
    private static final Pattern DECORATION = Pattern.compile("[》〉»›>＞▶►▸■□◆◇●○★☆◎※→][\\s\\u3000]*");
    // (or box-drawing bars, 建議我們│ 廣告刊登│ 訂報服務, or spaced slashes, udn / 即時新聞 / 地方)
    private static final Pattern MENU_BARS = Pattern.compile("[|｜丨│]|\\s/\\s");
    // a site's address printed beside its name (巴彦淖尔市政府门户网站 www.bynr.gov.cn) is the site's banner
    private static final Pattern ADDRESS = Pattern.compile("(?i)https?://|www\\.[a-z0-9-]+\\.");
    // a note in brackets, whole (（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）), is said of the text
    private static final Pattern BRACKETED_NOTE = Pattern.compile("^[（(][^（()）]+[)）]$");
    private static final Pattern NOW_READING = Pattern.compile("^\\s*(您)?(正在浏览|当前浏览|正在阅读)\\s*[:：]");
    // a credit with its label (作者： 赵婕, 译： Chen Bin) is a byline however short, never a headline
    private static final Pattern CREDIT = Pattern.compile(
            "(?:^|[\\s\\u3000\\d])(?:作者|记者|编辑|责任编辑|责编|来源|译者?|出处|出自|通讯员|摄影|发布时间|发表于)\\s*[：:]");
    private static final int LOOK_BACK = 30;
    /** How far under its headline an article's text may begin, past a video player or a gallery. */
    static final int HEADER_REACH = 40;
    private static final int ANCHORED_MIN = 8;
    private static final int HEADLINE_NAMED_MIN = 8;
    private static final int CANDIDATES = 6;
    private static final int NOTICE_LINES = 4;
    // an issuer, 关于, what it is about, and the kind of document it is
    private static final Pattern NOTICE_TITLE = Pattern.compile(
            "^[^，。；]{0,40}?关于[^，。；]{2,120}?(决议|决定|通知|意见|批复|公告|通告|办法|规定|报告|通报|函|方案|细则|条例|公示|答复|请示|纪要|命令)$");
    private static final Pattern NOTICE_STOP = Pattern.compile("[:：|｜>»]|\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]");

    private TitleLocator() {
    }

    static Title locate(PageText page, LineKind[] kinds, int bodyStart, String bodySample) {
        List<String> lines = page.lines();
        int named = namedByHead(page, kinds, bodyStart);
        // the head confirms the whole line, "| 副题" included
        if (named >= 0) return brokenNotice(page, kinds, named, bodyStart, new Title(named, lines.get(named).length(), lines.get(named), null, -1));
        Title twoLines = namedByHeadOverTwoLines(page, kinds, bodyStart);
        if (twoLines != null) return twoLines;
        // a video or a picture gallery may stand between the headline and the text, further than the look-back reaches
        int anchored = headlineOverPublicationLine(page, kinds);
        if (anchored >= 0 && anchored < bodyStart - LOOK_BACK && anchored >= bodyStart - HEADER_REACH) {
            return brokenNotice(page, kinds, anchored, bodyStart, title(lines, anchored));
        }
        Set<String> bodyBigrams = bigrams(bodySample);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = Math.max(0, bodyStart - LOOK_BACK); i < Math.min(lines.size(), bodyStart + 2000); i++) {
            if (lines.get(i).length() <= 80) counts.merge(ChineseText.normalize(lines.get(i)), 1, Integer::sum);
        }
        String headTitle = head(page);
        String head = headTitle == null ? null : ChineseText.normalize(headTitle);
        double bestScore = Double.NEGATIVE_INFINITY;
        int best = -1, rank = 0;
        int dated = abovePublicationLine(page, kinds, bodyStart);
        for (int i = bodyStart - 1; i >= Math.max(0, bodyStart - LOOK_BACK) && (rank < CANDIDATES || i >= dated); i--) {
            String line = lines.get(i);
            if (!candidate(page, kinds, i)) continue;
            String text = split(line)[0];
            // the line over the article's date line is where pages print the headline, however many share buttons,
            // counters and story links stand between the date and the text
            double score = (i == dated ? -0.8 * Math.min(rank++, 2) + 2 : -0.8 * rank++)
                    + 3 * overlap(text, bodyBigrams)
                    + (counts.getOrDefault(ChineseText.normalize(line), 0) > 1 ? 1.2 : 0)
                    + (head != null && i != page.headLine() && head.startsWith(ChineseText.normalize(text)) ? 2 : 0)
                    + (page.headingAt(i) ? 1 : 0)
                    + (i + 1 < kinds.length && (kinds[i + 1] == LineKind.METADATA || kinds[i + 1] == LineKind.SUBTITLE) ? 1 : 0)
                    + (i + 1 < kinds.length && kinds[i + 1] == LineKind.METADATA && Metadata.date(lines.get(i + 1)) != null ? 0.5 : 0)
                    - (page.linkAt(i) ? 1.5 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best < 0 ? null : brokenNotice(page, kinds, best, bodyStart, title(lines, best));
    }

    /**
     * A notice's title set centred over several lines (全国人民代表大会常务委员会 / 关于批准财政部发行特别国债购买外汇及 /
     * 调整2007年末国债余额限额的决议): the lines around the one chosen, short and unpunctuated, that together read as
     * an issuer's 关于 … of a kind of document are the title, whole. The span stays on the line chosen.
     */
    private static Title brokenNotice(PageText page, LineKind[] kinds, int best, int bodyStart, Title chosen) {
        if (chosen.site() != null || NOTICE_TITLE.matcher(chosen.text()).matches()) return chosen;
        List<String> lines = page.lines();
        int from = best, to = best;
        while (from - 1 >= 0 && best - (from - 1) < NOTICE_LINES && noticePart(page, kinds, from - 1)) from--;
        while (to + 1 < bodyStart && (to + 1) - from < NOTICE_LINES && noticePart(page, kinds, to + 1)) to++;
        String whole = null;
        for (int a = from; a <= best; a++) {
            for (int b = to; b >= best; b--) {
                if (a == b) continue;
                String joined = String.join("", lines.subList(a, b + 1)).strip();
                if (NOTICE_TITLE.matcher(joined).matches() && (whole == null || joined.length() > whole.length())) whole = joined;
            }
        }
        return whole == null ? chosen : new Title(best, chosen.end(), whole, null, -1);
    }

    private static boolean noticePart(PageText page, LineKind[] kinds, int i) {
        String line = page.lines().get(i);
        return (kinds[i] == LineKind.SHORT || kinds[i] == LineKind.PARAGRAPH) && line.length() >= 2 && line.length() <= 40
                && !page.linkAt(i) && LineClassifier.punctuation(line) == 0 && !NOTICE_STOP.matcher(line).find();
    }

    private static Title title(List<String> lines, int best) {
        String line = lines.get(best);
        String[] parts = split(line);
        if (parts[1] == null) return new Title(best, line.length(), line, null, -1);
        return new Title(best, parts[0].length(), parts[0], parts[1], line.length() - parts[1].length());
    }

    /**
     * The line the head's title opens with: sites title a page "headline_site" or "headline - channel - site", so the
     * line that is the head's first part (or, failing that, its first parts together) is the headline, wherever the
     * body was found. The nearest such line above the body wins; a page printing its head title whole is not it.
     */
    private static int namedByHead(PageText page, LineKind[] kinds, int bodyStart) {
        String head = head(page);
        if (head == null) return -1;
        List<String> lines = page.lines();
        // the longest part naming a line names most of the headline: a headline's own dash (…勇敢前行——2019学年…讲话)
        // separates the head's parts too, and the line printing its first half alone is the text's own echo of it
        List<String> leads = leads(head).reversed();
        // a dump's first line may be a menu's word that the menu repeats (新闻中心), which a headline rarely is as short
        int shortest = page.headLine() < 0 ? 4 : 6;
        for (String lead : leads) {
            if (lead.length() < shortest) continue;
            int found = -1;
            for (int i = Math.max(0, bodyStart - 3 * LOOK_BACK); i < Math.min(lines.size(), bodyStart + 3); i++) {
                if (i > bodyStart && found >= 0) break;
                if (i == page.headLine()) continue;
                // a line the head names whole is the headline even when it reads as a label (经济日报评论员：再驳…)
                boolean readable = !kinds[i].chrome() || kinds[i] == LineKind.METADATA && lead.length() >= 8;
                if (lines.get(i).length() <= 120 && readable && key(lines.get(i)).equals(lead)) found = i;
            }
            if (found >= 0) return found;
        }
        return -1;
    }

    /**
     * The page's head title or, on a copy of the text alone, what the bar saying what the reader is looking at names
     * (正在浏览：经济日报评论员：再驳“中国新能源产能过剩论”): the headline, as a head title would.
     */
    private static String head(PageText page) {
        if (page.headTitle() != null) return page.headTitle();
        for (String line : page.lines()) {
            Matcher m = NOW_READING.matcher(line);
            if (m.lookingAt() && line.length() - m.end() >= HEADLINE_NAMED_MIN) return line.substring(m.end()).strip();
        }
        return null;
    }

    /**
     * Whether a text dump's first line can be the page's head title: long enough to hold a headline, with words in it,
     * and not a trail (首页 > 新闻) or a "you are here" label.
     */
    static boolean couldBeHeadTitle(String line) {
        return line.length() >= 6 && line.length() <= 160 && line.codePoints().filter(Character::isIdeographic).count() >= 4
                && !TRAIL.matcher(line).find();
    }

    /**
     * The headline-long line just over the nearest dated metadata line above the body (2021-01-20 04:29 来源：…), with
     * chrome (举报/反馈) or an account's short name (加拿大必读) allowed between them; -1 when there is none.
     */
    private static int abovePublicationLine(PageText page, LineKind[] kinds, int bodyStart) {
        for (int j = bodyStart - 1; j > Math.max(0, bodyStart - LOOK_BACK); j--) {
            if (kinds[j] != LineKind.METADATA || Metadata.date(page.lines().get(j)) == null) continue;
            for (int i = j - 1; i >= Math.max(0, j - 3); i--) {
                boolean candidate = candidate(page, kinds, i);
                if (candidate && page.lines().get(i).length() >= ANCHORED_MIN) return deckUnder(page, kinds, i) ? i - 1 : i;
                // an empty label (作者：) or a counter may stand between too; a line of text may not
                // (nor does the site's address or name, which source lines print: http://www.huanqiu.com)
                String between = page.lines().get(i);
                if (!candidate && !kinds[i].chrome() && kinds[i] != LineKind.METADATA && between.length() > ANCHORED_MIN
                        && !ADDRESS.matcher(between).find() && !nameOrSite(between)) return -1;
            }
            return -1;
        }
        return -1;
    }

    /**
     * A deck printed between the headline and the date runs on as clauses (有分析认为柯达在寻找转机，也有观点认为，柯达只是…),
     * where a headline has one comma at most: the headline is the line over it.
     */
    private static boolean deckUnder(PageText page, LineKind[] kinds, int i) {
        return i > 0 && commas(page.lines().get(i)) >= 2 && candidate(page, kinds, i - 1) && commas(page.lines().get(i - 1)) < 2
                && page.lines().get(i - 1).length() >= ANCHORED_MIN;
    }

    private static long commas(String line) {
        return line.chars().filter(c -> c == '，' || c == ',').count();
    }

    /** What the head's title may open with: its parts before each separator, or the whole when those are tags. */
    private static List<String> leads(String head) {
        Matcher m = HEAD_SEPARATOR.matcher(head);
        List<String> leads = new ArrayList<>();
        while (m.find()) if (m.start() > 0) leads.add(key(head.substring(0, m.start())));
        // a head opening with a tag too short to be a headline (语音 | 早安武汉〔2018.3.19 周一〕) is the headline whole
        if (leads.stream().allMatch(l -> l.length() < 4)) leads.add(key(head));
        return leads;
    }

    /**
     * A headline printed as a main line and a second one under it (内蒙古延续部分到期税收优惠政策助企纾困 / 预计4年为纳税人减负
     * 180亿元), which the head's title names joined: the two lines, as a reader sees them, with a space between. The
     * nearest such pair above the body wins.
     */
    private static Title namedByHeadOverTwoLines(PageText page, LineKind[] kinds, int bodyStart) {
        String head = head(page);
        if (head == null) return null;
        List<String> lines = page.lines();
        for (String lead : leads(head)) {
            if (lead.length() < HEADLINE_NAMED_MIN) continue;
            for (int i = Math.min(lines.size() - 2, bodyStart + 1); i >= Math.max(0, bodyStart - 3 * LOOK_BACK); i--) {
                String first = lines.get(i), second = lines.get(i + 1);
                if (i == page.headLine() || i + 1 == page.headLine() || first.length() + second.length() > 120
                        || kinds[i].chrome() || kinds[i + 1].chrome() || page.linkAt(i) || page.linkAt(i + 1)
                        || key(first).length() < 4 || key(second).length() < 4) {
                    continue;
                }
                if ((key(first) + key(second)).equals(lead)) {
                    // placed on its second line, the last of the title, so nothing under it is read as a byline
                    String both = first.strip() + " " + second.strip();
                    return new Title(i + 1, second.length(), both, null, -1);
                }
            }
        }
        return null;
    }

    /**
     * The first line of the page, anywhere, that the head's title names as its headline (8 characters or more, not
     * chrome, not a link), or -1: where the article is, whichever block of prose outweighs it.
     */
    static int headlineNamedByHead(PageText page, LineKind[] kinds) {
        String head = head(page);
        if (head == null) return -1;
        List<String> lines = page.lines();
        for (String lead : leads(head)) {
            if (lead.length() < HEADLINE_NAMED_MIN) continue;
            for (int i = 0; i < lines.size(); i++) {
                if (i != page.headLine() && !kinds[i].chrome() && !page.linkAt(i) && lines.get(i).length() <= 120
                        && key(lines.get(i)).equals(lead)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * On a page whose head names no headline (a copy of the text alone, a dump without its head), the first headline
     * printed over its publication line: a candidate line of headline length with, at most two lines under it (the
     * headline printed twice, a share bar), a metadata line holding a date and more than the date (时间：2024.05.20
     * 来源：1905电影网, 2018年12月28日 19:55 新京报). A list of stories dates each of its items with the date alone, so
     * the more tells the article's own header from theirs. -1 when there is none.
     */
    static int headlineOverPublicationLine(PageText page, LineKind[] kinds) {
        List<String> lines = page.lines();
        for (int j = 1; j < lines.size(); j++) {
            if (kinds[j] != LineKind.METADATA || !datedAndMore(lines.get(j))) continue;
            for (int i = j - 1; i >= Math.max(0, j - 3); i--) {
                if (candidate(page, kinds, i) && lines.get(i).length() >= ANCHORED_MIN && !page.linkAt(i)) return i;
            }
        }
        return -1;
    }

    private static boolean datedAndMore(String line) {
        Metadata.FoundDate date = Metadata.date(line);
        if (date == null) return false;
        String rest = line.substring(0, date.start()) + line.substring(date.end());
        return rest.codePoints().filter(Character::isIdeographic).count() >= 2;
    }

    /** Three short entries or more between bars (注册 | 登入 | FAQ | 多维主页): a menu, where a headline has one tag at most. */
    private static boolean menu(String line) {
        String[] entries = MENU_BARS.split(line.strip());
        if (entries.length < 3) return false;
        for (String entry : entries) if (entry.strip().length() > 8) return false;
        return true;
    }

    /** A short line above the body that can be a headline: not chrome, a site's name, a link, a document number or a sentence. */
    private static boolean candidate(PageText page, LineKind[] kinds, int i) {
        String line = page.lines().get(i);
        // a reprint's original headline (（原标题：…）) is printed under the new one, never in its place
        // a counter (22  59) has no words to be a headline
        if (line.length() < 5 || line.length() > 80 || nameOrSite(line) || DOCUMENT_NUMBER.matcher(line).find()
                || line.codePoints().filter(Character::isLetter).count() < 3
                || BodyOpening.ORIGINAL_TITLE.matcher(line).find() || menu(line) || CREDIT.matcher(line).find()
                // a paper's credit in lenticular brackets (【世界日報╱廣州12日電】) names who sent the story, not what it is
                || Bylines.outletCredit(line) != null
                || ADDRESS.matcher(line).find() || BRACKETED_NOTE.matcher(line.strip()).matches()
                // the bar that says what the reader is looking at (正在浏览：…) repeats the headline, label and all
                || NOW_READING.matcher(line).lookingAt()
                // a trail ending on the headline (三校社会学论坛 » 学术前沿 » 社会资本、人力资本与…) is the trail, not the headline
                || TRAIL_MARK.matcher(line).results().count() >= 2
                || PageLabels.weChatAccountLine(page.lines(), i)) {
            return false;
        }
        if (kinds[i] == LineKind.SHORT) return true;
        // a headline may end with ！ or ？ and run long, which reads as prose to the classifier
        return kinds[i] == LineKind.PARAGRAPH && line.length() <= 60 && line.indexOf('。') < 0 && !line.endsWith("：") && !line.endsWith(":");
    }

    private static String key(String text) {
        return ChineseText.normalize(text.substring(decorationEnd(text))).replaceAll("[\\s\\u3000]+", "");
    }

    /** Where a headline's words begin after the mark a template sets before them (》, ▶, ■, ◆, ★): the head has no mark. */
    static int decorationEnd(String line) {
        Matcher m = DECORATION.matcher(line);
        return m.lookingAt() && m.end() < line.length() ? m.end() : 0;
    }

    /**
     * "标题 | 站点" into the title and a short site tail; the tail must be short and shorter than what stands before it,
     * or the line is a column's name before its headline (新华视界｜河北遵化：数字农机服务助力农业生产).
     */
    static String[] split(String line) {
        var m = SITE_SEPARATOR.matcher(line);
        int at = -1, after = -1;
        while (m.find()) {
            at = m.start();
            after = m.end();
        }
        if (at >= 4 && after < line.length() && line.length() - after <= 20 && line.length() - after < at) {
            return new String[]{line.substring(0, at), line.substring(after)};
        }
        return new String[]{line, null};
    }

    /** Unlabelled site names and signatures that sit between a title and its body. */
    private static boolean nameOrSite(String line) {
        return Fields.siteLike(line) && line.length() <= 16 || line.length() <= 4;
    }

    private static double overlap(String text, Set<String> bodyBigrams) {
        Set<String> own = bigrams(text);
        if (own.isEmpty()) return 0;
        int shared = 0;
        for (String b : own) if (bodyBigrams.contains(b)) shared++;
        return (double) shared / own.size();
    }

    private static Set<String> bigrams(String text) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            char a = text.charAt(i), b = text.charAt(i + 1);
            if (Character.isIdeographic(a) && Character.isIdeographic(b)) out.add(text.substring(i, i + 2));
        }
        return out;
    }
}
