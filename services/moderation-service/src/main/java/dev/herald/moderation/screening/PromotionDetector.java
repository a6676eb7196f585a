package dev.herald.moderation.screening;

import dev.herald.text.Contact;
import dev.herald.text.ContactFinder;
import dev.herald.text.FoldedText;
import dev.herald.text.PatternMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gambling and promotional terms from the lexicon, and the contact bait that comes with them. */
final class PromotionDetector {

    private static final Pattern CLICK_BAIT = Pattern.compile("点击(?:进入|下载|注册|领取|这里)|立即(?:注册|下载|领取)");

    private record Described(String what, Finding.Severity severity) {
    }

    // a unit may name its own or the government's site: still a link to look at, but it weighs little
    private static final Map<Contact.Kind, Described> CONTACTS = Map.of(
            Contact.Kind.LINK, new Described("a link", Finding.Severity.MEDIUM),
            Contact.Kind.OFFICIAL_LINK, new Described("a link to an official site", Finding.Severity.LOW),
            Contact.Kind.SHORT_LINK, new Described("a short link", Finding.Severity.MEDIUM),
            Contact.Kind.IP_ADDRESS, new Described("an IP address", Finding.Severity.MEDIUM),
            Contact.Kind.EMAIL, new Described("an e-mail address", Finding.Severity.MEDIUM),
            Contact.Kind.MOBILE, new Described("a mobile phone number", Finding.Severity.MEDIUM),
            Contact.Kind.QQ, new Described("a QQ number", Finding.Severity.MEDIUM),
            Contact.Kind.WECHAT, new Described("a WeChat id", Finding.Severity.MEDIUM),
            Contact.Kind.QR_PROMPT, new Described("a QR-code or chat-group prompt", Finding.Severity.MEDIUM));

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
        for (Contact contact : ContactFinder.find(text)) {
            Described described = CONTACTS.get(contact.kind());
            findings.add(new Finding(Finding.Kind.CONTACT, described.severity(), "contains " + described.what(), field,
                    contact.start(), contact.end()));
        }
        for (Matcher m = CLICK_BAIT.matcher(text); m.find(); ) {
            findings.add(new Finding(Finding.Kind.CONTACT, Finding.Severity.MEDIUM, "contains click bait", field,
                    m.start(), m.end()));
        }
        return findings;
    }
}
