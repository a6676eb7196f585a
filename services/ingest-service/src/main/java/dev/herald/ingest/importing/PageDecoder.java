package dev.herald.ingest.importing;

import dev.herald.ingest.extraction.PageFormat;
import dev.herald.ingest.fetch.FetchedPage;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns fetched bytes into text. Chinese sites still serve GBK without saying so, so HTML goes through
 * jsoup's detection (the declared charset, then a meta tag), and plain text that is not valid UTF-8 is
 * read as GB18030, which covers GBK and GB2312.
 */
public final class PageDecoder {

    public record Decoded(PageFormat format, String content) {
    }

    private PageDecoder() {
    }

    public static Decoded decode(FetchedPage page) {
        String type = page.contentType() == null ? "" : page.contentType();
        if (type.startsWith("text/plain")) {
            return new Decoded(PageFormat.TEXT, text(page.content(), page.charset()));
        }
        try {
            var document = Jsoup.parse(new ByteArrayInputStream(page.content()),
                    page.charset() == null ? null : page.charset().name(), page.url());
            return new Decoded(PageFormat.HTML, document.outerHtml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(byte[] bytes, Charset declared) {
        if (declared != null) {
            return new String(bytes, declared);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
