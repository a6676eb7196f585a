package dev.herald.infra.embedded.store;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * How a collection's documents are written into the file: {@link StoredValues}' encoding behind a marker byte.
 * Documents written before it, by H2's default type with Java serialization, begin with one of that type's
 * tags (all below the marker), so files of earlier versions open and read as before; each document is
 * rewritten in the new form the next time it changes.
 */
final class DocumentType extends BasicDataType<Document> {

    static final DocumentType INSTANCE = new DocumentType();

    // above every tag H2's ObjectDataType writes first (the highest is 119)
    private static final byte MARKER = (byte) 0xD0;
    private static final ObjectDataType EARLIER = new ObjectDataType();

    private DocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return StoredValues.memory(document);
    }

    @Override
    public void write(WriteBuffer out, Document document) {
        out.put(MARKER);
        StoredValues.write(out, document);
    }

    @Override
    public Document read(ByteBuffer in) {
        if (in.get(in.position()) != MARKER) {
            return (Document) EARLIER.read(in);
        }
        in.get();
        return (Document) StoredValues.read(in);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
