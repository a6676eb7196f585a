package dev.herald.moderation.screening;

import dev.herald.text.FoldedText;
import dev.herald.text.PatternMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gambling and promotional terms from the lexicon, and the contact bait that comes with them. */
final class PromotionDetector {

    private static final List<ContactPattern> CONTACTS = List.of(
            new ContactPattern(Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+"), "a link"),
            new ContactPattern(Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)"), "a mobile phone number"),
            new ContactPattern(Pattern.compile("(?i)(?:qq|扣扣)\\s*[:：号]?\\s*\\d{5,11}"), "a QQ number"),
            // with the homophones and abbreviations spam writes to dodge filters on 微信
            new ContactPattern(Pattern.compile("(?i)(?:微信|薇信|威信|v信|weixin|wechat|vx|加v)\\s*[:：号]?\\s*[a-z][-_a-z0-9]{5,19}"),
                    "a WeChat id"),
            new ContactPattern(Pattern.compile("点击(?:进入|下载|注册|领取|这里)|立即(?:注册|下载|领取)"), "click bait"));

    private record ContactPattern(Pattern pattern, String what) {
    }

    List<Finding> inspect(String field, String text, Lexicon lexicon) {
        List<Finding> findings = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return findings;
        }
        FoldedText folded = FoldedText.of(text);
        for (PatternMatcher.Match match : lexicon.find(folded)) {
            findings.add(new Finding(Finding.Kind.PROMOTION, Finding.Severity.HIGH,
                    "promotional or gambling term \"" + match.pattern() + "\"", field,
                    folded.originalStart(match.start()), folded.originalEnd(match.end())));
        }
        String narrow = narrow(text);
        for (ContactPattern contact : CONTACTS) {
            Matcher m = contact.pattern().matcher(narrow);
            while (m.find()) {
                findings.add(new Finding(Finding.Kind.CONTACT, Finding.Severity.MEDIUM,
                        "contains " + contact.what(), field, m.start(), m.end()));
            }
        }
        return findings;
    }

    /**
     * Full-width letters, digits and signs as their ASCII forms, so that a contact written wide (ＱＱ：１２３…)
     * is still one. One character for one: a match's span is its span in the text as submitted.
     */
    private static String narrow(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= '\uff01' && chars[i] <= '\uff5e') {
                chars[i] = (char) (chars[i] - 0xfee0);
            } else if (chars[i] == '\u3000') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }
}
