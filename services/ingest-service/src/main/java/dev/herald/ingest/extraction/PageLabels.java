package dev.herald.ingest.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page's labels and bylines say, gathered line by line as the reading finds them: the first value of a field
 * wins, so the reading offers the header's lines before the ones after the text. People are collected over every
 * line and joined at the end, since a byline may credit them on several (本报实习生 …, 本报记者 …).
 */
final class PageLabels {

    private static final Pattern GIVEN_BY = Pattern.compile("^(.{2,50}?)\\s*(供稿|报送|撰稿|供图)$");
    private static final Pattern FOLLOW_BUTTON = Pattern.compile("^[+＋]?\\s*关注(TA|他|她|我们|作者)?$");
    static final Pattern WECHAT_ID = Pattern.compile("^微信号[:：\\s]+[A-Za-z0-9_-]+");
    // an account without an id prints the label alone, its card's 功能介绍 right under it
    private static final Pattern BARE_WECHAT_ID = Pattern.compile("^微信号[:：]?$");
    private static final Pattern PROFILE_INTRO = Pattern.compile("^功能介绍[\\s:：]");
    // what the writer's slot of WeChat's date line may hold besides a name: a mark before it (🌏华商君), or a prompt to
    // follow the account (读武汉关注☞), which names nobody
    private static final Pattern NOT_NAME = Pattern.compile("^[^\\p{IsHan}A-Za-z0-9]+|[^\\p{IsHan}A-Za-z0-9]+$");
    private static final Pattern PROMPT = Pattern.compile("关注|点击|阅读|订阅|[☞👉↑]");
    // a name in square brackets on the date line, with no label before it: BUSINESS.SOHU.COM 2004年7月16日08:19 [ 黄宇 ]
    private static final Pattern SQUARE_BRACKETED_NAME = Pattern.compile("(?<![:：]\\s{0,3})[\\[【]\\s*(\\p{IsHan}{2,4})\\s*[\\]】]");
    // the tabs and buttons a page prints between its title and the date line (正文 | 评论, 打印) are nobody's name
    // and nor are the links to the paper's account elsewhere (中国新闻网 [微博] 戚亚平)
    // buttons a WeChat export prints where a name might stand
    private static final Pattern BUTTON = Pattern.compile("^(阅读原文|查看原文|展开全文|点击关注|关注|分享|收藏|在看|点赞|赞赏|留言|去看看|查看更多|了解更多|立即查看|已体验)$");
    private static final Pattern TAB = Pattern.compile("正文|全文|评论|图集|视频|音频|返回|首页|打印|分享|收藏|举报|纠错|字号|大字|小字|原文|微博|博客|微信|空间|主页|私信");
    private static final Pattern PHOTOGRAPHED = Pattern.compile("[/／╱][\\s\\u3000]*(?:摄影|摄像|摄|图)$");
    // a section's name printed by the date (新聞速報, 即時新聞, 頭條新聞, 生活新聞, 国内新闻) is where the page files the story
    private static final Pattern SECTION = Pattern.compile("^(?:即时|头条|頭條|国际|國际|国内|國內|生活|社会|社會|财经|財經|体育|娱乐|娛樂|地方|政治|两岸|兩岸"
            + "|科技|健康|要闻|热点|熱點|滚动|滾動|综合|最新|本地|时事|军事|軍事|教育|文化|旅游|旅遊|汽车|汽車|房产|房產|港澳|台湾|台灣|大陆|大陸|图片|圖片"
            // an institution's own columns (学校新闻, 医院新闻, 党建新闻), as a school's, a hospital's or a unit's site heads them
            + "|学校|校园|本校|校内|学院|医院|院内|本院|科室|党建|工作|机关|基层|行业|政务|时政|民生|单位|部门|社区|视频)新闻$|^新闻速报$");
    private static final Pattern TOOL_WORDS = Pattern.compile("打印|分享|收藏|举报|纠错|字号|复制|複製|邮件|郵件|网址");
    private static final Pattern SOURCE_ALONE = Pattern.compile("[\\p{IsHan}A-Za-z0-9-]{2,12}");
    private static final Pattern COMMENT_BUTTON = Pattern.compile("我要评论|发表评论|参与评论|评论");
    private static final int SITE_LOOK_BACK = 3;
    private static final java.util.Set<String> PEOPLE_AND_SITES = java.util.Set.of("author", "editor", "contributor", "site");
    private static final Pattern STATS = Pattern.compile("^\\p{IsHan}{1,4}[：:]\\s*[\\d.]+[万wWkK]?\\s*(?:\\p{IsHan}{1,4}[：:]|$)");
    // essays, papers and many units' pages print the writers alone on the line under the headline (胡平; 赵延东、风笑天):
    // one to four names, each a common surname and one or two characters more, nothing else on the line
    private static final String PERSON = PersonNames.PERSON;
    private static final String NOT_A_NAME_END = "区县市省镇村乡局院部处所厅委会队站馆园路街校厂司网报台刊社";
    private static final Pattern NAMES_ALONE = Pattern.compile(PERSON + "(?:[、，,\\s\\u3000]+" + PERSON + "){0,3}");
    private static final Pattern MARKED_NAMES = Pattern.compile("\\p{IsHan}{2,4}(?:[、，,\\s\\u3000]+\\p{IsHan}{2,4}){0,3}");
    private static final Pattern SITE_THEN_NAME = Pattern.compile("^[\\s\\u3000]*([\\p{IsHan}A-Za-z0-9]{2,12})[\\s\\u3000]+(" + PERSON + ")[\\s\\u3000]*$");
    private static final Pattern NEWS_CENTRE = Pattern.compile("^[\\s\\u3000]*(\\p{IsHan}{2,8}新闻中心)[\\s\\u3000]*[（(]?[\\s\\u3000]*$");
    private static final Pattern SITE_THEN_NAME_AFTER = Pattern.compile("^[\\s\\u3000]*([\\p{IsHan}A-Za-z0-9]{2,12})[\\s\\u3000]+(?:\\[微博\\][\\s\\u3000]*)?("
            + PERSON + ")(?:[\\s\\u3000]+(?:我要评论|发表评论|评论)[（(]?\\d*[)）]?)?[\\s\\u3000]*$");
    private static final Pattern NAMED_HEADLINE = Pattern.compile("^(" + PERSON + ")[：:]");
    private static final Pattern WRITER_NOTE = Pattern.compile("[（(]\\s*作者[系为是][^()（）]{2,40}[)）]\\s*$");
    private static final Pattern PARTY_BRANCH = Pattern.compile("^\\p{IsHan}{2,12}(党支部|党总支|团支部)$");

    private final PageText page;
    private final List<String> lines;
    private final KnownNames registry;
    private final Map<String, ExtractedField> fields = new LinkedHashMap<>();
    private final List<ExtractedField> unitCandidates = new ArrayList<>();
    private final List<ExtractedField> authors = new ArrayList<>();
    private final List<ExtractedField> editors = new ArrayList<>();
    // an account's name is kept whole (苏皖城市报道 reads like a dateline to the byline parser) and only stands in
    // for the author when no byline names one
    private ExtractedField account;
    private ExtractedField desk;
    private ExtractedField sourceDepartment;

    PageLabels(PageText page, KnownNames registry) {
        this.page = page;
        this.lines = page.lines();
        this.registry = registry;
    }

    ExtractedField field(String name) {
        return fields.get(name);
    }

    /** Units named as the source, the contributor or in a signature, most explicit first. */
    List<ExtractedField> unitCandidates() {
        return unitCandidates;
    }

    void unitCandidate(ExtractedField unit) {
        unitCandidates.add(unit);
    }

    /** Joins the people every line credited; called once all labelled lines are read. */
    void closePeople() {
        putPeople("author", authors);
        putPeople("editor", editors);
        if (desk != null) put("author", desk.value(), desk.confidence(), desk.span());
        if (sourceDepartment != null) put("author", sourceDepartment.value(), sourceDepartment.confidence(), sourceDepartment.span());
        if (account != null) put("author", account.value(), account.confidence(), account.span());
    }

    /**
     * The account a WeChat export prints above its id in the profile card (新氧 / 微信号 soyoung111): a line naming it
     * is the account, neither the headline nor a site.
     */
    static boolean weChatAccountLine(List<String> lines, int i) {
        for (int j = i + 1; j <= i + 2 && j < lines.size(); j++) {
            if (weChatId(lines, j)) return lines.get(j - 1).strip().equals(lines.get(i).strip());
        }
        return false;
    }

    /** The id line of a WeChat profile card (微信号 soyoung111, or the label alone with 功能介绍 under it). */
    static boolean weChatId(List<String> lines, int i) {
        String line = lines.get(i);
        return WECHAT_ID.matcher(line).lookingAt()
                || BARE_WECHAT_ID.matcher(line.strip()).matches() && i + 1 < lines.size() && PROFILE_INTRO.matcher(lines.get(i + 1)).lookingAt();
    }

    /**
     * WeChat's date line prints the date, the writer when the post names one and the account (2018-04-06 🌏华商君 华商报,
     * the account again where the card's name runs on): what stands between the date and the account named above the
     * card's id is the writer.
     */
    void readWeChatWriter(LineKind[] kinds, int titleLine, int start) {
        if (fields.containsKey("author")) return;
        int id = -1;
        for (int i = Math.max(1, titleLine + 1); i < start && i < lines.size(); i++) if (weChatId(lines, i)) { id = i; break; }
        if (id < 2) return;
        String account = lines.get(id - 1).strip();
        for (int i = Math.max(0, titleLine + 1); i < id - 1; i++) {
            Metadata.FoundDate d = Metadata.date(lines.get(i));
            if (kinds[i] != LineKind.METADATA || d == null || account.isEmpty()) continue;
            String after = lines.get(i).substring(d.end()).strip();
            while (after.endsWith(account)) after = after.substring(0, after.length() - account.length()).strip();
            String name = NOT_NAME.matcher(after).replaceAll("");
            if (name.length() < 2 || name.length() > 12 || name.matches(".*\\s.*") || PROMPT.matcher(after).find()
                    || Fields.siteLike(name) || !Metadata.labels(name).isEmpty()) return;
            int at = lines.get(i).indexOf(name, d.end());
            put("author", name, 0.6, new Span(i, at, at + name.length()));
            return;
        }
    }

    /**
     * WeChat's credit line names the writer and then the account that posted the piece (原创： 迷死氧 新氧), the
     * account the profile card names again above its id: it is no second writer.
     */
    void dropWeChatAccountFromAuthor(int from, int to) {
        ExtractedField author = fields.get("author");
        if (author == null) return;
        for (int i = Math.max(1, from); i < to && i < lines.size(); i++) {
            if (!weChatId(lines, i)) continue;
            List<String> names = new ArrayList<>(List.of(author.value().split(" ")));
            if (names.size() > 1 && names.remove(lines.get(i - 1).strip())) {
                fields.put("author", new ExtractedField(String.join(" ", names), author.confidence(), author.span()));
            }
            return;
        }
    }

    /** A bracket closing a paragraph that credits someone: (记者 张三), (南宁市第一中学供稿). */
    static boolean isByline(String inner) {
        return !Metadata.labels(inner).isEmpty() && Metadata.labels(inner).get(0).start() <= 6
                || GIVEN_BY.matcher(inner.trim()).matches();
    }

    /** Labelled values in line[from, to); the first value of a field wins, header lines being read first. */
    void readLabels(int line, String text, int from, int to) {
        String part = text.substring(from, to);
        String writers = Bylines.namesBeforeRole(part.strip());
        if (writers != null) {
            int at = from + part.indexOf(writers);
            authors.add(new ExtractedField(writers, 0.7, new Span(line, at, at + writers.length())));
            return;
        }
        List<Metadata.Labelled> labels = Metadata.labels(part);
        if (labels.isEmpty()) {
            Matcher given = GIVEN_BY.matcher(part.trim());
            String names = Bylines.bracketedNames(part.strip());
            String credited = Bylines.desk(part);
            String reporters = Bylines.stationReporters(part);
            String[] outlet = Bylines.outletAndReporter(part);
            if (outlet != null) {
                int site = from + part.indexOf(outlet[0]), name = from + part.lastIndexOf(outlet[1]);
                put("site", outlet[0], 0.7, new Span(line, site, site + outlet[0].length()));
                authors.add(new ExtractedField(outlet[1], 0.7, new Span(line, name, name + outlet[1].length())));
            } else if (credited != null && desk == null) {
                int at = from + part.indexOf(credited);
                desk = new ExtractedField(credited, 0.6, new Span(line, at, at + credited.length()));
            } else if (given.matches()) {
                int s = from + part.indexOf(given.group(1));
                contributorValue(line, given.group(1), s, 0.85);
            } else if (names != null) {
                authors.add(new ExtractedField(names, 0.7, new Span(line, from + part.indexOf(names), from + part.indexOf(names) + names.length())));
            } else if (reporters != null) {
                int at = from + part.lastIndexOf(reporters);
                authors.add(new ExtractedField(reporters, 0.7, new Span(line, at, at + reporters.length())));
            } else if (!readDatedCredit(line, part, from)) {
                readDatedName(line, part, from);
            }
            return;
        }
        readSiteBeforeLabels(line, part, labels.get(0), from);
        String[] credit = Bylines.outletCredit(part);
        if (credit != null) put("site", credit[0], 0.6, new Span(line, from + part.indexOf(credit[0]), from + part.indexOf(credit[0]) + credit[0].length()));
        readNewsCentre(line, part, labels.get(0), from);
        String supplier = Metadata.suppliedBefore(part.substring(0, labels.get(0).labelStart()));
        if (supplier != null) contributorValue(line, supplier, from + part.indexOf(supplier), 0.85);
        for (Metadata.Labelled l : labels) {
            if (l.value().isEmpty()) continue;
            String v = l.field() == Metadata.Field.SOURCE ? Fields.siteName(l.value()) : l.value();
            if (v.isEmpty()) continue;
            Span span = new Span(line, from + l.start(), from + l.start() + v.length());
            switch (l.field()) {
                case SOURCE -> {
                    if (Fields.selfReference(v)) {
                        continue;
                    } else if (registry.unitFor(v) != null || Fields.unitLike(v)) {
                        // a bureau or a hospital named as the source is where the text came from, and may be the unit writing
                        unitCandidates.add(new ExtractedField(v, 0.85, span));
                        put("site", v, 0.85, span);
                    } else if (Fields.departmentLike(v)) {
                        // the department a report came from wrote it, unless a byline names the writer (来源：护理部 作者：张三)
                        if (sourceDepartment == null) sourceDepartment = new ExtractedField(v, 0.75, span);
                    } else {
                        put("site", v, 0.9, span);
                        creditedAfterSource(line, l, from, v);
                    }
                }
                case AUTHOR -> {
                    // a photographer's credit (图片记者 …摄) names no writer
                    // (or 記者陳立凱／攝影 under the picture)
                    if (v.endsWith("摄") || PHOTOGRAPHED.matcher(TraditionalForms.fold(v)).find() || part.substring(0, l.labelStart()).matches("(?s).*(图片|摄影|摄像)$")) continue;
                    // 原创：39健康网2024-04-23: the site claiming the piece as its own, dated, is no writer
                    v = Bylines.withoutNextRank(v);
                    Metadata.FoundDate dated = Metadata.date(v);
                    if (dated != null && dated.start() > 0) v = PageReader.strip(v.substring(0, dated.start()));
                    if (v.isEmpty() || Fields.siteLike(v)) continue;
                    span = new Span(line, from + l.start(), from + l.start() + v.length());
                    authors.add(new ExtractedField(v, 0.9, span));
                    if (registry.unitFor(v) != null) unitCandidates.add(new ExtractedField(v, 0.8, span));
                }
                case EDITOR -> editors.add(new ExtractedField(v, 0.9, span));
                case CONTRIBUTOR -> {
                    // a correspondent credited for the pictures (通訊員 史貝貝/圖) wrote nothing
                    if (!PHOTOGRAPHED.matcher(TraditionalForms.fold(v)).find()) contributorValue(line, v, from + l.start(), 0.9);
                }
                case UNIT -> unitCandidates.add(new ExtractedField(v, 0.95, span));
                case SUBTITLE -> put("subtitle", v, 0.9, span);
                default -> { }
            }
        }
    }

    /**
     * A department or a party branch that supplied a report (医技药剂党支部、药剂科供稿, 供稿：护理部 张三) is credited
     * with writing it, as the people after it are: hospitals and schools sign their news so. A registered unit or a
     * whole institution (南宁市第一中学) stays the contributing unit only. True when the value names departments only.
     */
    private boolean creditedDepartments(int line, String value, int at) {
        int from = 0;
        boolean all = true;
        for (String word : value.split("[\\s\\u3000、,，]+")) {
            int s = value.indexOf(word, from);
            from = s + word.length();
            if (word.isEmpty() || registry.unitFor(word) != null) continue;
            if (Fields.departmentLike(word) || PARTY_BRANCH.matcher(word).matches()) {
                authors.add(new ExtractedField(word, 0.7, new Span(line, at + s, at + s + word.length())));
            } else {
                all = false;
            }
        }
        return all && from > 0;
    }

    /**
     * Portals print the reporter bare after the source they reprint (来源：中国新闻网 王帆): one person's name there,
     * after the site's, is the writer; a button (举报) or a second site is not.
     */
    private void creditedAfterSource(int line, Metadata.Labelled l, int from, String site) {
        String rest = PageReader.strip(l.value().substring(site.length()));
        if (rest.length() < 2 || rest.length() > 3 || !Fields.personLike(rest) || TAB.matcher(rest).matches() || Fields.siteLike(rest)
                || !Bylines.names(rest).equals(List.of(rest)) || !fields.containsKey("site") || !fields.get("site").value().equals(site)) {
            return;
        }
        int at = from + l.start() + l.value().lastIndexOf(rest);
        authors.add(new ExtractedField(rest, 0.6, new Span(line, at, at + rest.length())));
    }

    /**
     * A reporter named beside the date without a label: a paper's credit (2012-01-17 中國時報 邱俐穎／台北報導), or a
     * portal's site and then its reporter (21世纪网 何漪 2011-12-15 23:46:41). True when the line named one.
     */
    private boolean readDatedCredit(int line, String part, int from) {
        int[] reporter = Bylines.datedReporter(part);
        if (reporter != null) {
            authors.add(new ExtractedField(part.substring(reporter[0], reporter[1]), 0.6, new Span(line, from + reporter[0], from + reporter[1])));
            return true;
        }
        Metadata.FoundDate d = Metadata.date(part);
        if (d == null) return false;
        // before the date, or after it as 腾讯 prints it: 2011年12月15日11:03 家电质量网 张君 我要评论(0)
        return siteThenReporter(line, SITE_THEN_NAME.matcher(part.substring(0, d.start())), from)
                || siteThenReporter(line, SITE_THEN_NAME_AFTER.matcher(part.substring(d.end())), from + d.end());
    }

    /** A site's name and then its reporter's, each read where it stands; true when the matcher found them so. */
    private boolean siteThenReporter(int line, Matcher m, int offset) {
        if (!m.matches() || !Fields.siteLike(m.group(1)) || Fields.siteLike(m.group(2)) || Fields.selfReference(m.group(1))) return false;
        put("site", m.group(1), 0.8, new Span(line, offset + m.start(1), offset + m.end(1)));
        authors.add(new ExtractedField(m.group(2), 0.6, new Span(line, offset + m.start(2), offset + m.end(2))));
        return true;
    }

    /**
     * A name beside the date under the title: portals reprinting a paper print its name after the date, content
     * platforms print the account that posted the piece before the date or after a dot. An account named like a
     * site (中国网 2019-11-25) may be either, so it is left unread.
     */
    private void readDatedName(int line, String part, int from) {
        Metadata.DatedName n = Metadata.datedName(part);
        if (n == null || Fields.selfReference(n.name())) return;
        Span span = new Span(line, from + n.start(), from + n.end());
        if (n.beforeDate() || n.dotted()) {
            if (!Fields.siteLike(n.name()) && account == null) account = new ExtractedField(n.name(), 0.6, span);
        } else {
            put("site", n.name(), 0.8, span);
        }
    }

    /**
     * A paper's name printed bare after the date and before labelled fields (2024年05月16日 17:02 新京报作者：新京报):
     * the labels that follow do not make it any less the source; only a site-like name is read, as a person's name
     * there might be a byline.
     */
    private void readSiteBeforeLabels(int line, String part, Metadata.Labelled first, int from) {
        String head = part.substring(0, first.labelStart());
        Metadata.DatedName n = Metadata.datedName(head);
        if (n == null || n.beforeDate() || n.dotted() || !Fields.siteLike(n.name()) || Fields.selfReference(n.name())) return;
        put("site", n.name(), 0.8, new Span(line, from + n.start(), from + n.end()));
    }

    /**
     * A portal's news centre credited before the sources it relayed (鉅亨網新聞中心 (來源：財匯資訊，摘自：中國經濟網)
     * 2012-01-17 13:37:02): the desk wrote it, when no reporter is named.
     */
    private void readNewsCentre(int line, String part, Metadata.Labelled first, int from) {
        String head = part.substring(0, first.labelStart());
        Matcher m = NEWS_CENTRE.matcher(TraditionalForms.fold(head));
        if (!m.matches() || desk != null) return;
        int at = from + m.start(1);
        desk = new ExtractedField(part.substring(m.start(1), m.end(1)), 0.6, new Span(line, at, at + m.end(1) - m.start(1)));
    }

    private void contributorValue(int line, String value, int at, double confidence) {
        // departments alone leave no one to split off as the contributor
        if (creditedDepartments(line, value, at)) return;
        Fields.UnitAndPeople split = Fields.unitAndPeople(value, registry);
        if (split.people() != null) put("contributor", split.people(), confidence, new Span(line, at + split.peopleStart(), at + split.peopleStart() + split.people().length()));
        if (split.unit() != null) unitCandidates.add(new ExtractedField(split.unit(), confidence, new Span(line, at + split.unitStart(), at + split.unitEnd())));
    }

    /**
     * Accounts and reporters printed bare between the title and the date line (加拿大必读 / 发布时间：…, 石佳/中国青年报
     * / 2019-09-24 09:10): a short line of no sentence that is no site's name is who wrote it.
     */
    void readUnlabelledByline(LineKind[] kinds, int titleLine, int start) {
        if (titleLine < 0 || fields.containsKey("author") || titleLine + 2 >= lines.size()) return;
        int i = titleLine + 1;
        String line = lines.get(i);
        String next = lines.get(i + 1);
        boolean dateNext = kinds[i + 1] == LineKind.METADATA
                && (Metadata.date(next) != null || Metadata.labels(next).stream().anyMatch(l -> l.field() == Metadata.Field.DATE));
        if (i >= start || kinds[i] != LineKind.SHORT || !dateNext || line.length() > 20) return;
        // a paper's credit in brackets names the paper and perhaps its reporter, never itself a writer
        String[] credit = Bylines.outletCredit(line);
        if (credit != null) {
            put("site", credit[0], 0.6, new Span(i, line.indexOf(credit[0]), line.indexOf(credit[0]) + credit[0].length()));
            if (credit[1] != null) put("author", credit[1], 0.6, new Span(i, line.lastIndexOf(credit[1]), line.lastIndexOf(credit[1]) + credit[1].length()));
            return;
        }
        if (LineClassifier.punctuation(line) > 0) return;
        // a tool bar (複製網址 大 中 小 電子郵件 打印) is several words, one of them a button
        if (TOOL_WORDS.matcher(TraditionalForms.fold(line)).find() || line.strip().split("[\\s\\u3000]+").length >= 3) return;
        // nor is a deck of two phrases (保持30~45公分距離 控制使用時間): names set apart by a space are short
        String[] words = line.strip().split("[\\s\\u3000]+");
        if (words.length == 2 && Math.max(words[0].length(), words[1].length()) > 4) return;
        String[] parts = line.split("\\s*[/／]\\s*");
        // a name glued to a date (39健康网2024-04-23) is the page's own header
        if (parts.length > 2 || Fields.siteLike(parts[0]) || parts[0].length() < 2 || TAB.matcher(parts[0]).matches()
                || BUTTON.matcher(parts[0]).matches() || Metadata.date(line) != null) return;
        // a link of two or three characters with no surname to open them is a topic's tag over the date (算力, linked to
        // the site's page on it), not a writer; a writer's name alone may be rarer than the surnames known (石佳)
        if (page.linkAt(i) && parts[0].length() <= 3 && parts[0].matches("\\p{IsHan}+") && !parts[0].matches(PERSON)) return;
        put("author", parts[0], 0.5, new Span(i, 0, parts[0].length()));
        if (parts.length == 2 && Fields.siteLike(parts[1])) put("site", parts[1], 0.5, new Span(i, line.length() - parts[1].length(), line.length()));
    }

    /**
     * Writers' names alone on the line under the headline, before the text (a subtitle may come between them and the
     * text): 胡平 under 犬儒病(上), 赵延东、风笑天 under a paper's title. The headline printed twice is looked past.
     */
    void readNamesUnderHeadline(LineKind[] kinds, int titleLine, int start) {
        if (titleLine < 0 || fields.containsKey("author")) return;
        int i = titleLine + 1;
        if (i < start && lines.get(i).equals(lines.get(titleLine))) i++;
        if (i >= start || kinds[i] != LineKind.SHORT) return;
        String line = lines.get(i).strip();
        if (line.length() > 20 || !NAMES_ALONE.matcher(line).matches() || Fields.siteLike(line) || TAB.matcher(line).find()) return;
        List<String> names = Bylines.names(line);
        // a place or a body under the headline (高新区, 安监局, 文化馆) starts like a name and ends like no name
        if (names.isEmpty() || names.stream().anyMatch(n -> NOT_A_NAME_END.indexOf(n.charAt(n.length() - 1)) >= 0)) return;
        put("author", Bylines.join(names), 0.5, new Span(i, 0, lines.get(i).length()));
    }

    /**
     * The writer the template marks (class="author"), where no byline names one: a name or names alone, printed in the
     * article's header, between the headline and the text. A marked text elsewhere on the page is some other piece's.
     */
    void readMarkedWriter(int titleLine, int start) {
        if (titleLine < 0 || fields.containsKey("author")) return;
        for (String marked : page.markedWriters()) {
            // the markup vouches for a name, so a rare surname (帅鹏坤) counts here as it does not under a bare headline
            if (!MARKED_NAMES.matcher(marked).matches() || Fields.siteLike(marked)) continue;
            List<String> names = Bylines.names(marked);
            if (names.isEmpty() || names.stream().anyMatch(n -> !Fields.personLike(n) || NOT_A_NAME_END.indexOf(n.charAt(n.length() - 1)) >= 0)) continue;
            for (int i = titleLine + 1; i < start && i < lines.size(); i++) {
                int at = lines.get(i).indexOf(marked);
                if (at >= 0) {
                    put("author", Bylines.join(names), 0.5, new Span(i, at, at + marked.length()));
                    return;
                }
            }
        }
    }

    /**
     * An opinion piece names its writer before the headline's colon (李晓亮：是谁需要一个“人造”的韩寒？) and says who the
     * writer is under its last words (（作者系媒体评论员）): with that note, the name is the author. Without it the name
     * is as likely someone quoted (李克强：培育长期稳定健康发展的资本市场).
     */
    void readOpinionWriter(int titleLine, String lastParagraph) {
        if (titleLine < 0 || fields.containsKey("author") || lastParagraph == null || !WRITER_NOTE.matcher(lastParagraph).find()) return;
        Matcher m = NAMED_HEADLINE.matcher(lines.get(titleLine));
        if (m.find() && NOT_A_NAME_END.indexOf(m.group(1).charAt(m.group(1).length() - 1)) < 0) {
            put("author", m.group(1), 0.5, new Span(titleLine, m.start(1), m.end(1)));
        }
    }

    /**
     * Portals of the 2000s print the reporter bare in square brackets on the date line, beside the labelled source
     * ({@code 2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]}): a person's name there, with no label of its own, is
     * the author.
     */
    void readBracketedName(int line, String text) {
        if (fields.containsKey("author") || !authors.isEmpty() || Metadata.date(text) == null) return;
        Matcher m = SQUARE_BRACKETED_NAME.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            // a credit word (【整理】, [编辑]) or a placeholder in brackets names nobody
            // nor is a label in brackets (【来源】南宁日报)
            if (Fields.personLike(name) && !Fields.siteLike(name) && Metadata.labels(name).isEmpty() && !Metadata.isLabel(name)
                    && !TAB.matcher(name).find()
                    && Bylines.names(name).equals(List.of(name))) {
                put("author", name, 0.5, new Span(line, m.start(1), m.end(1)));
                return;
            }
        }
    }

    /** A WeChat article names its account right above the account's id (爱否科技 / 微信号 FViewXFG): it is the author. */
    void readWeChatAccount(LineKind[] kinds, int titleLine, int start) {
        if (fields.containsKey("author")) return;
        for (int i = Math.max(1, titleLine + 1); i < start; i++) {
            if (!weChatId(lines, i)) continue;
            String name = lines.get(i - 1);
            if (i - 1 != titleLine && kinds[i - 1] == LineKind.SHORT && name.length() <= 20 && !name.matches(".*\\s.*")
                    && !BUTTON.matcher(name).matches()) {
                put("author", name, 0.6, new Span(i - 1, 0, name.length()));
            }
            return;
        }
    }

    /**
     * Platforms (澎湃号, 网易号, 百家号, 头条号) print the account that posted the piece above a follow button, between the
     * title and the text: the account is the author when no byline names one.
     */
    void readFollowedAccount(LineKind[] kinds, int titleLine, int start) {
        if (fields.containsKey("author") || titleLine < 0) return;
        for (int i = titleLine + 1; i + 1 < start && i + 1 < lines.size(); i++) {
            if (!FOLLOW_BUTTON.matcher(lines.get(i + 1)).matches()) continue;
            // the account's counts may stand between its name and the button (魑皇 / 粉丝：23文章：11 / 关注)
            if (i - 1 > titleLine && STATS.matcher(lines.get(i)).find()) i--;
            String name = lines.get(i);
            if (kinds[i] == LineKind.SHORT && name.length() >= 2 && name.length() <= 20 && !name.matches(".*\\s.*")
                    && !Fields.siteLike(name) && Metadata.labels(name).isEmpty() && Metadata.date(name) == null) {
                put("author", name, 0.5, new Span(i, 0, name.length()));
            }
            return;
        }
    }

    /** Sites print their name alone near the date (2020-04-02 / 新时代党建教育信息网). */
    void readUnlabelledSite(LineKind[] kinds, int titleLine, int start) {
        for (int i = Math.max(0, titleLine - SITE_LOOK_BACK); i < start && !fields.containsKey("site"); i++) {
            String line = lines.get(i);
            if (i != titleLine && kinds[i] == LineKind.SHORT && line.length() <= 20 && siteNameAlone(line) && !weChatAccountLine(lines, i)) {
                // (a portal's excerpt names the paper it is taken from: 摘自京华时报)
                int from = Fields.takenFromEnd(line);
                put("site", line.substring(from), 0.7, new Span(i, from, line.length()));
            }
        }
        // or between the date and the comment button, where a portal prints its source whatever it is named (2011-12-09
        // 20:30 / 财政部 / 我要评论)
        for (int i = Math.max(1, titleLine + 1); i + 1 < start && !fields.containsKey("site"); i++) {
            String line = lines.get(i).strip();
            Metadata.FoundDate d = Metadata.date(lines.get(i - 1).strip());
            if (kinds[i] == LineKind.SHORT && SOURCE_ALONE.matcher(line).matches() && COMMENT_BUTTON.matcher(lines.get(i + 1).strip()).matches()
                    && d != null && d.start() == 0 && d.end() == lines.get(i - 1).strip().length() && !Fields.selfReference(line)) {
                put("site", line, 0.6, new Span(i, lines.get(i).indexOf(line), lines.get(i).indexOf(line) + line.length()));
            }
        }
        // a text dump often opens with the site's banner name, far above the title
        for (int i = 0; i < Math.min(2, start) && !fields.containsKey("site"); i++) {
            String line = lines.get(i);
            if (i != titleLine && kinds[i] == LineKind.SHORT && line.length() <= 20 && siteNameAlone(line) && !weChatAccountLine(lines, i)) {
                put("site", line, 0.6, new Span(i, 0, line.length()));
            }
        }
        // the site meta and the <title>'s suffix name the site the page is on, which is no source: a page of the site's
        // own prints no 来源, and a reprint names its source in one
    }

    /**
     * A site's name on a line of its own; menu entries (新闻, 报社新闻 频道), buttons (下载APP) and the address of the
     * page's own site in its banner (https://www.gov.cn/) are none.
     */
    private static boolean siteNameAlone(String line) {
        return line.length() >= 3 && !line.startsWith("下载") && !line.matches(".*\\s.*") && !line.contains("://")
                && !line.regionMatches(true, 0, "www.", 0, 4) && Fields.siteLike(line) && !SECTION.matcher(TraditionalForms.fold(line)).matches();
    }

    /** The names of every labelled value, once each; the span is the first value's, narrowed to its names when it can be. */
    private void putPeople(String field, List<ExtractedField> values) {
        List<String> names = new ArrayList<>();
        for (ExtractedField v : values) {
            for (String n : Bylines.names(v.value())) if (!names.contains(n)) names.add(n);
        }
        if (names.isEmpty()) return;
        String joined = String.join(" ", names);
        ExtractedField first = values.get(0);
        Span span = first.span();
        int at = span == null ? -1 : first.value().indexOf(joined);
        if (at >= 0) span = new Span(span.line(), span.start() + at, span.start() + at + joined.length());
        put(field, joined, first.confidence(), span);
    }

    void put(String field, String value, double confidence, Span span) {
        if (value == null || value.isBlank()) return;
        // an empty slot of a template (来源： size="20") or a counter (粉丝：23) is no name of a person or a site
        if (PEOPLE_AND_SITES.contains(field) && (Bylines.MARKUP.matcher(value).find() || STATS.matcher(value).find())) return;
        // nor is a button the template printed where a name may stand (纠错, 打印)
        if (PEOPLE_AND_SITES.contains(field) && (TAB.matcher(value.strip()).matches() || BUTTON.matcher(value.strip()).matches())) return;
        fields.putIfAbsent(field, new ExtractedField(value, confidence, span));
    }
}
