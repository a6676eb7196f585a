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
