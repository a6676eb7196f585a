package dev.herald.infra.embedded.store;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A read of a whole collection that goes on reading as the client pages through it. The library matches every
 * document before it answers the first page and holds them all until the cursor is drained, so with a million
 * stored articles the search service's rebuild and its start-up check filled the store's heap with every one of
 * them (found by the million-report pre-load of 2026-12-06, which stopped the store). A page here reads the
 * documents after the last one handed out, a chunk of ids at a time, each chunk from the tree as it is then: no
 * snapshot outlives a page, so no chunk the file has since freed is read, and a document written or deleted
 * meanwhile is seen as a scan at that moment would see it.
 */
final class PagedScan implements Cursor {

    /** Documents read by paged scans: what a first page costs, however large the collection. */
    static final AtomicLong READ = new AtomicLong();
    private static final int CHUNK = 256;

    private final long id;
    private final MVMap<Object, Document> data;
    private final Function<List<Document>, List<Document>> matchAndProject;
    private final ArrayDeque<Document> ahead = new ArrayDeque<>();
    private long left;
    private Object last;
    private boolean exhausted;

    /**
     * @param matchAndProject keeps the documents of a chunk the filter matches, shaped by the projection
     * @param limit           the most documents to hand out, 0 for all
     */
    PagedScan(long id, MVMap<Object, Document> data, Function<List<Document>, List<Document>> matchAndProject, int limit) {
        this.id = id;
        this.data = data;
        this.matchAndProject = matchAndProject;
        this.left = limit > 0 ? limit : Long.MAX_VALUE;
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public synchronized boolean isEmpty() {
        // what was read ahead past a limit is never handed out
        if (left <= 0) return true;
        readAhead(1);
        return ahead.isEmpty();
    }

    @Override
    public synchronized List<Document> takeDocuments(int wanted) {
        int n = (int) Math.min(left, wanted > 0 ? wanted : CHUNK);
        readAhead(n);
        List<Document> page = new ArrayList<>(Math.min(n, ahead.size()));
        while (page.size() < n && !ahead.isEmpty()) page.add(ahead.poll());
        left -= page.size();
        return page;
    }

    private void readAhead(int wanted) {
        while (ahead.size() < wanted && !exhausted && left > ahead.size()) {
            Object from = last == null ? null : data.higherKey(last);
            if (last != null && from == null) {
                exhausted = true;
                return;
            }
            List<Document> chunk = new ArrayList<>(CHUNK);
            Iterator<Object> keys = data.keyIterator(from);
            int keysRead = 0;
            while (keysRead < CHUNK && keys.hasNext()) {
                Object key = keys.next();
                keysRead++;
                last = key;
                Document document = data.get(key);
                // deleted since the key was read
                if (document != null) chunk.add(document);
            }
            READ.addAndGet(chunk.size());
            if (keysRead < CHUNK) exhausted = true;
            ahead.addAll(matchAndProject.apply(chunk));
        }
    }
}
