package dev.herald.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A character trigram language model with interpolated Kneser-Ney smoothing (Chen and Goodman's
 * formulation, one absolute discount per order estimated from counts of counts). It says how surprising
 * each character of a sentence is, in bits, given the two before it: prose like the text it was trained
 * on reads with low surprisal, text spliced together from pieces reads with high surprisal where the
 * pieces meet. Immutable once trained, so one model serves every thread.
 *
 * <p>Characters are folded before counting, so that what varies without changing the language does not
 * look new: white space and invisible characters are dropped, full-width forms become half-width,
 * traditional characters become simplified, and a run of digits or of Latin letters becomes one
 * symbol ({@code 2020年} and {@code 1998年} are the same trigrams). Each sentence is counted with two
 * start symbols before it and an end symbol after it.
 *
 * <p>A model trained on a few tens of thousands of characters has not seen most words of a new report,
 * and a report keeps using its own words. A {@link Cache} of the document being read (Kuhn and De
 * Mori's cache model) is mixed in for that: a word the document repeats costs fewer bits each time.
 */
public final class CharNgramModel {

    /** A range {@code [start, end)} of characters in a text. */
    public record Span(int start, int end) {
    }

    static final char START = '\u0002';
    static final char END = '\u0003';
    private static final char DIGITS = '0';
    private static final char LATIN = 'a';
    private static final char OTHER_PLANE = '\uFFFD';
    private static final double LOG2 = Math.log(2);
    // the most the document cache weighs, and how many uses of a character it takes for the cache to
    // weigh half that after it; chosen on held-out reports (ScrambleCalibration in the moderation service)
    private static final double CACHE_WEIGHT = 0.2;
    private static final double CACHE_PRIOR = 2;

    private final LongCounts trigrams;
    // for a two-character context: total count in the high 32 bits, distinct followers in the low 32
    private final LongCounts trigramContexts;
    // Kneser-Ney continuation counts: how many distinct characters precede a bigram, a character
    private final LongCounts bigramContinuations;
    private final LongCounts bigramContexts;
    private final LongCounts unigramContinuations;
    private final long bigramTypes;
    private final int vocabulary;
    private final double d3;
    private final double d2;
    private final double d1;

    private CharNgramModel(LongCounts trigrams) {
        this.trigrams = trigrams;
        this.trigramContexts = new LongCounts();
        this.bigramContinuations = new LongCounts();
        trigrams.forEach((key, count) -> {
            trigramContexts.add(key >>> 16, (count << 32) | 1);
            bigramContinuations.add(key & 0xFFFF_FFFFL, 1);
        });
        this.bigramContexts = new LongCounts();
        this.unigramContinuations = new LongCounts();
        bigramContinuations.forEach((key, count) -> {
            bigramContexts.add(key >>> 16, (count << 32) | 1);
            unigramContinuations.add(key & 0xFFFF, 1);
        });
        this.bigramTypes = bigramContinuations.size();
        this.vocabulary = unigramContinuations.size();
        this.d3 = discount(trigrams);
        this.d2 = discount(bigramContinuations);
        this.d1 = discount(unigramContinuations);
    }

    /** Trains a model on texts, each split into sentences with {@link #sentences}. */
    public static CharNgramModel train(Iterable<String> texts) {
        LongCounts trigrams = new LongCounts();
        for (String text : texts) {
            for (Span sentence : sentences(text)) {
                char[] symbols = fold(text, sentence.start(), sentence.end(), null, null);
                char u = START, v = START;
                for (int i = 0; i <= symbols.length; i++) {
                    char w = i < symbols.length ? symbols[i] : END;
                    trigrams.add(key(u, v, w), 1);
                    u = v;
                    v = w;
                }
            }
        }
        if (trigrams.size() == 0) {
            throw new IllegalArgumentException("no text to train on");
        }
        return new CharNgramModel(trigrams);
    }

    /**
     * Scores {@code text} as one sentence: one entry per folded symbol, then one for the end of the
     * sentence (its span is empty, at the end of the text).
     */
    public Surprisal surprisal(String text) {
        return surprisal(text, null);
    }

    /** Scores {@code text} as one sentence of a document whose other sentences are in {@code cache}. */
    public Surprisal surprisal(String text, Cache cache) {
        int n = text.length();
        int[] starts = new int[n + 1];
        int[] ends = new int[n + 1];
        char[] symbols = fold(text, 0, n, starts, ends);
        double[] bits = new double[symbols.length + 1];
        char u = START, v = START;
        for (int i = 0; i <= symbols.length; i++) {
            char w = i < symbols.length ? symbols[i] : END;
            bits[i] = bits(u, v, w, cache);
            u = v;
            v = w;
        }
        starts[symbols.length] = n;
        ends[symbols.length] = n;
        return new Surprisal(this, cache, symbols, bits, starts, ends);
    }

    /** A cache for a document of about {@code length} characters, empty until sentences are {@link Cache#add added}. */
    public Cache newCache(int length) {
        return new Cache(length);
    }

    private double bits(char u, char v, char w, Cache cache) {
        double p = probability(u, v, w);
        return -Math.log(cache == null ? p : cache.mix(v, w, p)) / LOG2;
    }

    /** Interpolated Kneser-Ney probability of {@code w} after {@code u v}. */
    double probability(char u, char v, char w) {
        double p = unigram(w);
        long bigramContext = bigramContexts.get(v);
        if (bigramContext != 0) {
            double total = bigramContext >>> 32;
            double followers = bigramContext & 0xFFFF_FFFFL;
            double count = bigramContinuations.get(key(v, w));
            p = Math.max(count - d2, 0) / total + d2 * followers / total * p;
        }
        long trigramContext = trigramContexts.get(key(u, v));
        if (trigramContext != 0) {
            double total = trigramContext >>> 32;
            double followers = trigramContext & 0xFFFF_FFFFL;
            double count = trigrams.get(key(u, v, w));
            p = Math.max(count - d3, 0) / total + d3 * followers / total * p;
        }
        return p;
    }

    /** Continuation probability, with the discounted mass spread over the vocabulary and one unseen symbol. */
    private double unigram(char w) {
        double continuation = unigramContinuations.get(w);
        return Math.max(continuation - d1, 0) / bigramTypes + d1 * vocabulary / bigramTypes / (vocabulary + 1);
    }

    /** Distinct symbols seen in training, the start and end of a sentence included. */
    public int vocabulary() {
        return vocabulary;
    }

    /**
     * Splits a text into sentences: after 。！？；!?; (with any closing quotes or brackets that follow),
     * and at line breaks. Spans leave out the white space around them; blank stretches give none.
     */
    public static List<Span> sentences(String text) {
        List<Span> spans = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int end = -1;
            if (c == '\n' || c == '\r') {
                end = i;
            } else if (isTerminator(c)) {
                end = i + 1;
                while (end < n && isCloser(text.charAt(end))) {
                    end++;
                }
            }
            if (end >= 0) {
                addTrimmed(text, start, end, spans);
                start = Math.max(end, i + 1);
                i = start - 1;
            }
        }
        addTrimmed(text, start, n, spans);
        return spans;
    }

    private static void addTrimmed(String text, int start, int end, List<Span> spans) {
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(new Span(start, end));
        }
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';';
    }

    private static boolean isCloser(char c) {
        return c == '”' || c == '’' || c == '」' || c == '』' || c == '）' || c == ')' || c == '】' || c == '》' || c == '"';
    }

    /** The text as the model reads it: folded, one symbol per character or run of digits or Latin letters. */
    public static String fold(String text) {
        return new String(fold(text, 0, text.length(), null, null));
    }

    /**
     * The folded symbols of {@code text[from, to)}; when {@code starts}/{@code ends} are given, the
     * range in the text each symbol came from.
     */
    static char[] fold(String text, int from, int to, int[] starts, int[] ends) {
        char[] out = new char[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            char symbol;
            if (c >= '\u3400' && c <= '\u9FFF') {
                symbol = TraditionalChinese.toSimplified(c);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT) {
                continue;
            } else if (c >= '0' && c <= '9' || Character.isDigit(c)) {
                symbol = DIGITS;
            } else if (c < 0x250 && Character.isLetter(c)) {
                symbol = LATIN;
            } else if (Character.isHighSurrogate(c)) {
                symbol = OTHER_PLANE;
            } else if (Character.isLowSurrogate(c)) {
                if (ends != null && n > 0) {
                    ends[n - 1] = i + 1;
                }
                continue;
            } else {
                symbol = TraditionalChinese.toSimplified(c);
            }
            boolean run = (symbol == DIGITS || symbol == LATIN) && n > 0 && out[n - 1] == symbol;
            if (run) {
                if (ends != null) {
                    ends[n - 1] = i + 1;
                }
                continue;
            }
            if (starts != null) {
                starts[n] = i;
                ends[n] = i + 1;
            }
            out[n++] = symbol;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static long key(char v, char w) {
        return ((long) v << 16) | w;
    }

    private static long key(char u, char v, char w) {
        return ((long) u << 32) | ((long) v << 16) | w;
    }

    /** Absolute discount n1 / (n1 + 2 n2) from the numbers of n-grams seen once and twice (Ney et al.). */
    private static double discount(LongCounts counts) {
        long[] seen = new long[3];
        counts.forEach((key, count) -> {
            if (count <= 2) {
                seen[(int) count]++;
            }
        });
        if (seen[1] == 0 || seen[2] == 0) {
            return 0.5;
        }
        return Math.min(0.95, Math.max(0.05, seen[1] / (seen[1] + 2.0 * seen[2])));
    }

    /**
     * Bigram counts of the document being read, with which the model's probabilities are mixed: a
     * bigram the document has used before is likely again. Add the document's sentences, and take the
     * sentence being scored out while it is scored, so that it does not vouch for itself. Mutable: one
     * per document, used by one thread.
     */
    public static final class Cache {

        private final LongCounts bigrams;
        private final LongCounts contexts;

        private Cache(int length) {
            bigrams = new LongCounts(Math.min(length, 1 << 16));
            contexts = new LongCounts(Math.min(length, 1 << 14));
        }

        /** Counts the sentences of {@code text}. */
        public void add(String text) {
            count(text, 1);
        }

        /** Takes back what {@link #add} counted for {@code text}. */
        public void remove(String text) {
            count(text, -1);
        }

        private void count(String text, int sign) {
            for (Span sentence : sentences(text)) {
                char v = START;
                for (char w : fold(text, sentence.start(), sentence.end(), null, null)) {
                    bigrams.add(key(v, w), sign);
                    contexts.add(v, sign);
                    v = w;
                }
            }
        }

        /**
         * Mixes the document's own estimate of {@code w} after {@code v} into the model's {@code p}, the
         * more the more often the document has used {@code v}; where it has not, {@code p} stands.
         */
        private double mix(char v, char w, double p) {
            double context = contexts.get(v);
            if (context <= 0) {
                return p;
            }
            double weight = CACHE_WEIGHT * context / (context + CACHE_PRIOR);
            return (1 - weight) * p + weight * bigrams.get(key(v, w)) / context;
        }
    }

    /**
     * The surprisal, in bits, of each symbol of a scored sentence and the span of text it came from.
     * The last entry is the end of the sentence.
     */
    public static final class Surprisal {

        private final CharNgramModel model;
        private final Cache cache;
        private final char[] symbols;
        private final double[] bits;
        private final int[] starts;
        private final int[] ends;

        private Surprisal(CharNgramModel model, Cache cache, char[] symbols, double[] bits, int[] starts, int[] ends) {
            this.model = model;
            this.cache = cache;
            this.symbols = symbols;
            this.bits = bits;
            this.starts = starts;
            this.ends = ends;
        }

        /** Symbols scored, the end of the sentence included. */
        public int size() {
            return bits.length;
        }

        public double bits(int i) {
            return bits[i];
        }

        /** The folded sentence, without its end symbol: {@code symbols().charAt(i)} was scored by {@code bits(i)}. */
        public String symbols() {
            return new String(symbols);
        }

        /** Bits of the symbols {@code [from, to)}. */
        public double bits(int from, int to) {
            double total = 0;
            for (int i = from; i < to; i++) {
                total += bits[i];
            }
            return total;
        }

        /**
         * How many bits fewer the sentence would take with the symbols {@code [from, to)} left out: the
         * bits of those symbols, and of the two after them whose context they are, less the bits of those
         * two read straight after what comes before. A phrase spliced into a sentence saves many bits
         * when taken out; a phrase that belongs there saves few beyond its own.
         */
        public double bitsSavedWithout(int from, int to) {
            int n = symbols.length;
            char u = from >= 2 ? symbols[from - 2] : START;
            char v = from >= 1 ? symbols[from - 1] : START;
            double saved = bits(from, Math.min(to + 2, n + 1));
            for (int i = to; i < Math.min(to + 2, n + 1); i++) {
                char w = i < n ? symbols[i] : END;
                saved -= model.bits(u, v, w, cache);
                u = v;
                v = w;
            }
            return saved;
        }

        public int start(int i) {
            return starts[i];
        }

        public int end(int i) {
            return ends[i];
        }

        public double totalBits() {
            double total = 0;
            for (double b : bits) {
                total += b;
            }
            return total;
        }

        /** Mean bits per symbol, the base-2 logarithm of the sentence's perplexity. */
        public double meanBits() {
            return totalBits() / bits.length;
        }

        public double perplexity() {
            return Math.pow(2, meanBits());
        }
    }
}
