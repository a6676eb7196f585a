package dev.herald.ingest.extraction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The people a byline or an editor line credits, as names. Papers and stations write a reporter with their employer,
 * rank and dateline around the name ({@code □本报记者 张三}, {@code 央视记者 张三 北京报道},
 * {@code 新华网黑龙江频道 记者 伊琳 李清芬}, {@code 记者陈智 整合}); portals append their editors' staff codes
 * ({@code 杜硕_NB12556}); content systems print placeholders ({@code 未知}, {@code 系统管理员}) where nobody signed.
 */
final class Bylines {

    // what may stand before a reporter's label: the employer and rank, no clause; a print edition's page credits the
    // text before the role (本版文/记者…)
    private static final Pattern PREFIX = Pattern.compile("^[□■◇◆●○▲△★☆【\\[（(]?[\\p{IsHan}A-Za-z0-9 \\u3000·-]{0,16}?"
            + "(?:本报|本台|本刊|本网|总台)?(?:特约|见习|实习|首席|驻[\\p{IsHan}]{1,4})?(?:(?:文|撰文|采写|文字)[/／])?\\s*$");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000、，,；;/／|｜&＆]+");
    private static final Pattern STAFF_CODE = Pattern.compile("[_＿][A-Za-z0-9]*$|(?<=\\p{IsHan})[A-Z]{1,4}\\d{2,}$");
    private static final Pattern ROLE = Pattern.compile("^\\p{IsHan}{0,6}?(?:本报|本台|本刊|本网|总台)?(?:特约|见习|实习|首席)?(?:记者|评论员|通讯员|实习生|作者|撰稿人?|责任编辑|编辑|责编)");
    // (and a column's name after the role: 記者調查, 记者手记, 记者观察, 记者直击)
    private static final Pattern DROPPED = Pattern.compile("^(?:摄|摄影|图|文|报道|整理|整合|编译|综合|制图|供稿|调查|調查|手记|手記|观察|觀察|直击|直擊|探访|探訪"
            + "|\\p{IsHan}{0,8}供图|发自\\p{IsHan}{1,6}|\\p{IsHan}{1,6}报[道导]"
            + "|\\p{IsHan}{1,6}\\d{0,2}月?\\d{0,2}日?电|等|[\\d:：.\\-/年月日]+)$");
    // a writer's title after the name (方敏教授) or an affiliation ending in one (北京大学经济学院教授): the name is kept
    // when it stands apart, and an affiliation glued to a name cannot be cut at the right place, so it names nobody
    private static final String TITLES = "(?:副?教授|副?研究员|博士生?|副?主任|副?院长|书记|副?校长|讲师|(?:主治|主任)?医师|护士长|老师|副?部长|副?所长|副?局长|副?处长)";
    private static final Pattern NAME_AND_TITLE = Pattern.compile("^(\\p{IsHan}{2,3})" + TITLES + "$");
    private static final Pattern AFFILIATION = Pattern.compile("^\\p{IsHan}{4,}" + TITLES + "$");
    // the title glued before the name, closing a list of the writer's posts: …研究部部长，研究员徐占忱
    private static final Pattern TITLE_AND_NAME = Pattern.compile("^" + TITLES + "(\\p{IsHan}{2,3})$");
    private static final Pattern NAME_AND_DATELINE = Pattern.compile("^(\\p{IsHan}{2,3})\\p{IsHan}{2,4}\\d{1,2}日[电讯]$");
    private static final Pattern NAME_AND_PLACE = Pattern.compile("^(\\p{IsHan}{2,3})\\p{IsHan}{2,3}报[导道]$");
    private static final Pattern QUOTES = Pattern.compile("[“”\"‘’「」]");
    private static final Pattern CLOSING = Pattern.compile("[)）】\\]]");
    private static final Pattern SINGLE_HAN = Pattern.compile("^\\p{IsHan}$");
    private static final Pattern ROLE_AND_ONE = Pattern.compile("^(?:特约|见习|实习|首席)?(?:记者|通讯员|实习生)\\p{IsHan}$");
    private static final Pattern LONE_STAFF_CODE = Pattern.compile("^[A-Za-z]{1,4}\\d{2,}$");
    private static final Pattern CLOSING_ROLE = Pattern.compile("^(\\p{IsHan}{2,4})(编译|整理|编写)$");
    // a paragraph or a line closed by the reporters' names alone: （常书香 马丹阳）, （姚峰 上海报道）
    // (Taiwan's papers put the place after a slash: （王煌忠／台中報導）, or 報導 right after the name: （陳奕華報導）)
    // (or the writer's part after the name: (李艳 撰稿))
    // (the employer before the names may be a longer name: （中国台湾网 王怡然）)
    private static final Pattern BRACKETED_NAMES = Pattern.compile("^[（(]\\s*(\\p{IsHan}{2,8}?(?:[\\s\\u3000、]+\\p{IsHan}{2,4}){0,4}?)"
            + "(?:[\\s\\u3000]+\\p{IsHan}{0,6}报道|[\\s\\u3000]*[／/╱]\\p{IsHan}{0,6}(?:报道|报导)|报导|报道|[\\s\\u3000]*[\\s\\u3000／/](?:撰稿|整理|编译))?\\s*[)）]$");
    // the same without brackets on a line of their own, as a paper's header lists its reporter: 石文南／台北報導 (or its
    // reporters: 鐘武達、陳世宗／綜合報導)
    private static final Pattern SLASHED_REPORTER = Pattern.compile("^(\\p{IsHan}{2,4}(?:、\\p{IsHan}{2,4}){0,3})[／/╱]\\p{IsHan}{1,6}?(?:报导|报道)$");
    // the writer named before the role, as papers credit a feature's text and pictures: 张三/文 李四/图
    private static final Pattern NAME_THEN_ROLE = Pattern.compile("^(\\p{IsHan}{2,4}(?:[\\s\\u3000、]+\\p{IsHan}{2,4}){0,2}?)[\\s\\u3000]*[/／][\\s\\u3000]*(?:文|文字|撰文|图文)"
            + "(?:[\\s\\u3000]+\\p{IsHan}{2,4}[\\s\\u3000]*[/／][\\s\\u3000]*(?:图|摄|摄影))?$");
    // what is left of 南都见习记者 once the label 记者 is read off it
    private static final Pattern RANK = Pattern.compile("^\\p{IsHan}{0,6}(特约|见习|实习|首席|本报|本台|本刊|本网|总台|专栏|签约|驻站)$");
    private static final Pattern NAMES_THEN_GLUED_ROLE = Pattern.compile("^(\\p{IsHan}{2,3}(?:[\\s\\u3000、]+\\p{IsHan}{2,3}){0,2})(?:文[/／]图|图[/／]文|图文)$");
    // a newsroom's desk credited with a report it compiled, as Taiwan's papers and stations sign them: 社會中心／綜合報導,
    // 〔即時新聞／綜合報導〕; the desk is who wrote it when no reporter is named
    private static final Pattern DESK = Pattern.compile("^[〔\\[（(]?(\\p{IsHan}{2,6}(?:中心|新闻|组|組|部|室))[／/](?:综合|即时)?\\p{IsHan}{0,4}?(?:报导|报道)[〕\\]）)]?$");
    private static final Pattern REPORTING = Pattern.compile("报[导道]$");
    private static final Pattern DESCRIPTION = Pattern.compile("(?<=\\S)[（(][^()（）]*[，,、][^()（）]*[)）]");
    private static final Pattern REPORTED = Pattern.compile("报[导道]|撰稿|整理|编译");
    private static final Pattern LENTICULAR = Pattern.compile("^[【〔].*[】〕]$");
    // (or bare, as the paper's list under the headline prints it: 2012-01-17 / 新聞速報 / 中廣新聞／陳奕華)
    private static final Pattern OUTLET_AND_REPORTER = Pattern.compile("^([【〔]?)\\s*(\\p{IsHan}{2,8})\\s*[／/╱]\\s*(\\p{IsHan}{2,4})\\s*([】〕]?)$");
    // a paper's credit in lenticular brackets opens with the paper, whatever else it says: 【聯合報╱記者高詩琴／台北報導】,
    // 【聯合晚報╱記者張博亭／整理】, 【世界日報╱廣州12日電】 (a dateline, no one named), 【華視新聞╱報導】
    private static final Pattern OUTLET_CREDIT = Pattern.compile("^[【〔]\\s*(\\p{IsHan}{2,8})\\s*[／/╱]\\s*([^【】〔〕]{1,30}?)\\s*[】〕]$");
    private static final Pattern STATION_CREDIT = Pattern.compile("^\\p{IsHan}{2,14}?(?:电台|电视台|电视|广播|卫视)(?:记者)?"
            + "(\\p{IsHan}{2,3}(?:[、，,\\s\\u3000]+\\p{IsHan}{2,3}){0,3})(?:采访)?(?:报导|报道)?$");
    // a print edition runs its credits together, roles and all (李莎莎黎史翔王进雨程磊实习生吉喆高小娟, 彭晗侯婷婷摄影吕甲);
    // the names after a photographer's role took the pictures
    private static final Pattern INNER_ROLE = Pattern.compile("(?:见习|实习|特约|首席)?(?:记者|通讯员)|实习生|(摄影|摄像)");
    private static final Pattern LEADING_ROLE = Pattern.compile("^(?:本报|本台|本刊|本网)?(?:特约|见习|实习|首席)?(?:记者|通讯员|实习生)");
    private static final Pattern SURNAMED = Pattern.compile(PersonNames.PERSON);
    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}+");
    // what a paper's date line prints for its reporter beside the date: 邱俐穎／台北報導, 上報快訊／范姜佳鈺, 蔡崇梧 報導
    private static final Pattern DATED_REPORTER = Pattern.compile("(?<!\\p{IsHan})(?:(\\p{IsHan}{2,4})[／/╱]\\p{IsHan}{0,6}?(?:报导|报道)"
            + "|\\p{IsHan}{2,6}(?:快讯|新闻|中心)[／/╱](\\p{IsHan}{2,4})|(\\p{IsHan}{2,4})[\\s\\u3000]+(?:报导|报道))(?!\\p{IsHan})");
    // Sina links each paper and person it names to their microblog: 成都商报(微博)记者 余文龙, 作者：Steed(微博)
    private static final Pattern MICROBLOG_MARK = Pattern.compile("[(（]微博[)）]");
    // (a CMS's generic accounts too: 责任编辑：news)
    private static final Set<String> NOBODY = Set.of("未知", "佚名", "匿名", "admin", "Admin", "administrator", "news", "editor", "system",
            "webmaster", "管理员", "系统管理员", "网络整理", "网络",
            "本站", "本网", "小编", "无", "不详",
            // a link to the writer's page (其他记者信息, 作者简介) names nobody
            "信息", "简介", "介绍", "专栏", "文集", "主页", "档案");

    // a blog's or forum's counters and buttons after the writer's name (作者:zboygirl 阅读(1660) 评论(5) 编辑, 粉丝：23): the
    // credit has ended where they begin
    private static final Pattern COUNTER = Pattern.compile("[\\p{IsHan}A-Za-z]{1,4}\\s*(?:[（(]\\s*\\d+\\s*[)）]|[：:]\\s*\\d)");
    private static final Set<String> BUTTONS = Set.of("阅读", "评论", "浏览", "点击", "收藏", "分享", "打印", "关注", "举报", "回复", "引用", "点赞");
    // what a template leaves in a byline's slot when its field is empty (作者： size="20"): markup, not a name
    static final Pattern MARKUP = Pattern.compile("[=<>{}\"]|&[a-z]+;|^\\$\\{");

    private Bylines() {
    }

    /** The writers a credit names before its role (张三/文 李四/图 gives 张三), or null when it is no such credit. */
    static String namesBeforeRole(String line) {
        var m = NAME_THEN_ROLE.matcher(line);
        // (or with the text-and-pictures role glued to the last name: 彭瑜 賀懷湘文/圖)
        if (!m.matches()) m = NAMES_THEN_GLUED_ROLE.matcher(TraditionalForms.fold(line));
        if (!m.matches() || !Fields.personLike(m.group(1).split("[\\s\\u3000、]+")[0])) return null;
        return line.substring(m.start(1), m.end(1)); // as printed: the glued form matched the folded view
    }

    /**
     * Whether what a pair of brackets holds is a reporter's credit ending on 報導 (林媛玲╱新北報導, 台灣新生報／記者蘇湘雲／
     * 台北報導): labelled, or names then the place; a column's tag in the same brackets (全国两会) is none.
     */
    static boolean reportingCredit(String inner) {
        return REPORTING.matcher(TraditionalForms.fold(inner)).find()
                && (!Metadata.labels(inner).isEmpty() || bracketedNames("（" + inner + "）") != null);
    }

    /**
     * The reporters a station signs its report with after the text (希望之聲國際廣播電台張翠報導, 新唐人亞太電視黃定國、林秋霞):
     * the names after the station's, or null.
     */
    static String stationReporters(String line) {
        var m = STATION_CREDIT.matcher(TraditionalForms.fold(line.strip()));
        if (!m.matches()) return null;
        int at = line.indexOf(line.strip()) + m.start(1);
        String names = line.substring(at, at + m.group(1).length());
        // a station's own name runs on into its business (中國廣播公司): the names after it are surnamed
        return SEPARATORS.splitAsStream(names).allMatch(n -> SURNAMED.matcher(n).matches() && !Fields.siteLike(n)) ? names : null;
    }

    /** Where a dated line names its reporter (2012-01-17 中國時報 邱俐穎／台北報導 gives 邱俐穎), as a span, or null. */
    static int[] datedReporter(String line) {
        if (Metadata.date(line) == null) return null;
        var m = DATED_REPORTER.matcher(TraditionalForms.fold(line));
        while (m.find()) {
            int g = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3;
            String name = line.substring(m.start(g), m.end(g));
            if (Fields.personLike(name) && !Fields.siteLike(name) && Metadata.labels(name).isEmpty()) return new int[]{m.start(g), m.end(g)};
        }
        return null;
    }

    /** The desk a compiled report is credited to (社會中心／綜合報導 gives 社會中心), or null. */
    static String desk(String text) {
        var m = DESK.matcher(TraditionalForms.fold(text.strip()));
        if (!m.matches()) return null;
        int at = text.indexOf(text.strip()) + m.start(1);
        return text.substring(at, at + m.group(1).length());
    }

    /**
     * A reporter's value without the rank of the credit after it (记者 张三 本报通讯员 李四 gives 张三 本报 for 记者): the
     * rank belongs to the next credit, and 本报 left at the end would read as a paper's name.
     */
    static String withoutNextRank(String value) {
        int space = Math.max(value.lastIndexOf(' '), value.lastIndexOf('\u3000'));
        return space > 0 && RANK.matcher(TraditionalForms.fold(value.substring(space + 1))).matches() ? PageReader.strip(value.substring(0, space)) : value;
    }

    /** Text before a reporter's label that names an employer, not the start of a sentence. */
    static boolean employerPrefix(String before) {
        String employer = withoutMicroblogMarks(before);
        return employer.length() <= 18 && PREFIX.matcher(employer).matches();
    }

    static String withoutMicroblogMarks(String text) {
        return MICROBLOG_MARK.matcher(text).replaceAll("");
    }

    /** Whether the characters from {@code from} on are names a print edition ran together (彭晗侯婷婷摄影吕甲). */
    static boolean runTogetherAt(String line, int from) {
        var run = HAN_RUN.matcher(line).region(from, line.length());
        return run.lookingAt() && !runTogether(run.group()).isEmpty();
    }

    /**
     * The writers in credits a print edition ran together (李莎莎黎史翔王进雨程磊实习生吉喆高小娟 gives six names; 彭晗侯婷婷
     * 摄影吕甲 gives 彭晗, 侯婷婷): two or more, each a name or a run that cuts one way only into names, up to a
     * photographer's role. Empty for anything else.
     */
    static List<String> runTogether(String token) {
        List<String> out = new ArrayList<>();
        var role = INNER_ROLE.matcher(token);
        int from = 0;
        boolean more = true;
        while (more) {
            more = role.find();
            String part = token.substring(from, more ? role.start() : token.length());
            if (part.length() >= 4) {
                List<String> names = PersonNames.unglued(part);
                if (names.isEmpty()) return List.of();
                out.addAll(names);
            } else if (SURNAMED.matcher(part).matches() && !Fields.siteLike(part)) {
                out.add(part);
            } else if (!part.isEmpty()) {
                return List.of();
            }
            if (more && role.group(1) != null) break;
            if (more) from = role.end();
        }
        return out.size() >= 2 ? out : List.of();
    }

    /** The names a labelled value holds, in order and once each, or null when it names nobody. */
    static List<String> names(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        value = withoutMicroblogMarks(value);
        // a credit in brackets ends with them, whatever button the page glued after: （编辑：小何）返回搜狐，查看更多
        var close = CLOSING.matcher(value);
        if (close.find() && close.start() > 0 && !value.substring(close.end()).isBlank()) value = value.substring(0, close.start());
        var counter = COUNTER.matcher(value);
        if (counter.find()) value = value.substring(0, counter.start());
        // a writer's description in brackets after the name (Steed(专业级业余天文爱好者，果壳网频道主编…)) is no name; a
        // publication's book-title brackets (《财经》综合报道) are no part of a word
        String described = DESCRIPTION.matcher(value).replaceAll(" ");
        String v = PageReader.strip(described.replaceAll("[()（）【】\\[\\]《》]", " "));
        for (String token : joinSpacedNames(SEPARATORS.split(v))) {
            // a role the reader does not know as a label, with its colon (编审：李四), opens another credit
            int colon = Math.max(token.indexOf('：'), token.indexOf(':'));
            if (colon > 0) {
                // a name set spaced out and glued to its affiliation (作者: 赵 培：北京物资学院) ends here whole
                String before = token.substring(0, colon);
                int last = out.size() - 1;
                if (last >= 0 && SINGLE_HAN.matcher(out.get(last)).matches() && SINGLE_HAN.matcher(before).matches()) {
                    out.set(last, out.get(last) + before);
                }
                break;
            }
            if (MARKUP.matcher(token).find() || BUTTONS.contains(token)) break;
            // words in quotes are a headline's (经济日报评论员：再驳“中国新能源产能过剩论”) or a post's (“一带一路”研究部部长),
            // never a name
            if (token.indexOf('“') >= 0 || token.indexOf('”') >= 0 || token.indexOf('「') >= 0 || token.indexOf('」') >= 0) continue;
            // a signature's ornaments (︻$▅▆▇◤) name nobody
            if (token.codePoints().noneMatch(Character::isLetterOrDigit)) continue;
            // a name with its role glued on (路闻卓立编译) closes the credit: what follows is the account that posted it
            var closing = CLOSING_ROLE.matcher(token);
            if (closing.matches()) {
                String name = closing.group(1);
                if (!NOBODY.contains(name) && !Fields.siteLike(name) && !out.contains(name)) out.add(name);
                break;
            }
            String foldedToken = TraditionalForms.fold(token);
            var leading = LEADING_ROLE.matcher(foldedToken);
            List<String> together = runTogether(leading.find() ? token.substring(leading.end()) : token);
            if (!together.isEmpty()) {
                for (String name : together) if (!out.contains(name)) out.add(name);
                continue;
            }
            // roles and ranks are read in simplified forms (記者 as 记者); the name is kept as printed
            var role = ROLE.matcher(foldedToken);
            String t = STAFF_CODE.matcher(role.find() ? token.substring(role.end()) : token).replaceFirst("");
            // a staff code after a name is the editor's handle in the content system; alone, it is all the page gives
            if (!out.isEmpty() && LONE_STAFF_CODE.matcher(t).matches()) continue;
            // a unit after a person's name is where they work or the account that posted the piece
            // (原创 张三 南宁市中医医院 2020-04-02): the credit ends with the people
            if (!out.isEmpty() && Fields.personLike(out.get(out.size() - 1)) && Fields.unitLike(t)) break;
            // an agency's dateline glued after the name (溫貴香台北21日電), or the place reported from (李宛儒台北報導): the
            // name is the longest that leaves a place
            var dated = NAME_AND_DATELINE.matcher(TraditionalForms.fold(t));
            // (a place after a name and a slash stands alone: 陳嘉寧／桃園機場報導)
            var placed = NAME_AND_PLACE.matcher(TraditionalForms.fold(t));
            if (dated.matches()) t = t.substring(0, dated.end(1));
            else if (out.isEmpty() && placed.matches()) t = t.substring(0, placed.end(1));
            var titled = NAME_AND_TITLE.matcher(t);
            var named = TITLE_AND_NAME.matcher(t);
            if (titled.matches()) t = titled.group(1);
            else if (named.matches()) t = named.group(1);
            else if (AFFILIATION.matcher(QUOTES.matcher(t).replaceAll("")).matches()) continue;
            String folded = TraditionalForms.fold(t);
            if (t.isEmpty() || DROPPED.matcher(folded).matches() || NOBODY.contains(t) || RANK.matcher(folded).matches() || Fields.siteLike(t)) continue;
            if (!out.contains(t)) out.add(t);
        }
        // one character alone is what is left of a name cut apart, never a whole one
        out.removeIf(name -> SINGLE_HAN.matcher(name).matches());
        return out;
    }

    /**
     * The names a bracket holds when it holds nothing else but their employer, or null; a site alone (（中新网）), a
     * place's report without a name or a remark (（完）) is no byline.
     */
    static String bracketedNames(String text) {
        var m = BRACKETED_NAMES.matcher(TraditionalForms.fold(text));
        if (!m.matches()) m = SLASHED_REPORTER.matcher(TraditionalForms.fold(text));
        // or in black lenticular brackets on a line of their own: 【陳俊雄／新北市報導】
        if (!m.matches()) m = SLASHED_REPORTER.matcher(TraditionalForms.fold(text)).region(1, Math.max(1, text.length() - 1));
        if (!m.matches() || m.regionStart() == 1 && !LENTICULAR.matcher(text).matches()) return null;
        String names = text.substring(m.start(1), m.end(1)); // as printed: the match ran on the folded view
        String[] tokens = SEPARATORS.split(names);
        // the reporter's employer may stand before the names: （网易财经 张艳）, or their department: （护理部 张三 李四）
        int first = tokens.length > 1 && (Fields.siteLike(tokens[0]) || Fields.departmentLike(tokens[0])) ? 1 : 0;
        // four characters alone in brackets are a phrase ((自動連播), (精彩推荐)) unless a surname opens them or the
        // bracket says they reported
        if (tokens.length == 1 && names.length() == 4 && !SURNAMED.matcher(names).matches() && !REPORTED.matcher(TraditionalForms.fold(text)).find()) return null;
        for (int k = first; k < tokens.length; k++) {
            String n = tokens[k];
            if (Fields.siteLike(n) || !Fields.personLike(n) || n.endsWith("报道") || ROLE.matcher(n).find()) return null;
        }
        return first == 0 ? names : names.substring(names.indexOf(tokens[1], tokens[0].length()));
    }

    /**
     * A station's or paper's credit on a line of its own, in lenticular brackets or bare: the outlet, then its reporter
     * (【中廣新聞／陳奕華】 gives 中廣新聞 and 陳奕華), or null.
     */
    static String[] outletAndReporter(String text) {
        var m = OUTLET_AND_REPORTER.matcher(text.strip());
        if (!m.matches() || m.group(1).isEmpty() != m.group(4).isEmpty() || !Fields.siteLike(m.group(2)) || !SURNAMED.matcher(m.group(3)).matches()) return null;
        return new String[]{m.group(2), m.group(3)};
    }

    /**
     * A paper's credit in lenticular brackets: the paper, then the reporter it names first, or null for none
     * (【聯合晚報╱記者張博亭／整理】 gives 聯合晚報 and 張博亭, 【世界日報╱廣州12日電】 gives 世界日報 and null); null when the
     * line is no such credit.
     */
    static String[] outletCredit(String line) {
        var m = OUTLET_CREDIT.matcher(line.strip());
        if (!m.matches() || !Fields.siteLike(m.group(1))) return null;
        String first = m.group(2).split("[／/╱]")[0].strip();
        var role = LEADING_ROLE.matcher(TraditionalForms.fold(first));
        String name = role.lookingAt() ? first.substring(role.end()).strip() : first;
        boolean named = name.length() <= 4 && SURNAMED.matcher(name).matches() && !Fields.siteLike(name);
        return new String[]{m.group(1), named ? name : null};
    }

    /** Papers set a two-character name with a space to line it up with three-character ones: 方 敏 is 方敏. */
    private static List<String> joinSpacedNames(String[] tokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            // (the role may be glued before the first character: 通讯员林 宇)
            if (i + 1 < tokens.length && (SINGLE_HAN.matcher(tokens[i]).matches() || ROLE_AND_ONE.matcher(TraditionalForms.fold(tokens[i])).matches())
                    && SINGLE_HAN.matcher(tokens[i + 1]).matches()) {
                out.add(tokens[i] + tokens[++i]);
            } else {
                out.add(tokens[i]);
            }
        }
        return out;
    }

    /** Names joined by one space; null for none. */
    static String join(List<String> names) {
        return names.isEmpty() ? null : String.join(" ", new LinkedHashSet<>(names));
    }
}
