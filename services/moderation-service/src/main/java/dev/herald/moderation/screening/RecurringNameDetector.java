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
 * A public body's name (医保局, 卫健委) is no brand, however often a report names it beside the body's site.
 * A novel name without such evidence is a person or a place, and is left alone.
 */
final class RecurringNameDetector {

    // particles, auxiliaries and prepositions, which never open or close a brand's name
    private static final String FUNCTION_WORDS = "的了着过吗呢吧啊么得地之其也都就还又而并或及等把被对从向";
    private static final int CONTEXT = 2;
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
            if (flagged.stream().anyMatch(name::contains) || own.names(name) || !lexicon.find(FoldedText.of(name)).isEmpty()
                    || cutAcrossWords(name) || settings.publicBodySuffixes().stream().anyMatch(name::endsWith)
                    || cutFromPublicBody(folded.folded(), candidate)) {
                continue;
            }
            // a name inside a link is the link's, found as such
            List<int[]> spans = candidate.starts().stream()
                    .map(at -> new int[] {folded.originalStart(at), folded.originalEnd(at + name.length())})
                    .filter(span -> contacts.stream().noneMatch(c -> c.start() < span[1] && span[0] < c.end())).toList();
            if (spans.size() < settings.minOccurrences()) {
                continue;
            }
            java.util.Optional<String> suffix = settings.brandSuffixes().stream().filter(name::endsWith).findFirst();
            if (suffix.isEmpty() && allHan(name) && name.length() < settings.bareMinLength()) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            suffix.ifPresent(s -> evidence.add("ends in " + s));
            // words a text says beside a public body's site (至網站查閱：http://www.ntuh.gov.tw/) are not advertised there
            if (spans.stream().anyMatch(span -> nearContact(body, span, contacts.stream().filter(c -> !PromotionDetector.official(c)).toList()))) {
                evidence.add("advertised beside a contact");
            }
            // the model reads every occurrence, so it reads only the strings with evidence of commerce
            if (evidence.isEmpty() || !novel(name, body, spans)) {
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

    /**
     * Bits per character the model spends on the name where it stands, after the two characters before it, averaged
     * over its occurrences. Read on its own, a piece of a word (联网 of 互联网, 的城 of …的城市) starts a sentence as
     * no sentence starts and looked as novel as a planted brand; in its place the word it belongs to makes it cheap,
     * where a brand put in place of the unit's words stays costly.
     */
    double noveltyInPlace(String body, List<int[]> spans) {
        double bits = 0;
        int symbols = 0;
        for (int[] span : spans) {
            int from = Math.max(0, span[0] - CONTEXT);
            String context = body.substring(from, span[0]);
            int k = CharNgramModel.fold(context).length();
            CharNgramModel.Surprisal read = model.surprisal(context + body.substring(span[0], span[1]));
            bits += read.bits(k, read.size() - 1);
            symbols += read.size() - 1 - k;
        }
        return symbols == 0 ? 0 : bits / symbols;
    }

    private boolean novel(String name, String body, List<int[]> spans) {
        return allHan(name) ? noveltyInPlace(body, spans) >= settings.noveltyBits() : true;
    }

    private static boolean allHan(String name) {
        return name.chars().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * A string that opens or closes on a function word (的城, 置了, 器会, 量的) is cut across two words, never a
     * name: recurring strings are read off the text without knowing where its words end.
     */
    static boolean cutAcrossWords(String name) {
        return FUNCTION_WORDS.indexOf(name.charAt(0)) >= 0 || FUNCTION_WORDS.indexOf(name.charAt(name.length() - 1)) >= 0;
    }

    /**
     * A string that runs on into a public body's ending in most of its places (省体育 of 省体育局, 市科技 of 市科技局) is that
     * body's name cut short, and its brand-like ending (体育, 科技) is the bureau's field.
     */
    private boolean cutFromPublicBody(String text, RecurringStrings.Candidate candidate) {
        long into = candidate.starts().stream().filter(at -> settings.publicBodySuffixes().stream()
                .anyMatch(suffix -> text.startsWith(suffix, at + candidate.text().length()))).count();
        return into * 2 > candidate.starts().size();
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
