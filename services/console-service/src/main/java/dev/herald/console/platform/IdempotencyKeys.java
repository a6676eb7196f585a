package dev.herald.console.platform;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Idempotency-Key a form's post carries to ingest. Each form is shown with a fresh key in a hidden field, so a
 * double click or a retried post is one submission. A key the page cannot have issued (blank, a space, a control
 * character, longer than ingest keeps) names no earlier submission and could not even travel as a header: it is
 * replaced by a fresh one, and the post is a new submission like any other.
 */
public final class IdempotencyKeys {

    // visible ASCII, as many characters as ingest takes (its MAX_IDEMPOTENCY_KEY)
    private static final Pattern ISSUABLE = Pattern.compile("[!-~]{1,200}");

    private IdempotencyKeys() {
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }

    public static String of(String fromForm) {
        return fromForm != null && ISSUABLE.matcher(fromForm).matches() ? fromForm : fresh();
    }
}
