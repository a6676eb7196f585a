package dev.herald.ingest.fetch;

import java.nio.charset.Charset;

/**
 * @param url         where the content finally came from, after redirects
 * @param contentType the media type the server declared, without parameters; may be null
 * @param charset     the charset the server declared; null when it declared none
 */
public record FetchedPage(String url, String contentType, Charset charset, byte[] content) {
}
