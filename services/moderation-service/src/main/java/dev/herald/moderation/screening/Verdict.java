package dev.herald.moderation.screening;

public enum Verdict {
    CLEAN, NEEDS_ATTENTION, LIKELY_SPAM
}
