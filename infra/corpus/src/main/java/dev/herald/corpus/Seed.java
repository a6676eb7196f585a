package dev.herald.corpus;

import java.util.List;

/** Everything the generator learns and reads once per JVM: units, word lists, title templates and the text model. */
record Seed(List<Unit> units, Vocabulary vocabulary, Titles titles, TextModel model) {

    /** Three characters of context: enough to keep phrases whole, few enough to splice them in new ways. */
    static final int ORDER = 4;

    static Seed get() {
        return Holder.SEED;
    }

    private static Seed load() {
        List<Unit> units = Resources.dataLines("seed/units.tsv").stream()
                .map(line -> line.split("\t"))
                .map(f -> new Unit(f[0], UnitKind.named(f[1]), f[2], f[3]))
                .toList();
        Vocabulary vocabulary = Vocabulary.load();
        return new Seed(units, vocabulary, Titles.load(vocabulary), TextModel.train(TrainingText.paragraphs(), ORDER));
    }

    private static final class Holder {
        static final Seed SEED = load();
    }
}
