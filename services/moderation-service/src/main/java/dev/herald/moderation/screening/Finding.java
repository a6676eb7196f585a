package dev.herald.moderation.screening;

/**
 * One problem screening found: where it is ({@code field} and the character span {@code [start, end)}
 * in that field as submitted), what it is and how much it weighs (its severity's weight in the rule book,
 * {@link ScreeningRules.Weights}).
 */
public record Finding(Kind kind, Severity severity, String message, String field, int start, int end) {

    public enum Kind { PROMOTION, CONTACT, CHROME, DUPLICATE, METADATA, SCRAMBLED, RECURRING_NAME, CONFIDENTIAL }

    public enum Severity { LOW, MEDIUM, HIGH }
}
