package dev.herald.ingest.bulk;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where a bulk import's items come from, one at a time, so an import never holds more than the item in
 * hand: NDJSON lines today ({@link NdjsonItemSource}), an archive of pages tomorrow. A source reads its
 * input lazily; a body over its size limit surfaces as {@link dev.herald.support.web.PayloadTooLargeException}.
 */
public interface BulkItemSource extends Closeable {

    /** The next item, or null when the input is exhausted. */
    BulkItem next() throws IOException;
}
