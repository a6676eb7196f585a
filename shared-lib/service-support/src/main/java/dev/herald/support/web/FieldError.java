package dev.herald.support.web;

/** One wrong field in a problem+json answer. */
public record FieldError(String field, String message) {
}
