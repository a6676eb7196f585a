package dev.herald.corpus.relevance;

import dev.herald.corpus.GeneratedReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The judged query set: fixed articles to index and queries with graded judgments over them.
 *
 * <p>The articles are the three real reports, hand-written articles that plant particular targets (names the
 * word segmenter does not know, places, text in traditional script, one form of a synonym only), and 300
 * reports of {@code ReportGenerator} with seed 2026, stored rather than regenerated so that the judgments
 * stay true when the generator changes. The queries are in relevance/queries.tsv, one a line.
 */
public final class JudgedSet {

    static final String FOLDER = "/dev/herald/corpus/relevance/";
    static final List<String> ARTICLE_FILES = List.of("articles-real.jsonl", "articles-planted.jsonl", "articles-generated.jsonl");
    static final String QUERY_FILE = "queries.tsv";

    private final List<GeneratedReport> articles;
    private final Map<String, GeneratedReport> byId;
    private final List<JudgedQuery> queries;

    private JudgedSet(List<GeneratedReport> articles, List<JudgedQuery> queries) {
        this.articles = List.copyOf(articles);
        this.byId = articles.stream().collect(Collectors.toMap(GeneratedReport::id, Function.identity(), (a, b) -> {
            throw new IllegalStateException("article id twice in the judged set: " + a.id());
        }, LinkedHashMap::new));
        this.queries = List.copyOf(queries);
        Set<String> queryIds = new HashSet<>();
        for (JudgedQuery query : queries) {
            if (!queryIds.add(query.id())) {
                throw new IllegalStateException("query id twice in the judged set: " + query.id());
            }
            for (String article : query.grades().keySet()) {
                if (!byId.containsKey(article)) {
                    throw new IllegalStateException("query " + query.id() + " judges an unknown article " + article);
                }
            }
        }
    }

    public static JudgedSet load() {
        List<GeneratedReport> articles = new ArrayList<>();
        for (String file : ARTICLE_FILES) {
            articles.addAll(ReportsJson.read(read(file)));
        }
        return new JudgedSet(articles, parseQueries(read(QUERY_FILE)));
    }

    /** Every article to index, real, planted and generated. */
    public List<GeneratedReport> articles() {
        return articles;
    }

    public List<JudgedQuery> queries() {
        return queries;
    }

    public Optional<GeneratedReport> article(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Lines of {@code id, category, query, judgments (article:grade ...), note}, tab-separated; # comments. */
    static List<JudgedQuery> parseQueries(String tsv) {
        List<JudgedQuery> queries = new ArrayList<>();
        for (String line : tsv.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 4) {
                throw new IllegalStateException("query line needs id, category, query and judgments: " + line);
            }
            Map<String, Integer> grades = new LinkedHashMap<>();
            for (String judgment : f[3].trim().split("\\s+")) {
                int colon = judgment.lastIndexOf(':');
                if (colon < 0 || grades.put(judgment.substring(0, colon), Integer.parseInt(judgment.substring(colon + 1))) != null) {
                    throw new IllegalStateException("bad or repeated judgment '" + judgment + "' in " + f[0]);
                }
            }
            queries.add(new JudgedQuery(f[0], QueryCategory.valueOf(f[1]), f[2], grades, f.length > 4 ? f[4] : ""));
        }
        return queries;
    }

    private static String read(String file) {
        try (InputStream in = JudgedSet.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("judged set resource missing: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
