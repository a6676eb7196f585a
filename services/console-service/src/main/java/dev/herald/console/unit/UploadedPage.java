package dev.herald.console.unit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page a unit uploads as a file, read as text for ingest's import (which takes a page's HTML or text in JSON, not
 * bytes). Pages of Chinese sites saved from a browser are UTF-8 or GBK: UTF-8 when the bytes are UTF-8, else the
 * charset the page declares, else GB18030 (which reads GBK and GB2312 too).
 *
 * @param html whether it is a page's HTML (.html, .htm) rather than plain text
 */
record UploadedPage(boolean html, String content) {

    private static final Pattern DECLARED = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    /** Null for a file that is neither a page nor text (by its name's ending). */
    static UploadedPage of(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean html = name.endsWith(".html") || name.endsWith(".htm");
        if (!html && !name.endsWith(".txt")) {
            return null;
        }
        return new UploadedPage(html, decode(bytes));
    }

    static String decode(byte[] bytes) {
        int bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom)).toString();
        } catch (CharacterCodingException notUtf8) {
            // the declaration sits in the page's head, in ASCII whatever the charset
            Matcher declared = DECLARED.matcher(new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1));
            Charset charset = declared.find() && Charset.isSupported(declared.group(1)) ? Charset.forName(declared.group(1))
                    : Charset.forName("GB18030");
            return new String(bytes, charset);
        }
    }
}
