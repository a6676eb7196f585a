package dev.herald.moderation.screening.evaluation;

import dev.herald.moderation.screening.Verdict;

import java.util.List;
import java.util.function.Predicate;

/**
 * The targets, each the share of one category's cases screening must get right. "Recall on
 * injected cases" reads as what a brand must lead to: a lexicon brand to LIKELY_SPAM, an unknown brand (the
 * lexicon cannot know it, only its bait is left) at least to a moderator. Scrambled reports must be caught
 * as such by the detector for them and reach a moderator.
 */
enum Target {
    CLEAN_NEVER_SPAM("no clean report is LIKELY_SPAM", Category.CLEAN, 1.0, o -> o.verdict() != Verdict.LIKELY_SPAM),
    INJECTED_SPAM("injected reports (lexicon brands) are LIKELY_SPAM", Category.INJECTED, 0.9,
            o -> o.verdict() == Verdict.LIKELY_SPAM),
    UNLISTED_ATTENTION("injected reports with unlisted brands are at least NEEDS_ATTENTION", Category.INJECTED_UNLISTED, 0.9,
            o -> o.verdict() != Verdict.CLEAN),
    SCRAMBLED_CAUGHT("scrambled reports raise SCRAMBLED and are at least NEEDS_ATTENTION", Category.SCRAMBLED, 0.9,
            o -> o.raised("SCRAMBLED") && o.verdict() != Verdict.CLEAN);

    private final String description;
    private final Category category;
    private final double required;
    private final Predicate<Outcome> right;

    Target(String description, Category category, double required, Predicate<Outcome> right) {
        this.description = description;
        this.category = category;
        this.required = required;
        this.right = right;
    }

    String description() {
        return description;
    }

    double required() {
        return required;
    }

    double achieved(Evaluation evaluation) {
        List<Outcome> cases = evaluation.of(category);
        return cases.isEmpty() ? 0 : (double) (cases.size() - failures(evaluation).size()) / cases.size();
    }

    boolean met(Evaluation evaluation) {
        return !evaluation.of(category).isEmpty() && achieved(evaluation) >= required;
    }

    List<Outcome> failures(Evaluation evaluation) {
        return evaluation.of(category).stream().filter(right.negate()).toList();
    }

    int cases(Evaluation evaluation) {
        return evaluation.of(category).size();
    }
}
