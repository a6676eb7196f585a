package dev.herald.moderation.screening.evaluation;

/** What a case of the evaluation set is. Spam is what a unit would never have submitted as a report. */
enum Category {
    CLEAN("clean", false),
    INJECTED("injected", true),
    INJECTED_UNLISTED("injected-unlisted", true),
    SCRAMBLED("scrambled", true),
    CHROME("chrome", false),
    NEAR_DUPLICATE("near-duplicate", false);

    private final String label;
    private final boolean spam;

    Category(String label, boolean spam) {
        this.label = label;
        this.spam = spam;
    }

    String label() {
        return label;
    }

    boolean spam() {
        return spam;
    }

    static Category of(String label) {
        for (Category category : values()) {
            if (category.label.equals(label)) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown category \"" + label + "\"");
    }
}
