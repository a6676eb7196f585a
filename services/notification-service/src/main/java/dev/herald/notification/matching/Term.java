package dev.herald.notification.matching;

/** A word or phrase to look for in normalised text; a phrase must occur exactly, a word as a keyword. */
record Term(String text, boolean phrase) {
}
