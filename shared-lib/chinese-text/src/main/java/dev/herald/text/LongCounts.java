package dev.herald.text;

/**
 * Counts keyed by a long, in open addressing with linear probing: an n-gram model of a few hundred
 * thousand characters makes too many lookups per screening for boxed keys. Key 0 marks an empty slot,
 * which n-gram keys never are (they always hold a non-zero character).
 */
final class LongCounts {

    private long[] keys;
    private long[] values;
    private int size;

    LongCounts() {
        this(1024);
    }

    /** Room for {@code expected} keys before the table has to grow. */
    LongCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2;
        keys = new long[capacity];
        values = new long[capacity];
    }

    long get(long key) {
        int mask = keys.length - 1;
        for (int at = slot(key, mask); ; at = (at + 1) & mask) {
            if (keys[at] == key) {
                return values[at];
            }
            if (keys[at] == 0) {
                return 0;
            }
        }
    }

    void add(long key, long delta) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int at = slot(key, mask);
        while (keys[at] != 0 && keys[at] != key) {
            at = (at + 1) & mask;
        }
        if (keys[at] == 0) {
            keys[at] = key;
            size++;
        }
        values[at] += delta;
    }

    int size() {
        return size;
    }

    /** Calls {@code action} with every key and its count, in no particular order. */
    void forEach(Entry action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    interface Entry {
        void accept(long key, long value);
    }

    private void grow() {
        long[] oldKeys = keys, oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = (key ^ (key >>> 33)) * 0xFF51AFD7ED558CCDL;
        return (int) (h ^ (h >>> 33)) & mask;
    }
}
