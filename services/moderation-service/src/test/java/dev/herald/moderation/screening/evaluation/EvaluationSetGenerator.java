package dev.herald.moderation.screening.evaluation;

import dev.herald.text.FoldedText;
import dev.herald.text.PatternMatcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Makes the derived cases of the evaluation set, the same every time: the corpus reports' clean bodies and
 * the Chaoyang page's four reports (clean), and from the clean reports under {@code evaluation/written/} and
 * the three whole corpus reports, with one seed per category:
 * <ul>
 *   <li>injected: a starter-lexicon brand in place of the report's most frequent ordinary word 3-8 times
 *       (fewer where the report has fewer), written plainly, with filler or spaces between its characters,
 *       in traditional characters or a mix, sometimes in the title, with WeChat, QQ, link, mobile or click
 *       bait, some of it in full-width forms ({@link SpamInjector});</li>
 *   <li>injected-unlisted: the same with brands made up for the set, in reports without any lexicon term,
 *       checked to contain none afterwards either;</li>
 *   <li>scrambled: the sentences shuffled and title fragments of 2-6 characters spliced into 30-100% of
 *       them ({@link Scrambler});</li>
 *   <li>chrome: the report inside one of twelve page layouts of menus, breadcrumbs, meta lines, share and
 *       QR prompts, previous/next links, related lists and footers ({@link PageChrome});</li>
 *   <li>near-duplicate: the report again with one to three small edits, checked against the original as
 *       the earlier report ({@link Republisher}).</li>
 * </ul>
 * The output is committed, so the set is fixed and a change to it shows as a diff; a test fails when the
 * files and this generator disagree. Regenerate with {@code ./herald evaluate --regenerate}, which runs
 * {@code main} with the folder to write as its argument.
 */
public final class EvaluationSetGenerator {

    static final long SEED = 20_240_611L;

    private EvaluationSetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "src/test/resources/evaluation/" + EvaluationSet.GENERATED);
        List<EvaluationCase> cases = generate();
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path file : old.filter(f -> f.getFileName().toString().endsWith(".txt")).toList()) {
                Files.delete(file);
            }
        }
        for (EvaluationCase c : cases) {
            Files.writeString(folder.resolve(c.id() + ".txt"), CaseFiles.format(c), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + cases.size() + " cases to " + folder.toAbsolutePath().normalize());
    }

    static List<EvaluationCase> generate() {
        List<EvaluationCase> sources = new ArrayList<>(EvaluationSet.load(EvaluationSet.WRITTEN));
        sources.addAll(CorpusReports.wholeReports());
        List<String> titles = sources.stream().map(EvaluationCase::title).toList();

        List<EvaluationCase> cases = new ArrayList<>(CorpusReports.wholeReports());
        cases.addAll(CorpusReports.chaoyangParts());
        cases.addAll(new SpamInjector(random("injected")).listed(sources));
        cases.addAll(new SpamInjector(random("injected-unlisted")).unlisted(sources, starterLexiconHit()));
        cases.addAll(new SpamInjector(random("injected-evasive")).evasive(sources, starterLexiconHit()));
        cases.addAll(new Scrambler(random("scrambled")).scramble(sources));
        cases.addAll(new PageChrome(random("chrome"), titles).paste(sources));
        Random republishing = random("near-duplicate");
        cases.addAll(new Republisher(republishing, new PageChrome(republishing, titles)).republish(sources));
        return cases.stream().sorted(java.util.Comparator.comparing(EvaluationCase::category).thenComparing(EvaluationCase::id))
                .toList();
    }

    /** One stream per category, so changing one category's recipes leaves the others' cases as they are. */
    private static Random random(String category) {
        return new Random(SEED * 31 + category.hashCode());
    }

    /** Whether a text has a term of the starter lexicon, folded as screening folds it (the allow-list aside). */
    private static Predicate<String> starterLexiconHit() {
        try (InputStream in = EvaluationSetGenerator.class.getResourceAsStream("/screening/lexicon.txt")) {
            List<String> terms = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(FoldedText::fold).toList();
            PatternMatcher matcher = new PatternMatcher(terms);
            return text -> !matcher.findAll(FoldedText.fold(text)).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
