package dev.herald.ingest.extraction;

/** How an imported page arrives: as the site's HTML, or as a text dump of it (copy and paste, scraper output). */
public enum PageFormat { HTML, TEXT }
