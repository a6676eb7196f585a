package dev.herald.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Web addresses in Chinese text in the forms spam writes them to slip past link filters: with or without a scheme
 * or {@code www}, any top-level domain, the dots written {@code 点}, {@code 。}, {@code ．}, {@code 丶}, in brackets or
 * spaced out ({@code abc点com}, {@code abc(点)com}, {@code w w w . x x . c o m}), IP addresses and e-mail addresses,
 * their {@code @} also written out ({@code name(at)qq.com}). Only ASCII labels make a host,
 * so {@code 附件.doc}, {@code 2021.06.30}, {@code 3.5} and a sentence ending in 。 are none. After a real dot any
 * top-level domain in the Public Suffix List counts ({@code name1234.fit}, {@code abc.monster}); a disguised dot
 * needs one of the domains spam favours, since {@code 点} between two words is mostly Chinese.
 */
public final class LinkFinder {

    /** Top-level domains spam uses that may follow a disguised dot; a country code alone needs a real one. */
    static final List<String> GENERIC = List.of("com", "net", "org", "info", "biz", "xyz", "top", "vip", "cc", "club",
            "shop", "site", "online", "store", "tech", "app", "fun", "live", "pro", "win", "bet", "work", "ltd", "group",
            "link", "click", "icu", "wang", "cloud", "asia", "mobi", "tv", "me", "io", "co", "ink", "red", "kim", "love",
            "life", "world", "today", "space", "website", "press", "host", "games", "casino", "poker", "run", "cyou",
            "buzz", "loan", "men", "date", "party", "trade", "download", "lol", "uno", "best", "sbs", "cfd", "bond",
            "cash", "money", "plus", "gold", "ren", "shop", "cn", "hk", "tw", "mo", "la", "ws", "中国", "公司", "网络");

    /** Top-level domains that are also file extensions (readme.md, run.sh, photos.zip): a name.ext is no link. */
    private static final Set<String> FILE_EXTENSIONS = Set.of("md", "py", "pl", "rs", "ps", "sh", "so", "ai", "cs", "js",
            "zip", "mov", "java", "rar", "doc", "pdf");

    private static final List<String> CHINESE_TLDS = List.of("中国", "公司", "网络");

    static final Set<String> SHORTENERS = Set.of("t.cn", "dwz.cn", "url.cn", "bit.ly", "suo.im", "tinyurl.com", "is.gd",
            "goo.gl", "t.co", "ow.ly", "sina.lt", "u.nu", "w.url.cn", "c.tb.cn", "m.tb.cn", "qr.net", "s.id", "v.gd");

    // second-level domains a registry gives only to governments, schools and registered bodies, on the mainland and
    // in Taiwan, Hong Kong and Macau alike (a health bureau's www.nhi.gov.tw is no more an advert than wsjkw.hx.gov.cn)
    private static final Set<String> OFFICIAL_SUFFIXES = Set.of(".gov.cn", ".edu.cn", ".org.cn", ".mil.cn", ".gov", ".edu",
            ".gov.tw", ".edu.tw", ".org.tw", ".gov.hk", ".edu.hk", ".org.hk", ".gov.mo", ".edu.mo", ".org.mo");

    // a dot in brackets of any kind (abc(点)com, abc【.】com), and 丶, a stroke drawn like a dot (3e38丶com)
    private static final String BRACKETED_DOT = "[(\\[{【〔〖]\\s*(?:点|\\.|。|dot)\\s*[)\\]}】〕〗]";
    private static final String DISGUISED_DOT = "(?:\\s*(?:[.。丶]|点|" + BRACKETED_DOT + ")\\s*|\\s+dot\\s+)";
    // an @ written out, as an address is given to people and kept from harvesters: name(at)qq.com, name(在)icloud(点)com
    private static final String DISGUISED_AT = "(?:\\s*@\\s*|\\s*[(\\[{【]\\s*(?:at|在|艾特)\\s*[)\\]}】]\\s*)";
    // a label, or single letters spaced apart (w w w)
    private static final String LABEL = "(?:[a-z0-9](?: [a-z0-9])+|[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)";
    private static final String TAIL = "(?::\\d{1,5})?(?:/[-a-z0-9._~%/?#=&+]*)?";
    private static final String BEFORE = "(?<![-a-z0-9@._/])";

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:h[tx]{2}ps?|ftp)://[^\\s\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef\"'<>()\\[\\]{}]+");
    private static final Pattern DISGUISED = Pattern.compile(
            "(?i)" + BEFORE + "(?:" + LABEL + DISGUISED_DOT + ")+(" + spacedAlternation(GENERIC) + ")(?![a-z0-9])" + TAIL);
    // the top-level domain is checked against the list in code: an alternation of 1,300 names would be tried one by one
    private static final Pattern PLAIN = Pattern.compile(
            "(?i)" + BEFORE + "(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?\\.)+([a-z]{2,24}|" + alternation(CHINESE_TLDS) + ")(?![a-z0-9])" + TAIL);
    private static final Set<String> TOP_LEVEL_DOMAINS = topLevelDomains();
    private static final Pattern IP = Pattern.compile(
            "(?<![\\d.])(\\d{1,3})(?:\\s*[.。点]\\s*(\\d{1,3})){3}(?::\\d{1,5})?(?![\\d])");
    private static final Pattern OCTET = Pattern.compile("\\d{1,3}");
    private static final Pattern EMAIL = Pattern.compile("(?i)[a-z0-9._%+-]+@(?:[a-z0-9-]+\\.)+[a-z]{2,}");
    private static final Pattern DISGUISED_EMAIL = Pattern.compile("(?i)(?<![a-z0-9._%+-])[a-z0-9._%+-]+" + DISGUISED_AT
            + "(?:[a-z0-9-]+" + DISGUISED_DOT + ")+" + alternation(GENERIC) + "(?![a-z0-9])");

    private LinkFinder() {
    }

    /** Every link, IP and e-mail address in the text, overlapping ones included (a URL holds a domain). */
    static List<Contact> find(String narrowed) {
        List<Contact> found = new ArrayList<>();
        for (Matcher m = URL.matcher(narrowed); m.find(); ) {
            int end = trimEnd(narrowed, m.start(), m.end());
            found.add(link(narrowed.substring(m.start(), end), m.start(), end));
        }
        for (Pattern domain : List.of(DISGUISED, PLAIN)) {
            for (Matcher m = domain.matcher(narrowed); m.find(); ) {
                int matchEnd = domain == PLAIN ? listedDomainEnd(m) : m.end();
                if (matchEnd < 0 || tickerOrCall(narrowed, m.start(), matchEnd)) continue;
                if (!capitalisedWord(m.group(1)) || m.group().regionMatches(true, 0, "www", 0, 3)) {
                    int end = trimEnd(narrowed, m.start(), matchEnd);
                    found.add(link(narrowed.substring(m.start(), end), m.start(), end));
                }
            }
        }
        for (Matcher m = IP.matcher(narrowed); m.find(); ) {
            if (OCTET.matcher(m.group().split(":")[0]).results().allMatch(o -> Integer.parseInt(o.group()) <= 255)) {
                found.add(new Contact(Contact.Kind.IP_ADDRESS, m.start(), m.end(), canonical(m.group())));
            }
        }
        for (Matcher m = EMAIL.matcher(narrowed); m.find(); ) {
            found.add(new Contact(Contact.Kind.EMAIL, m.start(), m.end(), m.group().toLowerCase(Locale.ROOT)));
        }
        for (Matcher m = DISGUISED_EMAIL.matcher(narrowed); m.find(); ) {
            String address = m.group().toLowerCase(Locale.ROOT).replaceFirst(DISGUISED_AT, "@");
            found.add(new Contact(Contact.Kind.EMAIL, m.start(), m.end(), canonical(address)));
        }
        return found;
    }

    /**
     * Where a bare domain ends whose top-level domain is a real one, or -1: a sentence running on after the address
     * (abc.com.Please) ends it at the last label that is one.
     */
    private static int listedDomainEnd(Matcher m) {
        if (TOP_LEVEL_DOMAINS.contains(m.group(1).toLowerCase(Locale.ROOT))) return m.end();
        String host = m.group().substring(0, m.end(1) - m.start());
        for (int dot = host.lastIndexOf('.'); dot > 0; dot = host.lastIndexOf('.', dot - 1)) {
            int previous = host.lastIndexOf('.', dot - 1);
            String label = host.substring(previous + 1, dot).toLowerCase(Locale.ROOT);
            if (previous > 0 && TOP_LEVEL_DOMAINS.contains(label) && label.chars().allMatch(Character::isLetter)) return m.start() + dot;
        }
        return -1;
    }

    /**
     * A stock's code (滙控（0005.HK）, 英偉達(NVDA.US)) is written in capitals, where a bare address is not; a name
     * followed by a bracket is a method called in a code sample (datetime.datetime.now()).
     */
    private static boolean tickerOrCall(String text, int start, int end) {
        String host = text.substring(start, end);
        boolean capitals = host.chars().noneMatch(Character::isLowerCase) && !host.regionMatches(true, 0, "www", 0, 3);
        // a Chinese aside in brackets after an address (rax565点com（“点”换成“.”）) is no call: a call's argument is code
        boolean call = end + 1 < text.length() && text.charAt(end) == '(' && text.charAt(end + 1) < 128
                && !Character.isWhitespace(text.charAt(end + 1)) && text.charAt(end + 1) != '"';
        return capitals || call;
    }

    private static Contact link(String text, int start, int end) {
        String value = canonical(text);
        String host = value.replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "");
        Contact.Kind kind = SHORTENERS.contains(host) ? Contact.Kind.SHORT_LINK
                : OFFICIAL_SUFFIXES.stream().anyMatch(host::endsWith) ? Contact.Kind.OFFICIAL_LINK : Contact.Kind.LINK;
        return new Contact(kind, start, end, value);
    }

    /** The address as a browser takes it: lower case, every disguised dot a dot, no spaces. */
    static String canonical(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll(BRACKETED_DOT + "|[。点丶]|\\s+dot\\s+", ".").replaceAll("\\s+", "");
    }

    /** Mr.Wang and Dr.Li are people: a bare domain is not written with a capitalised top-level domain. */
    private static boolean capitalisedWord(String tld) {
        return tld.length() > 1 && Character.isUpperCase(tld.charAt(0)) && Character.isLowerCase(tld.charAt(1));
    }

    /** A sentence's full stop or a closing bracket after an address is not part of it. */
    private static int trimEnd(String text, int start, int end) {
        while (end > start + 1 && ".,;:!?)]'\"".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static Set<String> topLevelDomains() {
        Set<String> names = new TreeSet<>(GENERIC);
        Arrays.stream(Locale.getISOCountries()).map(c -> c.toLowerCase(Locale.ROOT)).forEach(names::add);
        names.addAll(List.of("uk", "eu", "su", "ac"));
        try (var in = LinkFinder.class.getResourceAsStream("top-level-domains.txt")) {
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the list of top-level domains is missing from the jar", e);
        }
        names.removeAll(FILE_EXTENSIONS);
        return Set.copyOf(names);
    }

    /** As {@link #alternation}, each name also with its letters spaced apart ({@code c o m}), as a spaced-out host has them. */
    private static String spacedAlternation(java.util.Collection<String> words) {
        return words.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .map(w -> w.chars().mapToObj(c -> Pattern.quote(Character.toString(c))).collect(Collectors.joining(" ?")))
                .collect(Collectors.joining("|", "(?:", ")"));
    }

    /** Longest first, so that {@code .com} is not read as {@code .co} followed by more letters. */
    private static String alternation(java.util.Collection<String> words) {
        return words.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
    }
}
