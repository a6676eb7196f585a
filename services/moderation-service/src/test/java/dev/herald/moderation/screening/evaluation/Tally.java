package dev.herald.moderation.screening.evaluation;

/** True positives, false positives and false negatives of one detector or verdict over the set. */
record Tally(int truePositives, int falsePositives, int falseNegatives) {

    /** NaN when nothing was flagged. */
    double precision() {
        return (double) truePositives / (truePositives + falsePositives);
    }

    /** NaN when nothing should have been. */
    double recall() {
        return (double) truePositives / (truePositives + falseNegatives);
    }

    Tally add(boolean expected, boolean flagged) {
        return new Tally(truePositives + (expected && flagged ? 1 : 0), falsePositives + (!expected && flagged ? 1 : 0),
                falseNegatives + (expected && !flagged ? 1 : 0));
    }
}
