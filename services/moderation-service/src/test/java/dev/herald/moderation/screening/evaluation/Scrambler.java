package dev.herald.moderation.screening.evaluation;

import dev.herald.moderation.screening.Verdict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The SEO-spam pattern: a real report's sentences in a shuffled order, with fragments of its title spliced
 * into the middle of them, so that the page ranks for the title's words and reads as nonsense.
 */
final class Scrambler {

    /**
     * @param splice   the share of sentences that get a fragment
     * @param shortest the fewest characters a fragment has, {@code longest} the most (the title's runs allowing)
     */
    private record Recipe(double splice, int shortest, int longest) {
    }

    private static final List<Recipe> RECIPES = List.of(new Recipe(1.0, 2, 4), new Recipe(0.9, 3, 6), new Recipe(0.8, 2, 6),
            new Recipe(0.7, 2, 3), new Recipe(0.6, 4, 6), new Recipe(0.5, 2, 6), new Recipe(1.0, 4, 6), new Recipe(0.8, 2, 4),
            new Recipe(0.6, 2, 6), new Recipe(0.4, 3, 5), new Recipe(0.3, 2, 6), new Recipe(1.0, 2, 2));

    private final Random random;

    Scrambler(Random random) {
        this.random = random;
    }

    List<EvaluationCase> scramble(List<EvaluationCase> sources) {
        List<EvaluationCase> taken = TextCraft.take(sources, RECIPES.size(), random);
        List<EvaluationCase> cases = new ArrayList<>();
        for (int i = 0; i < RECIPES.size(); i++) {
            cases.add(scramble(String.format("scrambled-%02d", i + 1), taken.get(i), RECIPES.get(i)));
        }
        return cases;
    }

    private EvaluationCase scramble(String id, EvaluationCase source, Recipe recipe) {
        List<String> runs = java.util.Arrays.stream(source.title().split("[^\\p{L}\\p{N}]+")).filter(r -> r.length() >= 2).toList();
        List<String> sentences = new ArrayList<>();
        for (String paragraph : TextCraft.paragraphs(source.body())) {
            sentences.addAll(TextCraft.sentences(paragraph.replace("\n", "").strip()));
        }
        Collections.shuffle(sentences, random);
        int spliced = 0;
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i);
            if (sentence.length() >= 6 && random.nextDouble() < recipe.splice()) {
                int at = 2 + random.nextInt(sentence.length() - 4);
                sentences.set(i, sentence.substring(0, at) + fragment(runs, recipe) + sentence.substring(at));
                spliced++;
            }
        }
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < sentences.size(); ) {
            int n = Math.min(sentences.size() - i, 3 + random.nextInt(3));
            paragraphs.add(String.join("", sentences.subList(i, i + n)));
            i += n;
        }
        String note = "sentences of " + source.id() + " shuffled; title fragments of " + recipe.shortest() + "-"
                + recipe.longest() + " characters spliced into " + spliced + " of " + sentences.size() + " sentences";
        return new EvaluationCase(id, Category.SCRAMBLED, Set.of("SCRAMBLED"), Verdict.NEEDS_ATTENTION, source.id(), List.of(),
                note, source.title(), source.unit(), source.channel(), TextCraft.join(paragraphs));
    }

    private String fragment(List<String> runs, Recipe recipe) {
        String run = TextCraft.pick(random, runs);
        int longest = Math.min(recipe.longest(), run.length());
        int shortest = Math.min(recipe.shortest(), longest);
        int length = shortest + random.nextInt(longest - shortest + 1);
        int start = random.nextInt(run.length() - length + 1);
        return run.substring(start, start + length);
    }
}
