package dev.herald.text;

import com.ibm.icu.text.Transliterator;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code traditional-simplified.txt}, the table {@link TraditionalChinese} folds with, from ICU's
 * "Traditional-Simplified" transliterator. ICU is a test dependency only, so the services get a 20 KB
 * table instead of a 14 MB jar; {@code TraditionalChineseTest} fails when the shipped table and ICU part.
 *
 * <p>To regenerate (after an ICU upgrade, say, with the version changed in this module's pom), from the
 * repository root:
 * <pre>
 *   ./herald mvn -q -pl shared-lib/chinese-text test-compile
 *   java -cp shared-lib/chinese-text/target/test-classes:$HOME/.m2/repository/com/ibm/icu/icu4j/79.1/icu4j-79.1.jar \
 *       dev.herald.text.TraditionalSimplifiedTableGenerator
 * </pre>
 * or run this class from an IDE. It writes {@code shared-lib/chinese-text/src/main/resources/...}, or the
 * same path under the working directory when that is the module itself.
 */
public final class TraditionalSimplifiedTableGenerator {

    static final String RESOURCE = "src/main/resources/dev/herald/text/traditional-simplified.txt";

    private TraditionalSimplifiedTableGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path module = Path.of(args.length > 0 ? args[0] : "shared-lib/chinese-text");
        if (!Files.isDirectory(module.resolve("src/main/resources"))) {
            module = Path.of(".");
        }
        Path target = module.resolve(RESOURCE);
        Map<Character, Character> table = table();
        Files.writeString(target, render(table), StandardCharsets.UTF_8);
        System.out.println("wrote " + table.size() + " pairs to " + target.toAbsolutePath());
    }

    /**
     * Every BMP Han character that ICU turns into one other character. Left out are characters that NFKC
     * changes (folding applies NFKC first, so they never reach the table) and characters that simplified
     * Chinese itself uses, those in GB 2312: ICU folds 俱 to 具 and 著 to 着, which would turn 俱乐部 and
     * 显著 in ordinary simplified text into other words wherever folded text is shown (search snippets).
     * Chains are followed to their end so that folding twice gives what folding once gives.
     */
    static Map<Character, Character> table() {
        Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
        CharsetEncoder simplifiedCharset = Charset.forName("GB2312").newEncoder();
        Map<Character, Character> pairs = new TreeMap<>();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isSurrogate(c) || Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN
                    || !nfkcStable(c) || simplifiedCharset.canEncode(c)) {
                continue;
            }
            String simplified = icu.transliterate(String.valueOf(c));
            if (simplified.length() == 1 && simplified.charAt(0) != c && nfkcStable(simplified.charAt(0))) {
                pairs.put(c, simplified.charAt(0));
            }
        }
        Map<Character, Character> resolved = new TreeMap<>();
        pairs.forEach((from, to) -> resolved.put(from, end(pairs, from)));
        resolved.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
        return resolved;
    }

    /** Where a chain of mappings ends; ICU has a few two-character loops (苎, 苧), which end at their lowest character. */
    private static Character end(Map<Character, Character> pairs, Character from) {
        java.util.List<Character> seen = new java.util.ArrayList<>();
        Character at = from;
        while (pairs.containsKey(at) && !seen.contains(at)) {
            seen.add(at);
            at = pairs.get(at);
        }
        if (!seen.contains(at)) {
            return at;
        }
        return seen.subList(seen.indexOf(at), seen.size()).stream().min(Character::compare).orElseThrow();
    }

    static String render(Map<Character, Character> table) {
        StringBuilder out = new StringBuilder();
        out.append("# Traditional to simplified Chinese, one character to one, for folding text before matching.\n");
        out.append("# Each line: a traditional character followed by its simplified form.\n");
        out.append("# GENERATED from ICU4J's Traditional-Simplified transliterator by TraditionalSimplifiedTableGenerator\n");
        out.append("# (src/test); do not edit by hand.\n");
        table.forEach((from, to) -> out.append(from).append(to).append('\n'));
        return out.toString();
    }

    private static boolean nfkcStable(char c) {
        String s = String.valueOf(c);
        return Normalizer.normalize(s, Normalizer.Form.NFKC).equals(s);
    }
}
