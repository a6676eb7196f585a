package dev.herald.moderation.screening;

import dev.herald.text.CharNgramModel;
import dev.herald.text.FoldedText;

import java.util.ArrayList;
import java.util.List;

/**
 * A brand planted in a report: spam takes a real report and puts a name of its own where the unit's name or an
 * ordinary word stood, again and again, and advertises it beside a link or a number. The lexicon cannot know
 * every such name, so a recurring string is judged on what it is instead ({@link RecurringNames}):
 * <ul>
 *   <li>not the unit's own name nor a short form of it, nor the channel's;</li>
 *   <li>no word of real reports: the model of clean report prose finds it costly, where the words real reports
 *       repeat (党支部, 党史学习教育, 疫情防控) cost little;</li>
 *   <li>and with evidence of commerce: a brand's ending (娱乐, 国际, 公司…), a contact beside it.</li>
 * </ul>
 * A novel name without such evidence is a person or a place, and is left alone.
 */
final class RecurringNameDetector {

    private final CharNgramModel model;
    private final ScreeningRules.RecurringNames settings;

    RecurringNameDetector(CharNgramModel model, ScreeningRules.RecurringNames settings) {
        this.model = model;
        this.settings = settings;
    }

    List<Finding> inspect(ScreeningInput input, List<Finding> contacts, Lexicon lexicon) {
        String body = input.body();
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        FoldedText folded = FoldedText.of(body);
        OwnNames own = new OwnNames(input.unit(), input.channel());
        List<Finding> findings = new ArrayList<>();
        List<String> flagged = new ArrayList<>();
        // shortest first: 鸿福汇 is the name, and 控鸿福汇 only where spam left a character of the word it replaced
        List<RecurringStrings.Candidate> candidates = new ArrayList<>(RecurringStrings.of(folded.folded(), settings));
        candidates.sort(java.util.Comparator.comparingInt(c -> c.text().length()));
        for (RecurringStrings.Candidate candidate : candidates) {
            String name = candidate.text();
            if (flagged.stream().anyMatch(name::contains) || own.names(name) || !lexicon.find(FoldedText.of(name)).isEmpty() || !novel(name)) {
                continue;
            }
            // a name inside a link is the link's, found as such
            List<int[]> spans = candidate.starts().stream()
                    .map(at -> new int[] {folded.originalStart(at), folded.originalEnd(at + name.length())})
                    .filter(span -> contacts.stream().noneMatch(c -> c.start() < span[1] && span[0] < c.end())).toList();
            if (spans.size() < settings.minOccurrences()) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            settings.brandSuffixes().stream().filter(name::endsWith).findFirst().ifPresent(s -> evidence.add("ends in " + s));
            if (spans.stream().anyMatch(span -> nearContact(body, span, contacts))) {
                evidence.add("advertised beside a contact");
            }
            if (evidence.isEmpty()) {
                continue;
            }
            flagged.add(name);
            Finding.Severity severity = evidence.size() > 1 ? Finding.Severity.HIGH : Finding.Severity.MEDIUM;
            String message = "\"" + name + "\" recurs " + spans.size() + " times, a name no lexicon lists and not the unit's ("
                    + String.join(", ", evidence) + ")";
            spans.forEach(span -> findings.add(new Finding(Finding.Kind.RECURRING_NAME, severity, message, "body", span[0], span[1])));
        }
        return findings;
    }

    /** Bits per character the clean-prose model spends on the string read on its own. */
    double novelty(String name) {
        CharNgramModel.Surprisal read = model.surprisal(name);
        int symbols = read.size() - 1;
        return symbols == 0 ? 0 : read.bits(0, symbols) / symbols;
    }

    private boolean novel(String name) {
        return name.chars().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? novelty(name) >= settings.noveltyBits() : true;
    }

    private boolean nearContact(String body, int[] span, List<Finding> contacts) {
        for (Finding contact : contacts) {
            int gapStart = Math.min(span[1], contact.start());
            int gapEnd = Math.max(span[0], contact.end());
            boolean near = contact.start() >= span[1] ? contact.start() - span[1] <= settings.contactReach()
                    : span[0] - contact.end() <= settings.contactReach();
            if (near && body.substring(Math.min(gapStart, gapEnd), Math.max(gapStart, gapEnd)).indexOf('\n') < 0) {
                return true;
            }
        }
        return false;
    }
}
