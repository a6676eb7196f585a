package dev.herald.moderation.screening.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The labelled cases under {@code evaluation/} on the test class path: {@code written/} holds the clean reports
 * written for the set, {@code generated/} what {@link EvaluationSetGenerator} made from them and the corpus.
 */
final class EvaluationSet {

    static final String WRITTEN = "written";
    static final String GENERATED = "generated";

    private EvaluationSet() {
    }

    static List<EvaluationCase> load() {
        return Stream.concat(load(WRITTEN).stream(), load(GENERATED).stream())
                .sorted(Comparator.comparing(EvaluationCase::category).thenComparing(EvaluationCase::id)).toList();
    }

    static List<EvaluationCase> load(String folder) {
        URL url = EvaluationSet.class.getResource("/evaluation/" + folder);
        if (url == null) {
            throw new IllegalStateException("no evaluation/" + folder + " on the class path");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().map(EvaluationSet::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EvaluationCase read(Path file) {
        try {
            EvaluationCase c = CaseFiles.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!file.getFileName().toString().equals(c.id() + ".txt")) {
                throw new IllegalStateException(file + " holds case " + c.id());
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
