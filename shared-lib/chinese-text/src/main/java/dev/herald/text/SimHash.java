package dev.herald.text;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A 64-bit SimHash of a text's character shingles (Charikar; Manku et al. use Hamming distance <= 3 on
 * 64-bit fingerprints for near-duplicate web pages). Texts are folded first, so the same report with
 * different punctuation, spacing or full-width forms gets the same fingerprint; small edits move only a
 * few bits.
 */
public final class SimHash {

    static final int SHINGLE = 3;

    private SimHash() {
    }

    public static long fingerprint(String text) {
        String folded = FoldedText.fold(text);
        Map<String, Integer> shingles = new HashMap<>();
        for (int i = 0; i + SHINGLE <= folded.length(); i++) {
            shingles.merge(folded.substring(i, i + SHINGLE), 1, Integer::sum);
        }
        if (shingles.isEmpty() && !folded.isEmpty()) {
            shingles.put(folded, 1);
        }
        int[] weights = new int[64];
        shingles.forEach((shingle, count) -> {
            long hash = hash(shingle);
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((hash >>> bit) & 1) == 1 ? count : -count;
            }
        });
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /**
     * The four 16-bit bands of a fingerprint: two fingerprints within distance 3 share at least one band
     * (pigeonhole), so candidates can be found by exact band lookups.
     */
    public static int[] bands(long fingerprint) {
        return new int[]{(int) (fingerprint & 0xFFFF), (int) ((fingerprint >>> 16) & 0xFFFF),
                (int) ((fingerprint >>> 32) & 0xFFFF), (int) ((fingerprint >>> 48) & 0xFFFF)};
    }

    /** FNV-1a over UTF-8, then a SplitMix64 finaliser to spread the bits evenly. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
