package dev.herald.ingest.extraction;

import java.util.regex.Pattern;

/**
 * What kind of name a metadata value is. A 来源 can be a site (人民网), a unit (南宁市第一中学) or a department of
 * the unit writing (宣传部, which is then the author); a 供稿人 value is usually a unit followed by a person.
 */
final class Fields {

    /** A value split into a unit and the people after it (南宁市中医医院 张贵玲); either may be null. */
    record UnitAndPeople(String unit, int unitStart, int unitEnd, String people, int peopleStart) {
    }

    // 报 ends a paper's name (南方都市报, 文汇报, 申报) but also verbs and documents a headline ends with (怎么投诉举报, 情况通报)
    private static final Pattern SITE = Pattern.compile(
            "(网|网站|网络版|电子版|媒体|在线|新闻|日报|晚报|早报|时报|(?<![举通预上回喜海公简警情])报|社|视觉|客户端|公众号|频道|电视台|广播电台|之声|资讯|门户|官网|财经|科技|体育|娱乐|APP|app)$"
                    + "|\\.(com|cn|net|org)");
    private static final Pattern UNIT = Pattern.compile(
            "(医院|学校|中学|小学|大学|学院|幼儿园|党委|党总支|党支部|支部|委员会|卫健委|卫生院|服务中心|公司|街道|社区|办事处|局|委|集团|研究院|研究所|中心)$");
    private static final Pattern DEPARTMENT = Pattern.compile("^\\p{IsHan}{1,6}(部|科|处|室|办|办公室|组|队)$");
    private static final Pattern SITE_END = Pattern.compile("[\\s\\u3000\\u00A0]+|[|｜丨]");
    private static final Pattern TAKEN_FROM = Pattern.compile("(?:综合|綜合|摘自|转自|轉自|转载自|轉載自|选自|選自)[:：\\s\\u3000]*");
    private static final Pattern CITY_AFTER = Pattern.compile("[（(]\\p{IsHan}{2,3}[)）]?$");
    private static final Pattern PERSON = Pattern.compile("^\\p{IsHan}{2,4}$");

    private Fields() {
    }

    /** 本站, 本网, 原创, 转载文章: a page naming itself or no one, which says nothing about which site it is. */
    static boolean selfReference(String value) {
        return value.matches("本站|本网|本网站|原创|网络|互联网|本站原创|转载|转载文章|网络转载|综合|综合整理|未知");
    }

    /**
     * A 来源 value up to what the page prints after it on the same line: a button (新京报 举报), a separator and the
     * date (央视网 | 2021年06月30日), or the next field; without the city in brackets after a paper's name.
     */
    static String siteName(String value) {
        value = value.substring(takenFromEnd(value));
        var m = SITE_END.matcher(value);
        String name = m.find() ? value.substring(0, m.start()) : value;
        Metadata.FoundDate d = Metadata.date(name);
        name = d == null ? name : PageReader.strip(name.substring(0, d.start()));
        // the city a paper is printed in, as portals add it: 21世纪经济报道(广州)
        var place = CITY_AFTER.matcher(name);
        name = place.find() && place.start() >= 2 ? name.substring(0, place.start()) : name;
        // a publication's name in book-title brackets (本文来源于《财经网》): the brackets are no part of it
        return name.startsWith("《") && name.endsWith("》") || name.endsWith("》") && name.indexOf('《') < 0 ? name.replace("《", "").replace("》", "") : name;
    }

    /**
     * Where a source's name begins after the words saying how the piece was taken (来源：综合抖音黑板报、南方都市报,
     * 摘自北京晚报): those are no part of the name. 0 when there are none.
     */
    static int takenFromEnd(String value) {
        var taken = TAKEN_FROM.matcher(value);
        return taken.lookingAt() && taken.end() < value.length() ? taken.end() : 0;
    }

    static boolean siteLike(String value) {
        return SITE.matcher(TraditionalForms.fold(value)).find();
    }

    static boolean unitLike(String value) {
        return value.length() >= 4 && UNIT.matcher(TraditionalForms.fold(value)).find();
    }

    static boolean departmentLike(String value) {
        return value.length() <= 7 && DEPARTMENT.matcher(value).matches();
    }

    static boolean personLike(String value) {
        return PERSON.matcher(value).matches() && !unitLike(value) && !departmentLike(value);
    }

    /**
     * Splits 供稿人 and 通讯员 values: trailing 2-4 character words are people, what comes before is the unit. A
     * registered unit name at the start splits a value written without a space (南宁市中医医院张贵玲).
     */
    static UnitAndPeople unitAndPeople(String value, KnownNames registry) {
        String[] words = value.trim().split("[\\s、,，]+");
        int firstPerson = words.length;
        while (firstPerson > 0 && personLike(words[firstPerson - 1]) && registry.unitFor(words[firstPerson - 1]) == null) firstPerson--;
        if (firstPerson == words.length) {
            KnownNames.Mention m = registry.findIn(value);
            if (m != null && m.start() == 0 && m.end() < value.length()) {
                int s = m.end();
                String suffix = suffixAt(value, s);
                s += suffix.length();
                String rest = value.substring(s).trim();
                if (personLike(rest)) {
                    return new UnitAndPeople(value.substring(0, s), 0, s, rest, value.indexOf(rest, s));
                }
            }
            return unitLike(value) || registry.unitFor(value) != null
                    ? new UnitAndPeople(value, 0, value.length(), null, -1)
                    : new UnitAndPeople(null, -1, -1, value, 0);
        }
        if (firstPerson == 0) {
            return new UnitAndPeople(null, -1, -1, value.trim(), value.indexOf(words[0]));
        }
        int peopleStart = indexOfWord(value, words, firstPerson);
        String unit = value.substring(0, peopleStart).trim();
        return new UnitAndPeople(unit, value.indexOf(unit), value.indexOf(unit) + unit.length(),
                value.substring(peopleStart).trim(), peopleStart);
    }

    private static String suffixAt(String value, int at) {
        for (String s : new String[]{"党总支", "党支部", "党委", "总支", "支部", "团委", "工会"}) {
            if (value.startsWith(s, at)) return s;
        }
        return "";
    }

    private static int indexOfWord(String value, String[] words, int index) {
        int at = 0;
        for (int i = 0; i <= index; i++) {
            at = value.indexOf(words[i], i == 0 ? 0 : at + words[i - 1].length());
        }
        return at;
    }
}
