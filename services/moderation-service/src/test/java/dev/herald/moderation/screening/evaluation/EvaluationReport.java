package dev.herald.moderation.screening.evaluation;

import dev.herald.moderation.screening.Finding;
import dev.herald.moderation.screening.ScreeningRules;
import dev.herald.moderation.screening.Verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The evaluation as Markdown, to read in a terminal and to paste into the README. */
final class EvaluationReport {

    private static final int TOP_FINDINGS = 3;

    private EvaluationReport() {
    }

    static String markdown(Evaluation evaluation) {
        StringBuilder out = new StringBuilder();
        Outcome any = evaluation.outcomes().getFirst();
        out.append("### Screening evaluation\n\n").append(evaluation.outcomes().size())
                .append(" labelled cases, screened with the starter lexicon (`").append(any.result().lexiconVersion())
                .append("`) and the default policy (`").append(any.result().policyVersion())
                .append("`: attention from 3, spam from 30, the channels of application.yml). Every case is checked for near-duplicates ")
                .append("against the clean reports not made from its own source, and a republication against its original too.\n\n");
        detectors(evaluation, out);
        verdicts(evaluation, out);
        categories(evaluation, out);
        targets(evaluation, out);
        wrongVerdicts(evaluation, out);
        disagreements(evaluation, out);
        cleaning(evaluation, out);
        republications(evaluation, out);
        return out.toString();
    }

    private static void detectors(Evaluation evaluation, StringBuilder out) {
        out.append("#### Per detector\n\nCounted by case: TP expected and raised, FP raised but not expected, FN expected but not raised.\n\n")
                .append("| kind | TP | FP | FN | precision | recall |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (String kind : evaluation.kinds()) {
            Tally t = evaluation.kind(kind);
            out.append("| ").append(kind).append(DetectorKinds.built(kind) ? "" : " (not in this build)").append(" | ")
                    .append(counts(t)).append(" |\n");
        }
        out.append('\n');
    }

    private static void verdicts(Evaluation evaluation, StringBuilder out) {
        out.append("#### Verdict\n\n| verdict | should be flagged | TP | FP | FN | precision | recall |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n")
                .append("| LIKELY_SPAM | spam: injected, injected-unlisted, scrambled | ")
                .append(counts(evaluation.verdict(Category::spam, v -> v == Verdict.LIKELY_SPAM))).append(" |\n")
                .append("| at least NEEDS_ATTENTION (a moderator looks) | every category but clean | ")
                .append(counts(evaluation.verdict(c -> c != Category.CLEAN, v -> v != Verdict.CLEAN))).append(" |\n\n");
    }

    private static void categories(Evaluation evaluation, StringBuilder out) {
        out.append("#### Per category\n\n| category | cases | expected | CLEAN | NEEDS_ATTENTION | LIKELY_SPAM | verdict as expected |\n")
                .append("| --- | ---: | --- | ---: | ---: | ---: | ---: |\n");
        for (Category category : Category.values()) {
            List<Outcome> cases = evaluation.of(category);
            if (cases.isEmpty()) {
                continue;
            }
            String expected = cases.stream().map(o -> o.testCase().expectedVerdict()).distinct().sorted()
                    .map(v -> category.spam() && v != Verdict.LIKELY_SPAM ? "at least " + v : v.name())
                    .collect(Collectors.joining(", "));
            out.append("| ").append(category.label()).append(" | ").append(cases.size()).append(" | ").append(expected);
            for (Verdict v : Verdict.values()) {
                out.append(" | ").append(cases.stream().filter(o -> o.verdict() == v).count());
            }
            out.append(" | ").append(cases.stream().filter(Outcome::verdictAsExpected).count()).append(" |\n");
        }
        out.append('\n');
    }

    private static void targets(Evaluation evaluation, StringBuilder out) {
        out.append("#### Targets\n\n| target | required | achieved | |\n| --- | ---: | ---: | --- |\n");
        for (Target target : Target.values()) {
            int cases = target.cases(evaluation);
            out.append("| ").append(target.description()).append(" | ").append(percent(target.required())).append(" | ")
                    .append(percent(target.achieved(evaluation))).append(" (").append(cases - target.failures(evaluation).size())
                    .append('/').append(cases).append(") | ").append(target.met(evaluation) ? "met" : "**not met**").append(" |\n");
        }
        out.append('\n');
    }

    private static void wrongVerdicts(Evaluation evaluation, StringBuilder out) {
        List<Outcome> wrong = evaluation.wrongVerdicts();
        out.append("#### Wrong verdicts (").append(wrong.size()).append(")\n\n");
        table(wrong, out);
    }

    private static void disagreements(Evaluation evaluation, StringBuilder out) {
        List<Outcome> other = evaluation.otherDisagreements();
        out.append("#### Right verdict, but a detector disagrees with the labels (").append(other.size()).append(")\n\n");
        table(other, out);
    }

    private static void table(List<Outcome> outcomes, StringBuilder out) {
        if (outcomes.isEmpty()) {
            out.append("None.\n\n");
            return;
        }
        out.append("| case | expected | got (score) | not raised | raised unexpectedly | top findings |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (Outcome o : outcomes) {
            EvaluationCase c = o.testCase();
            out.append("| ").append(c.id()).append(" | ").append(c.expectedVerdict()).append(' ').append(kinds(c.expectedKinds()))
                    .append(" | ").append(o.verdict()).append(" (").append(o.result().score()).append(") | ")
                    .append(String.join(" ", o.missing())).append(" | ").append(String.join(" ", o.unexpected())).append(" | ")
                    .append(cell(topFindings(o))).append(" |\n");
        }
        out.append('\n');
    }

    private static void cleaning(Evaluation evaluation, StringBuilder out) {
        List<Outcome> chrome = evaluation.of(Category.CHROME);
        List<Outcome> cleanLosing = evaluation.of(Category.CLEAN).stream().filter(o -> !o.linesLost().isEmpty()).toList();
        long exact = chrome.stream().filter(o -> o.linesLeft().isEmpty() && o.linesLost().isEmpty()).count();
        out.append("#### Page chrome removal\n\nThe cleaned body of ").append(exact).append(" of ").append(chrome.size())
                .append(" chrome cases is line for line the report without its page; clean reports that lost lines to cleaning: ")
                .append(cleanLosing.size()).append(".\n\n");
        List<Outcome> shown = new java.util.ArrayList<>(chrome.stream().filter(o -> !o.linesLeft().isEmpty() || !o.linesLost().isEmpty()).toList());
        shown.addAll(cleanLosing);
        if (shown.isEmpty()) {
            return;
        }
        out.append("| case | page lines left in the cleaned body | report lines taken out |\n| --- | --- | --- |\n");
        for (Outcome o : shown) {
            out.append("| ").append(o.testCase().id()).append(" | ").append(cell(excerpts(o.linesLeft()))).append(" | ")
                    .append(cell(excerpts(o.linesLost()))).append(" |\n");
        }
        out.append('\n');
    }

    private static void republications(Evaluation evaluation, StringBuilder out) {
        out.append("#### Near-duplicates\n\nA republication is found within SimHash distance ").append(ScreeningRules.defaults().nearDuplicates().maxDistance())
                .append(" of its original.\n\n| case | how it was made | distance | found |\n| --- | --- | ---: | --- |\n");
        for (Outcome o : evaluation.outcomes()) {
            if (o.distanceToEarlier().isPresent()) {
                out.append("| ").append(o.testCase().id()).append(" | ").append(cell(o.testCase().note())).append(" | ")
                        .append(o.distanceToEarlier().getAsInt()).append(" | ").append(o.raised("DUPLICATE") ? "yes" : "**no**")
                        .append(" |\n");
            }
        }
        out.append('\n');
    }

    /** The findings by kind and message, heaviest first, with the text a contact was found in. */
    private static String topFindings(Outcome o) {
        Map<String, Integer> grouped = new LinkedHashMap<>();
        for (Finding f : o.findings()) {
            String text = f.kind() == Finding.Kind.CONTACT ? " `" + excerpt(spanOf(o.testCase(), f)) + "`" : "";
            grouped.merge(f.kind() + " " + f.message() + text, 1, Integer::sum);
        }
        if (grouped.isEmpty()) {
            return "none";
        }
        return grouped.entrySet().stream().limit(TOP_FINDINGS)
                .map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
                .collect(Collectors.joining("; ")) + (grouped.size() > TOP_FINDINGS ? "; …" : "");
    }

    private static String spanOf(EvaluationCase c, Finding f) {
        String field = switch (f.field()) {
            case "title" -> c.title();
            case "body" -> c.body();
            default -> "";
        };
        return f.end() <= field.length() ? field.substring(f.start(), f.end()) : "";
    }

    private static String excerpts(List<String> lines) {
        if (lines.isEmpty()) {
            return "-";
        }
        return lines.stream().limit(3).map(EvaluationReport::excerpt).collect(Collectors.joining(" / "))
                + (lines.size() > 3 ? " / … (" + lines.size() + " lines)" : "");
    }

    private static String excerpt(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 24 ? line.substring(0, 24) + "…" : line;
    }

    private static String kinds(java.util.Set<String> kinds) {
        return kinds.isEmpty() ? "(no findings)" : "(" + String.join(" ", DetectorKinds.sorted(kinds)) + ")";
    }

    private static String counts(Tally t) {
        return t.truePositives() + " | " + t.falsePositives() + " | " + t.falseNegatives() + " | " + ratio(t.precision())
                + " | " + ratio(t.recall());
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value * 100);
    }

    /** Markdown table cells cannot hold a bar or a line break. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
