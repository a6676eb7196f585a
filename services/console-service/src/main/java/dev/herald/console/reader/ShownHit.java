package dev.herald.console.reader;

import java.time.Instant;

/** A search hit with its title and snippet made safe to show as HTML (see {@code Highlighted}). */
public record ShownHit(String id, String titleHtml, String channel, String unit, Instant publishedAt, String snippetHtml) {
}
