package dev.herald.moderation.screening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Sanity of the fields around the body: a known channel, a date that has happened, a sensible title, a body left after cleaning. */
final class MetadataDetector {

    private final ScreeningRules.Metadata rules;
    private final Set<String> knownChannels;

    MetadataDetector(ScreeningRules.Metadata rules, Set<String> knownChannels) {
        this.rules = rules;
        this.knownChannels = knownChannels;
    }

    List<Finding> inspect(ScreeningInput input, String cleanedBody, Instant now) {
        List<Finding> findings = new ArrayList<>();
        String channel = input.channel();
        if (channel != null && !knownChannels.isEmpty() && !knownChannels.contains(channel.strip())) {
            findings.add(new Finding(Finding.Kind.METADATA, rules.unknownChannel(), "unknown channel \"" + channel + "\"",
                    "channel", 0, channel.length()));
        }
        if (input.originalPublishedAt() != null && input.originalPublishedAt().isAfter(now.plus(rules.clockSlack()))) {
            findings.add(new Finding(Finding.Kind.METADATA, rules.futureDate(), "original publication date is in the future",
                    "originalPublishedAt", 0, 0));
        }
        String title = input.title() == null ? "" : input.title().strip();
        if (title.length() > rules.titleMax()) {
            findings.add(new Finding(Finding.Kind.METADATA, rules.longTitle(),
                    "title of " + title.length() + " characters is unusually long", "title", 0, input.title().length()));
        }
        String body = input.body() == null ? "" : input.body();
        int at = title.isEmpty() ? -1 : body.indexOf(title);
        if (at >= 0 && at < rules.titleRepeatWithin()) {
            findings.add(new Finding(Finding.Kind.METADATA, rules.titleRepeated(), "the title is repeated at the top of the body",
                    "body", at, at + title.length()));
        }
        String remaining = cleanedBody != null ? cleanedBody : body;
        if (remaining.isBlank()) {
            findings.add(new Finding(Finding.Kind.METADATA, rules.nothingLeft(), "nothing is left of the body after cleaning",
                    "body", 0, body.length()));
        }
        return findings;
    }
}
