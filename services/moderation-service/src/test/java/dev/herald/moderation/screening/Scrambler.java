package dev.herald.moderation.screening;

import dev.herald.text.CharNgramModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Scrambles a report the way SEO spammers do, deterministically for a seed: the sentences are
 * shuffled and a 2 to 6 character fragment of the title is spliced into the middle of each sentence
 * (of at least eight Han characters; or of a share of them), then the sentences are laid out three to
 * a paragraph, headings on lines of their own. Public so that other tests can make scrambled reports too.
 */
public final class Scrambler {

    /** The scrambled text and where in it the spliced sentences and fragments are. */
    public record Scrambled(String text, List<Splice> splices) {
    }

    /** A sentence {@code [start, end)} of the scrambled text with {@code fragment} spliced in at {@code at}. */
    public record Splice(int start, int end, int at, String fragment) {
    }

    private Scrambler() {
    }

    public static Scrambled scramble(String title, String body, long seed) {
        return scramble(title, body, seed, 1.0);
    }

    public static Scrambled scramble(String title, String body, long seed, double spliceShare) {
        Random random = new Random(seed);
        List<String> sentences = new ArrayList<>();
        for (CharNgramModel.Span span : CharNgramModel.sentences(body)) {
            sentences.add(body.substring(span.start(), span.end()));
        }
        Collections.shuffle(sentences, random);
        List<String> pieces = hanRuns(title);
        StringBuilder out = new StringBuilder();
        List<Splice> splices = new ArrayList<>();
        for (int k = 0; k < sentences.size(); k++) {
            String sentence = sentences.get(k);
            int start = out.length();
            List<Integer> middle = middlePositions(sentence);
            if (!pieces.isEmpty() && han(sentence) >= 8 && !middle.isEmpty() && random.nextDouble() < spliceShare) {
                String piece = pieces.get(random.nextInt(pieces.size()));
                int length = 2 + random.nextInt(Math.min(6, piece.length()) - 1);
                int from = random.nextInt(piece.length() - length + 1);
                String fragment = piece.substring(from, from + length);
                int at = middle.get(random.nextInt(middle.size()));
                out.append(sentence, 0, at).append(fragment).append(sentence.substring(at));
                splices.add(new Splice(start, out.length(), start + at, fragment));
            } else {
                out.append(sentence);
            }
            // a heading has no full stop to end it: it keeps its own line, or it would run into the next sentence
            boolean heading = !sentence.matches("(?s).*[。！？；!?;][”’」』）)】》\"]*");
            if ((heading || k % 3 == 2) && k < sentences.size() - 1) {
                out.append('\n');
            }
        }
        return new Scrambled(out.toString(), List.copyOf(splices));
    }

    /** Runs of two or more Han characters in the title: what a fragment is cut from. */
    private static List<String> hanRuns(String title) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= title.length(); i++) {
            if (i < title.length() && isHan(title.charAt(i))) {
                run.append(title.charAt(i));
            } else {
                if (run.length() >= 2) {
                    runs.add(run.toString());
                }
                run.setLength(0);
            }
        }
        return runs;
    }

    /** Positions in the middle half of the sentence between two Han characters. */
    private static List<Integer> middlePositions(String sentence) {
        List<Integer> positions = new ArrayList<>();
        for (int i = Math.max(1, sentence.length() / 4); i < sentence.length() * 3 / 4; i++) {
            if (isHan(sentence.charAt(i - 1)) && isHan(sentence.charAt(i))) {
                positions.add(i);
            }
        }
        return positions;
    }

    private static int han(String text) {
        return (int) text.chars().filter(c -> isHan((char) c)).count();
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
