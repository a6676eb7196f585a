package dev.herald.text;

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
        // each occurrence of a shingle adds its vote once, which sums to the count-weighted vote of each distinct
        // shingle without a map of substrings (a third of screening's time went there)
        int[] weights = new int[64];
        if (folded.length() < SHINGLE) {
            if (!folded.isEmpty()) vote(weights, hash(folded, 0, folded.length()));
        } else {
            for (int i = 0; i + SHINGLE <= folded.length(); i++) {
                vote(weights, hash(folded, i, i + SHINGLE));
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    private static void vote(int[] weights, long hash) {
        for (int bit = 0; bit < 64; bit++) {
            weights[bit] += (int) ((hash >>> bit) & 1) * 2 - 1;
        }
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

    /**
     * FNV-1a over the UTF-8 bytes of {@code s[from, to)} exactly as {@code getBytes(UTF_8)} gives them (a surrogate
     * cut off from its pair is {@code ?}), then a SplitMix64 finaliser to spread the bits evenly. Stored fingerprints
     * depend on these bytes.
     */
    static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int j = from; j < to; j++) {
            char c = s.charAt(j);
            if (c < 0x80) {
                h = fnv(h, c);
            } else if (c < 0x800) {
                h = fnv(fnv(h, 0xC0 | c >> 6), 0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && j + 1 < to && Character.isLowSurrogate(s.charAt(j + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++j));
                h = fnv(fnv(fnv(fnv(h, 0xF0 | cp >> 18), 0x80 | cp >> 12 & 0x3F), 0x80 | cp >> 6 & 0x3F), 0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                h = fnv(h, '?');
            } else {
                h = fnv(fnv(fnv(h, 0xE0 | c >> 12), 0x80 | c >> 6 & 0x3F), 0x80 | c & 0x3F);
            }
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static long fnv(long h, int b) {
        return (h ^ (b & 0xff)) * 0x100000001b3L;
    }
}
