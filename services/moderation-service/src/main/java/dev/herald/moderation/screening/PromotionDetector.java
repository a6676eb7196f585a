package dev.herald.moderation.screening;

import dev.herald.text.Contact;
import dev.herald.text.ContactFinder;
import dev.herald.text.FoldedText;
import dev.herald.text.PatternMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gambling and promotional terms from the lexicon, and the contact bait that comes with them. */
final class PromotionDetector {

    private static final Pattern CLICK_BAIT = Pattern.compile("点击(?:进入|下载|注册|领取|这里)|立即(?:注册|下载|领取)");

    private final ScreeningRules.Promotion rules;

    PromotionDetector(ScreeningRules.Promotion rules) {
        this.rules = rules;
    }

    /** A link to a government's, a school's or a registered body's site: a unit names such sites, advertisers don't. */
    static boolean official(Finding contact) {
        return contact.kind() == Finding.Kind.CONTACT && contact.message().equals("contains " + described(Contact.Kind.OFFICIAL_LINK));
    }

    private static String described(Contact.Kind kind) {
        return switch (kind) {
            case LINK -> "a link";
            case OFFICIAL_LINK -> "a link to an official site";
            case SHORT_LINK -> "a short link";
            case IP_ADDRESS -> "an IP address";
            case EMAIL -> "an e-mail address";
            case MOBILE -> "a mobile phone number";
            case QQ -> "a QQ number";
            case WECHAT -> "a WeChat id";
            case MESSENGER -> "a Telegram or WhatsApp handle";
            case QR_PROMPT -> "a QR-code or chat-group prompt";
        };
    }

    List<Finding> inspect(String field, String text, Lexicon lexicon) {
        List<Finding> findings = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return findings;
        }
        FoldedText folded = FoldedText.of(text);
        for (PatternMatcher.Match match : lexicon.find(folded)) {
            findings.add(new Finding(Finding.Kind.PROMOTION, rules.term(),
                    "promotional or gambling term \"" + match.pattern() + "\"", field,
                    folded.originalStart(match.start()), folded.originalEnd(match.end())));
        }
        for (Contact contact : ContactFinder.find(text)) {
            // a unit may name its own or the government's site: still a link to look at, but it weighs little
            Finding.Severity severity = contact.kind() == Contact.Kind.OFFICIAL_LINK ? rules.officialLink() : rules.contact();
            findings.add(new Finding(Finding.Kind.CONTACT, severity, "contains " + described(contact.kind()), field,
                    contact.start(), contact.end()));
        }
        for (Matcher m = CLICK_BAIT.matcher(text); m.find(); ) {
            findings.add(new Finding(Finding.Kind.CONTACT, rules.clickBait(), "contains click bait", field,
                    m.start(), m.end()));
        }
        return findings;
    }
}
