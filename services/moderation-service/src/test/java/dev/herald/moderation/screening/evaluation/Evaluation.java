package dev.herald.moderation.screening.evaluation;

import dev.herald.moderation.screening.Verdict;

import java.util.List;
import java.util.function.Predicate;

/** The outcomes of screening the whole set, and the figures made of them. */
record Evaluation(List<Outcome> outcomes) {

    Evaluation {
        outcomes = List.copyOf(outcomes);
    }

    List<Outcome> of(Category category) {
        return outcomes.stream().filter(o -> o.testCase().category() == category).toList();
    }

    /** The kinds this build raises and the kinds cases expect, whether or not this build has them. */
    List<String> kinds() {
        return DetectorKinds.all(outcomes.stream().flatMap(o -> o.testCase().expectedKinds().stream()).toList());
    }

    /** Counted by case: a detector that fires five times on one report counts once. */
    Tally kind(String kind) {
        Tally tally = new Tally(0, 0, 0);
        for (Outcome o : outcomes) {
            tally = tally.add(o.testCase().expectedKinds().contains(kind), o.raised(kind));
        }
        return tally;
    }

    /** How well {@code flagged} verdicts pick out the cases of the categories {@code truth} accepts. */
    Tally verdict(Predicate<Category> truth, Predicate<Verdict> flagged) {
        Tally tally = new Tally(0, 0, 0);
        for (Outcome o : outcomes) {
            tally = tally.add(truth.test(o.testCase().category()), flagged.test(o.verdict()));
        }
        return tally;
    }

    List<Outcome> wrongVerdicts() {
        return outcomes.stream().filter(o -> !o.verdictAsExpected()).toList();
    }

    /** The verdict is right, but a detector fired that should not have, or one that should did not. */
    List<Outcome> otherDisagreements() {
        return outcomes.stream().filter(o -> o.verdictAsExpected() && (!o.missing().isEmpty() || !o.unexpected().isEmpty()))
                .toList();
    }
}
