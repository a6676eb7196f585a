package dev.herald.searchbench;

import dev.herald.search.dictionary.UserDictionary;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The floor: the service's own query for the text, built as the service builds it, run straight against
 * the same index directory for the ten best hits, nothing else: no facets, no total beyond what Lucene
 * counts on the way, no stored fields, no highlighting, no HTTP. Opened read-only, which needs no write
 * lock, so it can stand beside the running service.
 */
final class LuceneFloor implements Load.Search, AutoCloseable {

    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final FloorQueries queries = new FloorQueries(UserDictionary.starter());

    LuceneFloor(Path index) throws IOException {
        directory = FSDirectory.open(index);
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @Override
    public long hits(BenchQuery query) throws IOException {
        Query built = queries.of(query.text());
        return built == null ? 0 : searcher.search(built, 10).totalHits.value();
    }

    /** Every match, counted exactly, to check the service answers from the same index. */
    long count(BenchQuery query) throws IOException {
        Query built = queries.of(query.text());
        return built == null ? 0 : searcher.count(built);
    }

    @Override
    public void close() throws IOException {
        try (directory; reader) {
            // both closed
        }
    }
}
