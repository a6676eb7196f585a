package dev.herald.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ways to reach someone outside the platform in Chinese text, with their spans: links in every written form
 * ({@link LinkFinder}), mobile numbers, QQ numbers, WeChat ids behind the homophones spam writes for 微信 (薇信,
 * V信, 加V, 薇➕), Telegram and WhatsApp handles, and QR-code and chat-group prompts. Full-width forms, look-alike
 * letters and circled digits count as their ASCII ones, and a number's digits may be spaced apart or written in
 * Chinese numerals. Landlines and hotlines (0771-1234567, 12345) are how units are reached and are left alone.
 */
public final class ContactFinder {

    // what spam puts inside a name to slip past a filter: 微❤信, 威-信, v.x, q q
    private static final String ORNAMENT = "[\\s·.*_~\\-❤♥★☆•♡❥]{0,2}";

    // a number's digits may be spaced or dashed one by one (1 3 8…, Q Q 群 1 2 3 4 5 6) or written in Chinese (加群一二三四五六七)
    private static final String NUMERAL = "[零〇一二三四五六七八九幺壹贰叁肆伍陆柒捌玖]";
    private static final String NUMBER = "(?:\\d{5,11}|\\d(?<gap>[-\\s])\\d(?:\\k<gap>\\d){3,9}|" + NUMERAL + "{5,11})"
            + "(?!\\d|" + NUMERAL + ")";
    // a handle as Telegram has them, written after its @
    private static final String HANDLE = "@[a-z][a-z0-9_]{4,31}(?![a-z0-9_])";

    private static final Map<Contact.Kind, Pattern> PATTERNS = Map.of(
            Contact.Kind.MOBILE, Pattern.compile("(?<![\\d-])(?<!\\d\\s)(?:\\+?86[-\\s]?)?1(?:[3-9]\\d(?:[-\\s]?\\d{4}){2}|(?<gap>[-\\s])[3-9](?:\\k<gap>\\d){9})(?![\\d])"
                    // or in Chinese numerals, 1 also read 幺 as it is said on the phone, or in the capital forms of cheques
                    + "|(?<!" + NUMERAL + ")[一幺壹][三四五七八九叁肆伍柒捌玖]" + NUMERAL + "{9}(?!" + NUMERAL + ")"),
            Contact.Kind.QQ, Pattern.compile("(?i)(?:q" + ORNAMENT + "q|扣扣|企鹅|(?<![a-z])q(?=\\s*(?:[:：]|群)))\\s*(?:号码|号|群)?\\s*[:：]?\\s*" + NUMBER),
            // Telegram is 飞机 or 纸飞机 (its logo) or 电报 in Chinese spam, and always given with its @ there: 飞机 alone is a plane
            Contact.Kind.MESSENGER, Pattern.compile("(?i)(?:(?:纸?飞机|电报|(?<![a-z])tg(?![a-z]))\\s*(?:号|群)?\\s*[:：]?\\s*" + HANDLE
                    + "|(?:telegram|whatsapp)\\s*(?:号|群|id)?\\s*(?:[:：]\\s*@?[a-z][a-z0-9_]{4,31}(?![a-z0-9_])|" + HANDLE
                    + "|[:：]?\\s*\\+?\\d(?:[-\\s]?\\d){6,14}(?!\\d)))"),
            // an old account's id is its QQ number, so digits follow the label too (微信：12345678), and a group's
            // template names the role first (财务(微❤信)：123456)
            Contact.Kind.WECHAT, Pattern.compile(
                    "(?i)(?:[微薇威徽嶶v]" + ORNAMENT + "信|wei\\s?xin|wechat|v" + ORNAMENT + "x|wx|(?:加|\\+|➕)\\s*(?:v|微|薇|威)"
                            + "|(?:[微薇威]|(?<![a-z0-9+/])v)\\s*(?:\\+|➕)|(?<![a-z])v(?=\\s*[:：]))"
                            + "\\s*(?:号码|号)?[)）]?\\s*[:：]?\\s*(?:[a-z][-_a-z0-9]{5,19}|" + NUMBER + ")"),
            // a QR code with a call to add or join, not one a patient scans at the clinic door
            Contact.Kind.QR_PROMPT, Pattern.compile("长按(?:识别|扫描)?(?:图中|下方|上方)?二维码"
                    + "|扫(?:码|描(?:下方|上方|图中)?二维码|一扫)(?:即可|立即|马上)?(?:加|添加|进群|入群|领取|下载|注册|咨询|联系)"
                    + "|加(?:入)?群(?:号)?\\s*[:：]?\\s*" + NUMBER));

    private ContactFinder() {
    }

    /** The contacts in the text, in order, none overlapping another: of two that overlap the longer stays. */
    public static List<Contact> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String narrowed = Narrow.of(text);
        List<Contact> all = new ArrayList<>(LinkFinder.find(narrowed));
        PATTERNS.forEach((kind, pattern) -> {
            for (Matcher m = pattern.matcher(narrowed); m.find(); ) {
                all.add(new Contact(kind, m.start(), m.end(), m.group().replaceAll("[\\s-]", "")));
            }
        });
        all.sort(Comparator.comparingInt((Contact c) -> c.end() - c.start()).reversed().thenComparingInt(Contact::start)
                .thenComparing(Contact::kind));
        List<Contact> kept = new ArrayList<>();
        for (Contact c : all) {
            if (kept.stream().noneMatch(k -> k.start() < c.end() && c.start() < k.end())) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Contact::start));
        return List.copyOf(kept);
    }
}
