package dev.herald.moderation.screening;

/**
 * One problem screening found: where it is ({@code field} and the character span {@code [start, end)}
 * in that field as submitted), what it is and how much it weighs.
 */
public record Finding(Kind kind, Severity severity, String message, String field, int start, int end) {

    public enum Kind { PROMOTION, CONTACT, CHROME, DUPLICATE, METADATA, SCRAMBLED, RECURRING_NAME, CONFIDENTIAL }

    public enum Severity {
        LOW(1), MEDIUM(3), HIGH(10);

        private final int weight;

        Severity(int weight) {
            this.weight = weight;
        }

        public int weight() {
            return weight;
        }
    }
}
