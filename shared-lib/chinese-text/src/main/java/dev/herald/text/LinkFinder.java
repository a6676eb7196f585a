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
 * or {@code www}, any top-level domain, the dots written {@code 点}, {@code 。}, {@code ．} or spaced out
 * ({@code abc点com}, {@code w w w . x x . com}), IP addresses and e-mail addresses. Only ASCII labels make a host,
 * so {@code 附件.doc}, {@code 2021.06.30}, {@code 3.5} and a sentence ending in 。 are none.
 */
public final class LinkFinder {

    /** Top-level domains spam uses that may follow a disguised dot; a country code alone needs a real one. */
    static final List<String> GENERIC = List.of("com", "net", "org", "info", "biz", "xyz", "top", "vip", "cc", "club",
            "shop", "site", "online", "store", "tech", "app", "fun", "live", "pro", "win", "bet", "work", "ltd", "group",
            "link", "click", "icu", "wang", "cloud", "asia", "mobi", "tv", "me", "io", "co", "ink", "red", "kim", "love",
            "life", "world", "today", "space", "website", "press", "host", "games", "casino", "poker", "run", "cyou",
            "buzz", "loan", "men", "date", "party", "trade", "download", "lol", "uno", "best", "sbs", "cfd", "bond",
            "cash", "money", "plus", "gold", "ren", "shop", "cn", "hk", "tw", "mo", "la", "ws", "中国", "公司", "网络");

    /** Country codes that are also file extensions (readme.md, run.sh): a name.ext is no link. */
    private static final Set<String> FILE_EXTENSIONS = Set.of("md", "py", "pl", "rs", "ps", "sh", "so", "ai", "cs", "js");

    static final Set<String> SHORTENERS = Set.of("t.cn", "dwz.cn", "url.cn", "bit.ly", "suo.im", "tinyurl.com", "is.gd",
            "goo.gl", "t.co", "ow.ly", "sina.lt", "u.nu", "w.url.cn", "c.tb.cn", "m.tb.cn", "qr.net", "s.id", "v.gd");

    private static final Set<String> OFFICIAL_SUFFIXES = Set.of(".gov.cn", ".edu.cn", ".org.cn", ".mil.cn", ".gov", ".edu");

    private static final String DISGUISED_DOT = "(?:\\s*(?:[.。]|点|\\[\\.\\]|\\(\\.\\))\\s*|\\s+dot\\s+)";
    // a label, or single letters spaced apart (w w w)
    private static final String LABEL = "(?:[a-z0-9](?: [a-z0-9])+|[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)";
    private static final String TAIL = "(?::\\d{1,5})?(?:/[-a-z0-9._~%/?#=&+]*)?";
    private static final String BEFORE = "(?<![-a-z0-9@._/])";

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?|ftp)://[^\\s\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef\"'<>()\\[\\]{}]+");
    private static final Pattern DISGUISED = Pattern.compile(
            "(?i)" + BEFORE + "(?:" + LABEL + DISGUISED_DOT + ")+(" + alternation(GENERIC) + ")(?![a-z0-9])" + TAIL);
    private static final Pattern PLAIN = Pattern.compile(
            "(?i)" + BEFORE + "(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?\\.)+(" + alternation(countryCodes()) + ")(?![a-z0-9])" + TAIL);
    private static final Pattern IP = Pattern.compile(
            "(?<![\\d.])(\\d{1,3})(?:\\s*[.。点]\\s*(\\d{1,3})){3}(?::\\d{1,5})?(?![\\d])");
    private static final Pattern OCTET = Pattern.compile("\\d{1,3}");
    private static final Pattern EMAIL = Pattern.compile("(?i)[a-z0-9._%+-]+@(?:[a-z0-9-]+\\.)+[a-z]{2,}");

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
                if (!capitalisedWord(m.group(1)) || m.group().regionMatches(true, 0, "www", 0, 3)) {
                    int end = trimEnd(narrowed, m.start(), m.end());
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
        return found;
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
        return text.toLowerCase(Locale.ROOT).replaceAll("\\[\\.]|\\(\\.\\)|[。点]|\\s+dot\\s+", ".").replaceAll("\\s+", "");
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

    private static Set<String> countryCodes() {
        Set<String> codes = new TreeSet<>(GENERIC);
        Arrays.stream(Locale.getISOCountries()).map(c -> c.toLowerCase(Locale.ROOT)).forEach(codes::add);
        codes.addAll(List.of("uk", "eu", "su", "ac"));
        codes.removeAll(FILE_EXTENSIONS);
        return codes;
    }

    /** Longest first, so that {@code .com} is not read as {@code .co} followed by more letters. */
    private static String alternation(java.util.Collection<String> words) {
        return words.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
    }
}
