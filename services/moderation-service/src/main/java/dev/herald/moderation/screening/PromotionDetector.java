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
            new ContactPattern(Pattern.compile("(?i)(?:微信|weixin|wechat|vx)\\s*[:：号]?\\s*[a-z][-_a-z0-9]{5,19}"), "a WeChat id"),
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
        for (ContactPattern contact : CONTACTS) {
            Matcher m = contact.pattern().matcher(text);
            while (m.find()) {
                findings.add(new Finding(Finding.Kind.CONTACT, Finding.Severity.MEDIUM,
                        "contains " + contact.what(), field, m.start(), m.end()));
            }
        }
        return findings;
    }
}
