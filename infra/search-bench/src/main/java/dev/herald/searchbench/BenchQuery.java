package dev.herald.searchbench;

/** One query of the mix, with the kind it stands for, so the report can say which kinds cost most. */
record BenchQuery(String text, String kind) {

    /** Pinyin means nothing to a substring scan of Chinese text, so the scan leaves those queries out. */
    boolean scannable() {
        return !kind.equals("pinyin");
    }

    /** What a naive implementation would look for: the text as typed, quotes dropped. */
    String literal() {
        return text.replaceAll("[\"“”＂]", "").strip();
    }
}
