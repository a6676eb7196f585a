package dev.herald.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Folds traditional Chinese characters to simplified ones, one character for one so that offsets into
 * the text stay valid: 澳門 becomes 澳门, 體育 becomes 体育. Characters that simplified Chinese uses too
 * (著 in 显著, 俱 in 俱乐部) are left as they are, so simplified text never changes. The table is
 * generated from ICU ({@code TraditionalSimplifiedTableGenerator} in the tests) and read once, on first use.
 */
public final class TraditionalChinese {

    private static final String TABLE = "traditional-simplified.txt";

    private TraditionalChinese() {
    }

    /** The simplified form of {@code c}, or {@code c} itself when it has none. */
    public static char toSimplified(char c) {
        return Table.fold(c);
    }

    public static String toSimplified(String text) {
        if (text == null) {
            return null;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Table.fold(chars[i]);
        }
        return new String(chars);
    }

    /** Holder idiom: the table is read when folding is first asked for, and by one thread only. */
    private static final class Table {

        // a dense slice of the BMP from the lowest to the highest traditional character (about 27,000 chars)
        private static final char FIRST;
        private static final char[] SIMPLIFIED;

        static {
            StringBuilder pairs = read();
            char first = Character.MAX_VALUE, last = 0;
            for (int i = 0; i < pairs.length(); i += 2) {
                first = (char) Math.min(first, pairs.charAt(i));
                last = (char) Math.max(last, pairs.charAt(i));
            }
            char[] simplified = new char[Math.max(0, last - first + 1)];
            for (int i = 0; i < simplified.length; i++) {
                simplified[i] = (char) (first + i);
            }
            for (int i = 0; i < pairs.length(); i += 2) {
                simplified[pairs.charAt(i) - first] = pairs.charAt(i + 1);
            }
            FIRST = first;
            SIMPLIFIED = simplified;
        }

        static char fold(char c) {
            int at = c - FIRST;
            return at >= 0 && at < SIMPLIFIED.length ? SIMPLIFIED[at] : c;
        }

        private static StringBuilder read() {
            try (InputStream in = TraditionalChinese.class.getResourceAsStream(TABLE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + TABLE);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                StringBuilder pairs = new StringBuilder(6000);
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.length() == 2 && !line.startsWith("#")) {
                        pairs.append(line);
                    }
                }
                return pairs;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
