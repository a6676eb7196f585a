package dev.herald.ingest.bulk;

import dev.herald.ingest.importing.Extractors;
import dev.herald.ingest.importing.PageDecoder;
import dev.herald.ingest.extraction.ExtractedField;
import dev.herald.ingest.extraction.Extraction;
import dev.herald.ingest.fetch.FetchedPage;
import dev.herald.ingest.report.SubmitReportRequest;
import dev.herald.support.web.FieldError;
import dev.herald.text.Paragraphs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The pages of a ZIP archive, one report each: every .html, .htm or .txt entry is extracted as an
 * imported page would be. The archive is read as a stream, entry by entry, so its size is bounded only by
 * the request limit; each page by {@code maxPageBytes}. Entries that are not pages (folders, images,
 * the __MACOSX shadows) are skipped without a result.
 */
final class ZipPageSource implements BulkItemSource {

    private final ZipInputStream zip;
    private final Extractors extractors;
    private final long maxPageBytes;
    private final String channel;
    private int count;
    private boolean done;

    /** @param channel the channel for pages whose own channel cannot be guessed; may be null */
    ZipPageSource(InputStream in, Extractors extractors, long maxPageBytes, String channel) {
        this.zip = new ZipInputStream(in);
        this.extractors = extractors;
        this.maxPageBytes = maxPageBytes;
        this.channel = channel;
    }

    @Override
    public BulkItem next() throws IOException {
        if (done) {
            return null;
        }
        ZipEntry entry;
        try {
            entry = zip.getNextEntry();
            while (entry != null && !isPage(entry)) {
                entry = zip.getNextEntry();
            }
        } catch (ZipException broken) {
            if (count == 0) {
                done = true;
                return new BulkItem.Unreadable(++count, List.of(new FieldError("archive", "is not a readable ZIP archive: " + broken.getMessage())));
            }
            throw new IOException("the archive broke off after " + count + " pages: " + broken.getMessage(), broken);
        }
        if (entry == null) {
            // an archive with no page at all is answered, not met with an empty result that looks like success
            done = true;
            return count++ == 0 ? new BulkItem.Unreadable(1, List.of(new FieldError("archive",
                    "holds no pages (.html, .htm or .txt files), or is not a ZIP archive"))) : null;
        }
        int line = ++count;
        String name = entry.getName();
        byte[] bytes = read();
        if (bytes == null) {
            return new BulkItem.Unreadable(line, List.of(new FieldError("page", "is larger than " + maxPageBytes + " bytes")), name);
        }
        boolean html = !name.toLowerCase(Locale.ROOT).endsWith(".txt");
        var decoded = PageDecoder.decode(new FetchedPage(name, html ? "text/html" : "text/plain", null, bytes));
        Extraction x = extractors.extract(decoded.content(), decoded.format());
        String guessed = value(x.channel());
        if (guessed == null && channel == null) {
            return new BulkItem.Unreadable(line, List.of(new FieldError("channel",
                    "no channel could be guessed from the page; name one for the archive with ?channel=")), name);
        }
        return new BulkItem.Parsed(line, new SubmitReportRequest(guessed != null ? guessed : channel, value(x.title()),
                value(x.subtitle()), x.body(), value(x.author()), value(x.contributor()), null, value(x.originalDate()),
                List.of(), Paragraphs.keepPresent(x.body(), x.sections().stream().map(s -> s.title()).toList())), name);
    }

    private static boolean isPage(ZipEntry entry) {
        String name = entry.getName().toLowerCase(Locale.ROOT);
        return !entry.isDirectory() && !name.startsWith("__macosx/") && !name.contains("/.")  && !name.startsWith(".")
                && (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".txt"));
    }

    /** The entry's bytes, or null when it is over the limit (the rest of it is skipped, not held). */
    private byte[] read() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        boolean over = false;
        for (int n; (n = zip.read(buffer)) > 0; ) {
            if (!over && out.size() + n > maxPageBytes) {
                over = true;
            }
            if (!over) {
                out.write(buffer, 0, n);
            }
        }
        return over ? null : out.toByteArray();
    }

    private static String value(ExtractedField field) {
        return field == null ? null : field.value();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
