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
 * V信, 加V), and QR-code and chat-group prompts. Full-width forms count as their ASCII ones. Landlines and hotlines
 * (0771-1234567, 12345) are how units are reached and are left alone.
 */
public final class ContactFinder {

    // what spam puts inside a name to slip past a filter: 微❤信, 威-信, v.x, q q
    private static final String ORNAMENT = "[\\s·.*_~\\-❤♥★☆•♡❥]{0,2}";

    private static final Map<Contact.Kind, Pattern> PATTERNS = Map.of(
            Contact.Kind.MOBILE, Pattern.compile("(?<![\\d-])(?:\\+?86[-\\s]?)?1[3-9]\\d(?:[-\\s]?\\d{4}){2}(?![\\d])"),
            Contact.Kind.QQ, Pattern.compile("(?i)(?:q" + ORNAMENT + "q|扣扣|企鹅|(?<![a-z])q(?=\\s*[:：]))\\s*(?:号码|号|群)?\\s*[:：]?\\s*\\d{5,11}(?!\\d)"),
            // an old account's id is its QQ number, so digits follow the label too (微信：12345678), and a group's
            // template names the role first (财务(微❤信)：123456)
            Contact.Kind.WECHAT, Pattern.compile(
                    "(?i)(?:[微薇威徽嶶v]" + ORNAMENT + "信|weixin|wechat|v" + ORNAMENT + "x|wx|(?:加|\\+|➕)\\s*(?:v|微|薇|威)|(?<![a-z])v(?=\\s*[:：]))"
                            + "\\s*(?:号)?[)）]?\\s*[:：]?\\s*(?:[a-z][-_a-z0-9]{5,19}|\\d{5,11}(?!\\d))"),
            // a QR code with a call to add or join, not one a patient scans at the clinic door
            Contact.Kind.QR_PROMPT, Pattern.compile("长按(?:识别|扫描)?(?:图中|下方|上方)?二维码"
                    + "|扫(?:码|描(?:下方|上方|图中)?二维码|一扫)(?:即可|立即|马上)?(?:加|添加|进群|入群|领取|下载|注册|咨询|联系)"
                    + "|加(?:入)?群(?:号)?\\s*[:：]?\\s*\\d{5,}"));

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
