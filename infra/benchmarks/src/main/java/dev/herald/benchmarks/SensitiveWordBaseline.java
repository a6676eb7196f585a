package dev.herald.benchmarks;

import com.github.houbb.sensitive.word.api.ISensitiveWordCharIgnore;
import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.ignore.SensitiveWordCharIgnores;
import dev.herald.text.FoldedText;

import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * houbb sensitive-word set up with the benchmark's lexicon and allow-list in place of its own word lists,
 * and with every check other than words (numbers, e-mail, URLs, IPv4) off.
 */
final class SensitiveWordBaseline {

    private SensitiveWordBaseline() {
    }

    /**
     * The library's own folding, all on (case, full/half width, number style, traditional to simplified,
     * English letter style), and its own skipping of ASCII symbols between the characters of a word.
     */
    static SensitiveWordBs libraryFolding(Set<String> terms, Set<String> allowed) {
        return base(terms, allowed).ignoreChineseStyle(true).charIgnore(SensitiveWordCharIgnores.specialChars()).init();
    }

    /**
     * As close to Herald's folding as its options go: no traditional-to-simplified mapping (Herald has
     * none), and it skips exactly the characters Herald's folding drops, so both should find the same.
     */
    static SensitiveWordBs heraldFolding(Set<String> terms, Set<String> allowed) {
        return base(terms, allowed).ignoreChineseStyle(false).charIgnore(heraldFiller()).init();
    }

    private static SensitiveWordBs base(Set<String> terms, Set<String> allowed) {
        List<String> deny = List.copyOf(terms);
        List<String> allow = List.copyOf(allowed);
        return SensitiveWordBs.newInstance()
                .wordDeny(() -> deny)
                .wordAllow(() -> allow)
                .ignoreCase(true)
                .ignoreWidth(true)
                .ignoreNumStyle(true)
                .ignoreEnglishStyle(true)
                .ignoreRepeat(false)
                .enableWordCheck(true)
                .enableNumCheck(false)
                .enableEmailCheck(false)
                .enableUrlCheck(false)
                .enableIpv4Check(false);
    }

    /**
     * The characters Herald's folding drops, taken from the folding itself rather than restated, looked up
     * in a table so the library does not pay for Herald's folding on every character it checks.
     */
    private static ISensitiveWordCharIgnore heraldFiller() {
        BitSet filler = new BitSet(Character.MAX_VALUE + 1);
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (!Character.isSurrogate(c) && FoldedText.fold(String.valueOf(c)).isEmpty()) {
                filler.set(c);
            }
        }
        return (ix, chars, context) -> filler.get(chars[ix]);
    }
}
