package dev.herald.corpus.relevance;

/** What a judged query tests, so that a table can show where a search gains or loses. */
public enum QueryCategory {
    NAMES("names and new words"),
    PLACES("places"),
    UNITS("units"),
    TRADITIONAL("traditional characters"),
    FULL_WIDTH("full-width forms"),
    SYNONYMS("synonyms"),
    PINYIN("pinyin"),
    /** Pinyin written as readers write it: several groups, beside characters, tones, ü as ü, v or u:, capitals. */
    PINYIN_TYPED("pinyin as typed"),
    /** Latin words and abbreviations that must not be taken for pinyin. */
    LATIN("Latin words and abbreviations"),
    MULTI_WORD("several words"),
    PHRASE("quoted phrases");

    private final String label;

    QueryCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
