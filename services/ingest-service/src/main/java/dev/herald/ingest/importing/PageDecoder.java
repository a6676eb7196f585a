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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns fetched bytes into text. Chinese sites still serve GBK without saying so: a page that declares
 * no charset (in the response or a meta tag) and is not valid UTF-8 is read as GB18030, which covers GBK
 * and GB2312. Saved pages of the 2000s (crawls wrapped in {@code <text encoding="gbk">}, FrontPage pages
 * with no meta at all) came out as mojibake when jsoup fell back on UTF-8. A page labelled GB2312 or GBK
 * is read as GB18030 too: sites label GBK text GB2312 all the time, and names such as 镕 or 堃 are only in
 * the larger sets.
 */
public final class PageDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int HEAD_BYTES = 8192;
    private static final int PLAINLY_UTF8 = 8;
    private static final Charset BIG5 = Charset.forName("Big5-HKSCS");
    // the commonest characters of Chinese text, simplified and traditional forms both
    private static final String COMMON = "的一是不了人我在有他这這中大来來上国國个個到说說们們为為子和你地出道也时時年会會就要以对對生能而可";
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)|<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9_.:-]+)",
            Pattern.CASE_INSENSITIVE);

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
            Charset charset = htmlCharset(page.content(), page.charset());
            var document = Jsoup.parse(new ByteArrayInputStream(page.content()),
                    charset == null ? null : charset.name(), page.url());
            return new Decoded(PageFormat.HTML, document.outerHtml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The charset to read an HTML page in, or null to leave it to jsoup (a byte-order mark it reads itself). Text in
     * another encoding is practically never valid UTF-8 over more than a few characters, so a page that is, with
     * Chinese in it, is read as UTF-8 whatever it declares: pages saved by crawlers and browsers keep the meta tag of
     * the GB2312 original they re-encoded (8 of the 236 real pages kept here as their repositories hold them, every
     * one of them unreadable when the tag was believed).
     */
    static Charset htmlCharset(byte[] bytes, Charset declared) {
        if (startsWithUtf16Mark(bytes)) return declared;
        return charsetOf(bytes, declared != null ? declared : metaCharset(bytes));
    }

    /** What the bytes are: plainly UTF-8, else what they were declared as, else GBK or Big5. */
    private static Charset charsetOf(byte[] bytes, Charset declared) {
        boolean utf8 = isUtf8(bytes);
        if (utf8 && multibyteSequences(bytes) >= PLAINLY_UTF8) return StandardCharsets.UTF_8;
        if (declared != null) return widened(declared);
        return utf8 ? StandardCharsets.UTF_8 : undeclaredChinese(bytes);
    }

    /**
     * GBK or Big5, for bytes that say neither: pages of Taiwan and Hong Kong of the 2000s are Big5, the mainland's
     * GBK, and either decodes the other's bytes into valid but senseless characters. The one whose text holds more
     * of the commonest characters (的 是 在 有 不 人 …, in either script) is the one the page was written in.
     */
    static Charset undeclaredChinese(byte[] bytes) {
        return commonCharacters(new String(bytes, BIG5)) > commonCharacters(new String(bytes, GB18030)) ? BIG5 : GB18030;
    }

    private static int commonCharacters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) if (COMMON.indexOf(text.charAt(i)) >= 0) n++;
        return n;
    }

    private static int multibyteSequences(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) if ((b & 0xC0) == 0xC0) n++; // a lead byte
        return n;
    }

    private static String text(byte[] bytes, Charset declared) {
        return new String(bytes, charsetOf(bytes, declared));
    }

    private static Charset widened(Charset charset) {
        String name = charset.name().toUpperCase(java.util.Locale.ROOT);
        return name.equals("GB2312") || name.equals("GBK") || name.equals("EUC-CN") || name.equals("X-EUC-CN") ? GB18030 : charset;
    }

    private static Charset metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, HEAD_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) return null;
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static boolean startsWithUtf16Mark(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE));
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}
