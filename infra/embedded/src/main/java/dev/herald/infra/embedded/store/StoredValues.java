package dev.herald.infra.embedded.store;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The store's own encoding of the values documents hold, and a total order over them. H2's default type
 * writes anything that is not a plain Java value with Java serialization, and orders such keys by
 * serializing both on every comparison: with documents and index keys being exactly such objects, that was
 * three fifths of the store's CPU in a fan-out of 10,000 notices (docs/benchmarks.md). Every value the wire
 * protocol produces has a tag here; anything else still goes through H2's type, so nothing is refused.
 */
final class StoredValues {

    private static final int NULL = 0, MISSING = 1, STRING = 2, INT = 3, LONG = 4, DOUBLE = 5, FALSE = 6, TRUE = 7,
            OBJECT_ID = 8, UUID_ = 9, INSTANT = 10, DOCUMENT = 11, LIST = 12, OTHER = 13;

    // stateless for what it writes and reads here: H2 keeps per-instance statistics only for memory estimates
    private static final ObjectDataType FALLBACK = new ObjectDataType();

    private StoredValues() {
    }

    static void write(WriteBuffer out, Object value) {
        switch (value) {
            case null -> out.put((byte) NULL);
            case Missing ignored -> out.put((byte) MISSING);
            case String s -> {
                out.put((byte) STRING).putVarInt(s.length());
                out.putStringData(s, s.length());
            }
            case Integer i -> out.put((byte) INT).putInt(i);
            case Long l -> out.put((byte) LONG).putLong(l);
            case Double d -> out.put((byte) DOUBLE).putDouble(d);
            case Boolean b -> out.put((byte) (b ? TRUE : FALSE));
            case ObjectId id -> out.put((byte) OBJECT_ID).put(id.toByteArray());
            case UUID uuid -> out.put((byte) UUID_).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            // whole nanoseconds: a BSON date holds milliseconds, but what the store computes itself may hold more
            case Instant instant -> out.put((byte) INSTANT).putLong(instant.getEpochSecond()).putInt(instant.getNano());
            case Document document -> {
                out.put((byte) DOCUMENT).putVarInt(document.size());
                for (Map.Entry<String, Object> entry : document.entrySet()) {
                    String key = entry.getKey();
                    out.putVarInt(key.length());
                    out.putStringData(key, key.length());
                    write(out, entry.getValue());
                }
            }
            case List<?> list -> {
                out.put((byte) LIST).putVarInt(list.size());
                for (Object element : list) {
                    write(out, element);
                }
            }
            default -> {
                out.put((byte) OTHER);
                FALLBACK.write(out, value);
            }
        }
    }

    static Object read(ByteBuffer in) {
        int tag = in.get();
        return switch (tag) {
            case NULL -> null;
            case MISSING -> Missing.getInstance();
            case STRING -> DataUtils.readString(in, DataUtils.readVarInt(in));
            case INT -> in.getInt();
            case LONG -> in.getLong();
            case DOUBLE -> in.getDouble();
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case OBJECT_ID -> {
                byte[] bytes = new byte[12];
                in.get(bytes);
                yield new ObjectId(bytes);
            }
            case UUID_ -> new UUID(in.getLong(), in.getLong());
            case INSTANT -> Instant.ofEpochSecond(in.getLong(), in.getInt());
            case DOCUMENT -> readDocument(in);
            case LIST -> {
                int size = DataUtils.readVarInt(in);
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                yield list;
            }
            case OTHER -> FALLBACK.read(in);
            default -> throw new IllegalStateException("store: unknown value tag " + tag + " at " + (in.position() - 1));
        };
    }

    static Document readDocument(ByteBuffer in) {
        int size = DataUtils.readVarInt(in);
        Document document = new Document();
        for (int i = 0; i < size; i++) {
            String key = DataUtils.readString(in, DataUtils.readVarInt(in));
            document.put(key, read(in));
        }
        return document;
    }

    /**
     * A total order consistent with {@code equals}, which is all a map's keys need: values of different
     * classes order by class, values of one class by their own order, documents and lists element by element.
     */
    static int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        int byRank = Integer.compare(rank(a), rank(b));
        if (byRank != 0) {
            return byRank;
        }
        return switch (a) {
            case String s -> s.compareTo((String) b);
            case Integer i -> i.compareTo((Integer) b);
            case Long l -> l.compareTo((Long) b);
            case Double d -> d.compareTo((Double) b);
            case Boolean bool -> bool.compareTo((Boolean) b);
            case ObjectId id -> id.compareTo((ObjectId) b);
            case UUID uuid -> uuid.compareTo((UUID) b);
            case Instant instant -> instant.compareTo((Instant) b);
            case Document document -> compareDocuments(document, (Document) b);
            case List<?> list -> compareLists(list, (List<?>) b);
            case null, default -> compareOther(a, b);
        };
    }

    private static int rank(Object value) {
        return switch (value) {
            case null -> NULL;
            case Missing ignored -> MISSING;
            case String ignored -> STRING;
            case Integer ignored -> INT;
            case Long ignored -> LONG;
            case Double ignored -> DOUBLE;
            case Boolean ignored -> TRUE;
            case ObjectId ignored -> OBJECT_ID;
            case UUID ignored -> UUID_;
            case Instant ignored -> INSTANT;
            case Document ignored -> DOCUMENT;
            case List<?> ignored -> LIST;
            default -> OTHER;
        };
    }

    private static int compareDocuments(Document a, Document b) {
        Iterator<Map.Entry<String, Object>> left = a.entrySet().iterator(), right = b.entrySet().iterator();
        while (left.hasNext() && right.hasNext()) {
            Map.Entry<String, Object> x = left.next(), y = right.next();
            int c = x.getKey().compareTo(y.getKey());
            if (c == 0) {
                c = compare(x.getValue(), y.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareLists(List<?> a, List<?> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    // rare kinds (binary data, decimals, timestamps...): by class, then by H2's bytes, as H2 itself ordered them
    private static int compareOther(Object a, Object b) {
        int byClass = a.getClass().getName().compareTo(b.getClass().getName());
        if (byClass != 0) {
            return byClass;
        }
        if (a.equals(b)) {
            return 0;
        }
        return Arrays.compareUnsigned(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
    }

    /** A rough size in memory, for the page cache's accounting; it need not be exact, only cheap. */
    static int memory(Object value) {
        return switch (value) {
            case String s -> 48 + 2 * s.length();
            case Document document -> {
                int bytes = 64;
                for (Map.Entry<String, Object> entry : document.entrySet()) {
                    bytes += 40 + 2 * entry.getKey().length() + memory(entry.getValue());
                }
                yield bytes;
            }
            case List<?> list -> {
                int bytes = 40;
                for (Object element : list) {
                    bytes += 8 + memory(element);
                }
                yield bytes;
            }
            case null, default -> 24;
        };
    }
}
