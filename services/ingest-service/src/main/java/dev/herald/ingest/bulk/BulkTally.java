package dev.herald.ingest.bulk;

/** Running counts of one import; only ever touched by the request that runs it. */
final class BulkTally {

    long created;
    long duplicate;
    long invalid;

    void count(BulkItemStatus status) {
        switch (status) {
            case CREATED -> created++;
            case DUPLICATE -> duplicate++;
            case INVALID -> invalid++;
        }
    }

    long processed() {
        return created + duplicate + invalid;
    }
}
