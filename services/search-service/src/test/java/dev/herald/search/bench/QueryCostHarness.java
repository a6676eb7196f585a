package dev.herald.search.bench;

import dev.herald.search.query.Snippets;
import dev.herald.search.query.TextQuery;
import dev.herald.search.index.ArticleDocuments;
import dev.herald.corpus.GeneratedReport;
import dev.herald.corpus.ReportGenerator;
import dev.herald.corpus.relevance.JudgedSet;
import dev.herald.search.article.Article;
import dev.herald.search.dictionary.UserDictionary;
import dev.herald.search.analysis.Analyzers;
import dev.herald.text.ChineseText;
import dev.herald.text.SearchSyntax;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not a test of behaviour but a measuring tool, run on demand ({@code -Dtest=QueryCostHarness -Dherald.qcost=true}),
 * since it first indexes 30,000 generated articles: what each
 * query of the search benchmark's mix costs Lucene, {@code searcher.search(query, 10)} alone as the
 * benchmark's floor runs it, on an index of generated articles kept in {@code herald.qcost.index} between
 * runs so a change to query building is measured on the same index. Beside it, what the service does for a
 * first page (sorted, exact total, facets, snippets), less HTTP. It writes each query's cost, total and ten
 * best ids to {@code target/query-cost.tsv}.
 */
class QueryCostHarness {

    private static final int ARTICLES = Integer.getInteger("herald.qcost.articles", 30_000);
    private static final Path INDEX = Path.of(System.getProperty("herald.qcost.index", "/tmp/herald-qcost-index-" + ARTICLES));
    private static final int ROUNDS = Integer.getInteger("herald.qcost.rounds", 15);

    @Test
    @EnabledIfSystemProperty(named = "herald.qcost", matches = "true")
    void measureEveryQueryOfTheMix() throws Exception {
        List<String> titles = new ArrayList<>();
        if (!Files.exists(INDEX.resolve("done"))) {
            build(titles);
        } else {
            new ReportGenerator(2026).stream(5_000).forEach(r -> titles.add(r.title()));
        }
        Map<String, String> queries = new LinkedHashMap<>();
        JudgedSet.load().queries().forEach(q -> queries.put(q.text(), q.category().label()));
        frequentWords(titles).stream().filter(w -> !queries.containsKey(w)).limit(16).forEach(w -> queries.put(w, "frequent"));
        UserDictionary dictionary = UserDictionary.starter();
        Analyzer analyzer = ArticleDocuments.analyzer();
        // To compare a change of query building on the same index and under the same load, copy the previous
        // TextQuery into this package under another name and add it here: rounds alternate between builders.
        List<Builder> builders = List.of(
                new Builder("current", t -> TextQuery.of(analyzer, SearchSyntax.parse(t), dictionary)));
        StringBuilder out = new StringBuilder("query\tkind");
        for (Builder b : builders) {
            out.append("\t").append(b.name).append(" floor p50\t").append(b.name).append(" service p50\t")
                    .append(b.name).append(" total");
        }
        out.append(builders.size() == 2 ? "\tsame top10 floor\tsame top10 service\n" : "\ttop10 floor\ttop10 service\n");
        try (FSDirectory dir = FSDirectory.open(INDEX); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = searcher.storedFields();
            SortedSetDocValuesReaderState facetState = new DefaultSortedSetDocValuesReaderState(reader, ArticleDocuments.FACETS);
            for (int warm = 0; warm < 3; warm++) {
                for (String text : queries.keySet()) {
                    for (Builder b : builders) {
                        Query q = b.build.apply(text);
                        if (q != null) {
                            searcher.search(q, 10);
                            asTheServiceDoes(searcher, analyzer, q, facetState);
                        }
                    }
                }
            }
            for (var entry : queries.entrySet()) {
                String text = entry.getKey();
                out.append(text).append("\t").append(entry.getValue());
                List<List<String>> floorIds = new ArrayList<>();
                List<List<String>> serviceIds = new ArrayList<>();
                double[][] floor = new double[builders.size()][ROUNDS];
                double[][] service = new double[builders.size()][ROUNDS];
                for (int i = 0; i < ROUNDS; i++) {
                    for (int k = 0; k < builders.size(); k++) {
                        Builder b = builders.get(k);
                        long t0 = System.nanoTime();
                        Query q = b.build.apply(text);
                        TopDocs top = q == null ? null : searcher.search(q, 10);
                        long t1 = System.nanoTime();
                        List<String> sids = asTheServiceDoes(searcher, analyzer, b.build.apply(text), facetState);
                        long t2 = System.nanoTime();
                        floor[k][i] = (t1 - t0) / 1e6;
                        service[k][i] = (t2 - t1) / 1e6;
                        b.floor.add(floor[k][i]);
                        b.service.add(service[k][i]);
                        if (i == 0) {
                            List<String> ids = new ArrayList<>();
                            if (top != null) {
                                for (ScoreDoc sd : top.scoreDocs) {
                                    ids.add(stored.document(sd.doc).get(ArticleDocuments.ID));
                                }
                            }
                            floorIds.add(ids);
                            serviceIds.add(sids);
                        }
                    }
                }
                for (int k = 0; k < builders.size(); k++) {
                    Arrays.sort(floor[k]);
                    Arrays.sort(service[k]);
                    Query q = builders.get(k).build.apply(text);
                    out.append(String.format("\t%.2f\t%.2f\t%d", floor[k][ROUNDS / 2], service[k][ROUNDS / 2],
                            q == null ? 0 : searcher.count(q)));
                }
                out.append("\t").append(compared(floorIds)).append("\t").append(compared(serviceIds));
                out.append("\n");
            }
        }
        for (Builder b : builders) {
            out.append(percentiles(b.name + " floor", b.floor)).append(percentiles(b.name + " service", b.service));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "query-cost.tsv"), out);
        System.out.print(out);
    }

    /** With two builders, whether they gave the same ten ids in the same order; with one, the ids. */
    private static String compared(List<List<String>> ids) {
        if (ids.size() != 2) {
            return String.join(",", ids.getFirst());
        }
        return ids.get(0).equals(ids.get(1)) ? "same" : ids.get(0) + " vs " + ids.get(1);
    }

    private record Builder(String name, java.util.function.Function<String, Query> build, List<Double> floor, List<Double> service) {
        Builder(String name, java.util.function.Function<String, Query> build) {
            this(name, build, new ArrayList<>(), new ArrayList<>());
        }
    }

    private static String percentiles(String level, List<Double> all) {
        all.sort(Double::compare);
        return String.format("# %s: n=%d p50 %.2f p90 %.2f p99 %.2f max %.2f ms%n", level, all.size(),
                all.get(all.size() / 2), all.get((int) Math.ceil(all.size() * 0.9) - 1),
                all.get((int) Math.ceil(all.size() * 0.99) - 1), all.get(all.size() - 1));
    }

    /** What SearchService.run does for a first page of ten, less HTTP and JSON: the ids it would show. */
    private static List<String> asTheServiceDoes(IndexSearcher searcher, Analyzer analyzer, Query query,
                                                 SortedSetDocValuesReaderState facetState) throws Exception {
        if (query == null) {
            return List.of();
        }
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(ArticleDocuments.PUBLISHED_AT, SortField.Type.LONG, true),
                new SortField(ArticleDocuments.ID_SORT, SortField.Type.STRING));
        Query filtered = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST).build();
        FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.search(searcher, filtered, 11, sort, true,
                new FacetsCollectorManager());
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(facetState, found.facetsCollector());
        for (String dimension : List.of(ArticleDocuments.CHANNEL, ArticleDocuments.UNIT, ArticleDocuments.YEAR)) {
            counts.getTopChildren(10, dimension);
        }
        Snippets snippets = Snippets.of(searcher, query, analyzer);
        StoredFields stored = searcher.storedFields();
        List<String> ids = new ArrayList<>();
        ScoreDoc[] top = found.topDocs().scoreDocs;
        for (int i = 0; i < Math.min(10, top.length); i++) {
            var doc = stored.document(top[i].doc);
            var matched = snippets.matchedFields(top[i].doc);
            snippets.title(doc.get(ArticleDocuments.TITLE), matched);
            snippets.body(doc.get(ArticleDocuments.BODY), matched);
            ids.add(doc.get(ArticleDocuments.ID));
        }
        return ids;
    }

    private static void build(List<String> titles) throws Exception {
        Files.createDirectories(INDEX);
        try (FSDirectory dir = FSDirectory.open(INDEX);
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(ArticleDocuments.analyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(256))) {
            ReportGenerator generator = new ReportGenerator(2026);
            for (int done = 0; done < ARTICLES; done += 1_000) {
                List<GeneratedReport> batch = generator.stream(Math.min(1_000, ARTICLES - done)).toList();
                batch.parallelStream().forEach(r -> {
                    try {
                        writer.addDocument(ArticleDocuments.of(article(r), 1, ZoneId.of("Asia/Shanghai")));
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                batch.stream().limit(Math.max(0, 5_000 - titles.size())).forEach(r -> titles.add(r.title()));
            }
            writer.forceMerge(14);
            writer.commit();
        }
        Files.writeString(INDEX.resolve("done"), "");
    }

    private static Article article(GeneratedReport r) {
        return new Article(r.id(), 1, r.unit(), r.channel(), r.title(), r.subtitle(), r.body(), r.author(), r.contributor(),
                null, null, r.tags(), r.publishedAt(), null);
    }

    private static List<String> frequentWords(List<String> titles) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Analyzer words = Analyzers.words()) {
            for (String title : titles) {
                try (TokenStream tokens = words.tokenStream("title", title)) {
                    CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                    tokens.reset();
                    while (tokens.incrementToken()) {
                        String word = term.toString();
                        if (word.length() >= 2 && word.codePoints().allMatch(c -> ChineseText.containsHan(Character.toString(c)))) {
                            counts.merge(word, 1, Integer::sum);
                        }
                    }
                    tokens.end();
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).limit(32).toList();
    }
}
