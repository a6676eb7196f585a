package dev.herald.search.engine;

import dev.herald.search.article.Article;
import dev.herald.search.article.ArticleStore;
import dev.herald.search.dictionary.DictionaryService;
import dev.herald.search.index.ArticleDocuments;
import dev.herald.search.index.IndexProperties;
import dev.herald.search.index.SearchIndex;
import dev.herald.search.query.ArticleSearch;
import dev.herald.search.query.Cursor;
import dev.herald.search.query.SearchRequest;
import dev.herald.search.query.SearchResults;
import dev.herald.search.query.SuggestionCandidates;
import dev.herald.search.query.RelatedArticles;
import dev.herald.search.query.SimilarArticles;
import dev.herald.support.web.NotFoundException;
import dev.herald.search.query.TextQuery;
import dev.herald.support.web.InvalidRequestException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The published articles in an OpenSearch cluster, over its REST API: one index behind an alias, sharded and
 * replicated by the cluster, shared by every instance of the service. Text is analysed by Herald's analysis
 * plugin on the nodes ({@code herald_words}, {@code herald_bigrams}: the embedded index's chains), and queries
 * are the embedded index's own, translated ({@link QueryDsl}).
 *
 * <p>Writes carry the article's version as an external version, so an older version arriving late, from
 * whichever instance, never replaces a newer one. A rebuild fills a new physical index from the store, writes
 * arriving meanwhile going to both, and then moves the alias in one step, so searches see a complete index
 * throughout; the old index is dropped after.
 */
public final class OpenSearchArticles implements SearchIndex, ArticleSearch, SuggestionCandidates, SimilarArticles, Closeable {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchArticles.class);
    static final int FACET_VALUES = 10;
    static final int FRAGMENT_CHARS = 120;
    private static final int BULK_DOCUMENTS = 500;
    private static final String[] TITLE_FIELDS = {"title.bigrams", "title"};
    private static final String[] BODY_FIELDS = {"body.bigrams", "body"};
    private static final List<String> PINYIN_FIELDS = List.of(ArticleDocuments.TITLE_PINYIN, ArticleDocuments.TITLE_INITIALS,
            ArticleDocuments.UNIT_PINYIN, ArticleDocuments.UNIT_INITIALS);

    private final RestClient client;
    private final EngineProperties.OpenSearch settings;
    private final DictionaryService dictionary;
    private final IndexProperties index;
    private final ZoneId zone;
    private final Analyzer analyzer = ArticleDocuments.analyzer();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<String> deletedDuringRebuild = ConcurrentHashMap.newKeySet();
    private volatile String rebuildTarget;
    private volatile RebuildStatus lastRebuild;

    public OpenSearchArticles(EngineProperties.OpenSearch settings, IndexProperties index, DictionaryService dictionary) {
        this.settings = settings;
        this.index = index;
        this.zone = index.zone();
        this.dictionary = dictionary;
        this.client = RestClient.builder(settings.hosts().stream().map(OpenSearchArticles::host).toArray(HttpHost[]::new))
                .setRequestConfigCallback(config -> config.setResponseTimeout(
                        org.apache.hc.core5.util.Timeout.ofMilliseconds(settings.requestTimeout().toMillis())))
                .build();
    }

    private static HttpHost host(String uri) {
        try {
            return HttpHost.create(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("herald.search.engine.hosts: not a URL: " + uri, e);
        }
    }

    /** Creates the first physical index and its alias unless the alias exists; safe for several instances at once. */
    public void ensureIndex() throws IOException {
        Request exists = new Request("HEAD", "/_alias/" + settings.alias());
        exists.addParameter("ignore", "404");
        if (client.performRequest(exists).getStatusLine().getStatusCode() == 200) {
            return;
        }
        String physical = createPhysicalIndex();
        Request alias = new Request("POST", "/_aliases");
        alias.setJsonEntity(write(Map.of("actions", List.of(Map.of("add", Map.of("index", physical, "alias", settings.alias()))))));
        client.performRequest(alias);
    }

    private String createPhysicalIndex() throws IOException {
        String physical = settings.alias() + "-" + System.currentTimeMillis();
        Map<String, Object> text = Map.of("type", "text", "analyzer", "herald_words",
                "fields", Map.of("bigrams", Map.of("type", "text", "analyzer", "herald_bigrams")));
        Map<String, Object> keyword = Map.of("type", "keyword");
        Map<String, Object> pinyin = Map.of("type", "text", "analyzer", "herald_pinyin");
        Map<String, Object> properties = new LinkedHashMap<>(Map.of(
                "id", keyword, "channel", keyword, "unit", keyword, "year", keyword, "suggest", keyword,
                "title", text, "body", text, "meta", text,
                "published_at", Map.of("type", "long"), "version", Map.of("type", "long", "index", false)));
        for (String field : PINYIN_FIELDS) {
            properties.put(field, pinyin);
        }
        Map<String, Object> mappings = Map.of("dynamic", "strict", "properties", properties);
        // the readings come worked out by EnginePinyin, alternatives of one character joined by '|'
        Map<String, Object> analysis = Map.of("analyzer", Map.of("herald_pinyin",
                Map.of("type", "custom", "tokenizer", "whitespace", "filter", List.of("herald_stacked"))));
        Request create = new Request("PUT", "/" + physical);
        create.addParameter("wait_for_active_shards", "1");
        create.setJsonEntity(write(Map.of(
                "settings", Map.of("number_of_shards", settings.shards(), "number_of_replicas", settings.replicas(),
                        "analysis", analysis),
                "mappings", mappings)));
        client.performRequest(create);
        return physical;
    }

    @Override
    public void put(Article article) throws IOException {
        write(settings.alias(), article);
        String target = rebuildTarget;
        if (target != null) {
            write(target, article);
        }
    }

    private void write(String into, Article article) throws IOException {
        Request request = new Request("PUT", "/" + into + "/_doc/" + encode(article.id()));
        request.addParameter("version", String.valueOf(article.version()));
        request.addParameter("version_type", "external");
        // 409: the engine holds this version or a newer one already, which is what a late or repeated write should find
        request.addParameter("ignore", "409");
        request.setJsonEntity(write(document(article)));
        client.performRequest(request);
    }

    @Override
    public void delete(String articleId) throws IOException {
        String target = rebuildTarget;
        if (target != null) {
            deletedDuringRebuild.add(articleId);
            remove(target, articleId);
        }
        remove(settings.alias(), articleId);
    }

    private void remove(String from, String articleId) throws IOException {
        Request request = new Request("DELETE", "/" + from + "/_doc/" + encode(articleId));
        request.addParameter("ignore", "404");
        client.performRequest(request);
    }

    /**
     * Creates the index when there is none, and fills it from the store when it is empty while the store is not
     * (a new cluster, or a new alias). An engine that acknowledged a write keeps it (its translog), so there is
     * no crash to repair as on the embedded index; comparing every version at each start is not done yet.
     */
    @Override
    public void catchUpWith(ArticleStore store) throws IOException {
        ensureIndex();
        if (size() == 0 && store.anyLive()) {
            rebuildFrom(store, "the engine's index was empty");
        }
    }

    @Override
    public boolean rebuilding() {
        return rebuildTarget != null;
    }

    @Override
    public RebuildStatus lastRebuild() {
        return lastRebuild;
    }

    @Override
    public synchronized void rebuildFrom(ArticleStore store, String reason) throws IOException {
        Instant started = Instant.now();
        log.info("Writing a new search engine index from the store: {}", reason);
        List<String> previous = physicalIndices();
        String target = createPhysicalIndex();
        deletedDuringRebuild.clear();
        rebuildTarget = target;
        long written;
        try {
            written = bulkWrite(target, store);
            for (String id : deletedDuringRebuild) {
                remove(target, id);
            }
            client.performRequest(new Request("POST", "/" + target + "/_refresh"));
            List<Object> actions = new ArrayList<>();
            actions.add(Map.of("add", Map.of("index", target, "alias", settings.alias())));
            for (String old : previous) {
                actions.add(Map.of("remove", Map.of("index", old, "alias", settings.alias())));
            }
            Request swap = new Request("POST", "/_aliases");
            swap.setJsonEntity(write(Map.of("actions", actions)));
            client.performRequest(swap);
        } catch (IOException | RuntimeException e) {
            rebuildTarget = null;
            Request drop = new Request("DELETE", "/" + target);
            drop.addParameter("ignore", "404");
            client.performRequest(drop);
            throw e;
        }
        rebuildTarget = null;
        lastRebuild = new RebuildStatus(started, Instant.now(), written, reason);
        for (String old : previous) {
            Request drop = new Request("DELETE", "/" + old);
            drop.addParameter("ignore", "404");
            client.performRequest(drop);
        }
        log.info("Search engine index {} written from the store in {}: {} articles", target,
                java.time.Duration.between(started, Instant.now()), written);
    }

    private long bulkWrite(String target, ArticleStore store) throws IOException {
        List<Article> batch = new ArrayList<>();
        long[] written = {0};
        try {
            store.forEach(article -> {
                batch.add(article);
                if (batch.size() == BULK_DOCUMENTS) {
                    written[0] += bulk(target, batch);
                    batch.clear();
                }
            });
            written[0] += bulk(target, batch);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return written[0];
    }

    private int bulk(String target, List<Article> articles) {
        if (articles.isEmpty()) {
            return 0;
        }
        StringBuilder body = new StringBuilder();
        for (Article article : articles) {
            body.append(write(Map.of("index", Map.of("_index", target, "_id", article.id(),
                    "version", article.version(), "version_type", "external")))).append('\n');
            body.append(write(document(article))).append('\n');
        }
        Request request = new Request("POST", "/_bulk");
        request.setJsonEntity(body.toString());
        try {
            JsonNode answer = read(client.performRequest(request));
            if (answer.path("errors").asBoolean()) {
                for (JsonNode item : answer.path("items")) {
                    int status = item.path("index").path("status").asInt();
                    if (status >= 300 && status != 409) {
                        throw new IOException("the engine refused an article of the rebuild: " + item);
                    }
                }
            }
            return articles.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> physicalIndices() throws IOException {
        Request request = new Request("GET", "/_alias/" + settings.alias());
        request.addParameter("ignore", "404");
        Response response = client.performRequest(request);
        if (response.getStatusLine().getStatusCode() == 404) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        read(response).propertyNames().forEach(names::add);
        return names;
    }

    @Override
    public void refresh() throws IOException {
        client.performRequest(new Request("POST", "/" + settings.alias() + "/_refresh"));
    }

    @Override
    public int size() {
        try {
            return read(client.performRequest(new Request("GET", "/" + settings.alias() + "/_count"))).path("count").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> document(Article article) {
        String meta = Stream.concat(Stream.of(article.subtitle(), article.unit(), article.author(), article.contributor()),
                article.tags().stream()).filter(Objects::nonNull).collect(Collectors.joining("\n"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", article.id());
        doc.put("channel", article.channel());
        doc.put("unit", article.unit());
        doc.put("year", String.valueOf(article.publishedAt().atZone(zone).getYear()));
        doc.put("title", article.title());
        doc.put("body", article.body());
        doc.put("meta", meta);
        doc.put(ArticleDocuments.TITLE_PINYIN, EnginePinyin.readings(article.title(), false));
        doc.put(ArticleDocuments.TITLE_INITIALS, EnginePinyin.readings(article.title(), true));
        doc.put(ArticleDocuments.UNIT_PINYIN, EnginePinyin.readings(article.unit(), false));
        doc.put(ArticleDocuments.UNIT_INITIALS, EnginePinyin.readings(article.unit(), true));
        doc.put("suggest", ArticleDocuments.suggestionKeys(article));
        doc.put("published_at", article.publishedAt().toEpochMilli());
        doc.put("version", article.version());
        return doc;
    }

    @Override
    public SearchResults search(SearchRequest request) {
        Query text;
        try {
            text = TextQuery.of(analyzer, request.syntax(), dictionary.current(), index.pinyin());
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidRequestException("q", "has too many words");
        }
        if (text == null) {
            return new SearchResults(request.query(), 0, request.page(), request.size(), List.of(), Map.of(), null);
        }
        Request search = new Request("POST", "/" + settings.alias() + "/_search");
        // scores from the whole index's term statistics, not each shard's, as one index would give them
        search.addParameter("search_type", "dfs_query_then_fetch");
        search.setJsonEntity(write(body(request, QueryDsl.of(text))));
        try {
            return results(request, read(client.performRequest(search)));
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 400) {
                throw new InvalidRequestException("q", "is more than the search engine accepts");
            }
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the embedded index's: the article's most distinctive words of title and body, searched for in the others. */
    @Override
    public List<RelatedArticles.Related> to(String articleId, int size) {
        if (size < 1 || size > RelatedArticles.MAX_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + RelatedArticles.MAX_SIZE);
        }
        try {
            Request get = new Request("GET", "/" + settings.alias() + "/_doc/" + encode(articleId));
            get.addParameter("ignore", "404");
            get.addParameter("_source", "id");
            JsonNode self = read(client.performRequest(get));
            if (!self.path("found").asBoolean()) {
                throw new NotFoundException("article", articleId);
            }
            Map<String, Object> like = Map.of("more_like_this", Map.of("fields", List.of("title", "body"),
                    "like", List.of(Map.of("_index", self.path("_index").asString(), "_id", articleId)),
                    "min_term_freq", 1, "min_doc_freq", 1, "min_word_length", 2, "max_query_terms", 30));
            Request search = new Request("POST", "/" + settings.alias() + "/_search");
            search.addParameter("search_type", "dfs_query_then_fetch");
            search.setJsonEntity(write(Map.of("query", like, "size", size,
                    "_source", List.of("id", "title", "channel", "unit", "published_at"))));
            List<RelatedArticles.Related> related = new ArrayList<>();
            for (JsonNode hit : read(client.performRequest(search)).path("hits").path("hits")) {
                JsonNode source = hit.path("_source");
                related.add(new RelatedArticles.Related(source.path("id").asString(), source.path("title").asString(),
                        source.path("channel").asString(), source.path("unit").asString(),
                        Instant.ofEpochMilli(source.path("published_at").asLong()), (float) hit.path("_score").asDouble()));
            }
            return related;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Candidate> newestWithKey(List<String> keyPrefixes, int max) {
        List<Object> anyKey = keyPrefixes.stream().<Object>map(key -> Map.of("prefix", Map.of("suggest", key))).toList();
        Request search = new Request("POST", "/" + settings.alias() + "/_search");
        search.setJsonEntity(write(Map.of("query", Map.of("bool", Map.of("should", anyKey)), "size", max,
                "sort", List.of(Map.of("published_at", "desc"), Map.of("id", "asc")), "_source", List.of("id", "title", "unit"))));
        try {
            List<Candidate> candidates = new ArrayList<>();
            for (JsonNode hit : read(client.performRequest(search)).path("hits").path("hits")) {
                JsonNode source = hit.path("_source");
                candidates.add(new Candidate(source.path("id").asString(), source.path("title").asString(), source.path("unit").asString()));
            }
            return candidates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> body(SearchRequest request, Map<String, Object> text) {
        List<Object> filters = new ArrayList<>();
        if (request.channel() != null) {
            filters.add(Map.of("term", Map.of("channel", request.channel())));
        }
        if (request.unit() != null) {
            filters.add(Map.of("term", Map.of("unit", request.unit())));
        }
        if (request.from() != null || request.to() != null) {
            Map<String, Object> range = new LinkedHashMap<>();
            if (request.from() != null) {
                range.put("gte", request.from().atStartOfDay(zone).toInstant().toEpochMilli());
            }
            if (request.to() != null) {
                range.put("lt", request.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
            }
            filters.add(Map.of("range", Map.of("published_at", range)));
        }
        boolean byDate = request.order() == SearchRequest.Order.DATE;
        List<Object> sort = new ArrayList<>();
        if (!byDate) {
            sort.add(Map.of("_score", "desc"));
        }
        sort.add(Map.of("published_at", "desc"));
        sort.add(Map.of("id", "asc"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", Map.of("bool", Map.of("must", List.of(text), "filter", filters)));
        body.put("sort", sort);
        body.put("track_scores", true);
        body.put("track_total_hits", true);
        // one hit more than the page shows whether there is a next page
        body.put("size", request.size() + 1);
        if (request.after() == null) {
            body.put("from", request.page() * request.size());
        } else {
            Cursor after = request.after();
            body.put("search_after", byDate ? List.of(after.publishedAt(), after.id())
                    : List.of(after.score(), after.publishedAt(), after.id()));
        }
        body.put("_source", List.of("id", "title", "channel", "unit", "published_at", "body"));
        Map<String, Object> aggs = new LinkedHashMap<>();
        for (String facet : List.of("channel", "unit", "year")) {
            aggs.put(facet, Map.of("terms", Map.of("field", facet, "size", FACET_VALUES,
                    "order", List.of(Map.of("_count", "desc"), Map.of("_key", "asc")))));
        }
        body.put("aggs", aggs);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : TITLE_FIELDS) {
            fields.put(field, Map.of("number_of_fragments", 0));
        }
        for (String field : BODY_FIELDS) {
            fields.put(field, Map.of("fragment_size", FRAGMENT_CHARS, "number_of_fragments", 1));
        }
        body.put("highlight", Map.of("type", "unified", "encoder", "html", "pre_tags", List.of("<em>"),
                "post_tags", List.of("</em>"), "require_field_match", true, "fields", fields));
        return body;
    }

    private SearchResults results(SearchRequest request, JsonNode answer) {
        if (answer.path("_shards").path("failed").asInt() > 0) {
            // part of the index did not answer: a short page would look like a complete one
            throw new IllegalStateException("the search engine answered from only part of the index: " + answer.path("_shards"));
        }
        JsonNode found = answer.path("hits").path("hits");
        int shown = Math.min(found.size(), request.size());
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            hits.add(hit(found.get(i)));
        }
        String next = null;
        if (found.size() > shown && shown > 0) {
            JsonNode last = found.get(shown - 1).path("sort");
            next = (request.order() == SearchRequest.Order.DATE
                    ? new Cursor(request.order(), 0f, last.get(0).asLong(), last.get(1).asString())
                    : new Cursor(request.order(), (float) last.get(0).asDouble(), last.get(1).asLong(), last.get(2).asString()))
                    .encode();
        }
        Map<String, List<SearchResults.FacetCount>> facets = new LinkedHashMap<>();
        for (String facet : List.of("channel", "unit", "year")) {
            List<SearchResults.FacetCount> counts = new ArrayList<>();
            for (JsonNode bucket : answer.path("aggregations").path(facet).path("buckets")) {
                counts.add(new SearchResults.FacetCount(bucket.path("key").asString(), bucket.path("doc_count").asLong()));
            }
            facets.put(facet, counts);
        }
        long total = answer.path("hits").path("total").path("value").asLong();
        return new SearchResults(request.query(), total, request.page(), request.size(), hits, facets, next);
    }

    private static SearchResults.Hit hit(JsonNode hit) {
        JsonNode source = hit.path("_source");
        JsonNode highlight = hit.path("highlight");
        String title = marked(highlight, TITLE_FIELDS);
        String snippet = marked(highlight, BODY_FIELDS);
        return new SearchResults.Hit(source.path("id").asString(),
                title != null ? title : escape(source.path("title").asString()),
                source.path("channel").asString(), source.path("unit").asString(),
                Instant.ofEpochMilli(source.path("published_at").asLong()),
                snippet != null ? snippet : opening(source.path("body").asString()));
    }

    /** The first field's marked text, pairs before words as the embedded snippets choose, a phrase's pairs as one. */
    private static String marked(JsonNode highlight, String[] fields) {
        for (String field : fields) {
            JsonNode fragments = highlight.path(field);
            if (fragments.isArray() && !fragments.isEmpty()) {
                return fragments.get(0).asString().strip().replace("</em><em>", "");
            }
        }
        return null;
    }

    private static String opening(String body) {
        int end = body.codePointCount(0, body.length()) <= FRAGMENT_CHARS ? body.length() : body.offsetByCodePoints(0, FRAGMENT_CHARS);
        return escape(body.substring(0, end));
    }

    private static String escape(String text) {
        return org.apache.lucene.search.highlight.SimpleHTMLEncoder.htmlEncode(text);
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    private JsonNode read(Response response) throws IOException {
        try {
            return json.readTree(EntityUtils.toString(response.getEntity()));
        } catch (ParseException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
        analyzer.close();
    }
}
