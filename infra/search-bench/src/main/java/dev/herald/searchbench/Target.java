package dev.herald.searchbench;

/**
 * One backend the search service is measured on.
 *
 * @param nodes OpenSearch nodes started for it, 0 for the embedded index. One node holds 2 shards and no
 *              replica; two hold 2 shards with 1 replica each, as the service's defaults and its tests do, so
 *              every query reads a whole copy of the index either way.
 */
record Target(String name, int nodes) {

    static final Target EMBEDDED = new Target("embedded", 0);
    static final int SHARDS = 2;

    static Target engine(int nodes) {
        return new Target("OpenSearch, " + nodes + (nodes == 1 ? " node" : " nodes"), nodes);
    }

    boolean engine() {
        return nodes > 0;
    }

    int replicas() {
        return Math.min(nodes - 1, 1);
    }

    /** The name of its HTTP levels in the report; the embedded one keeps the name earlier reports used. */
    String level() {
        return engine() ? "HTTP, " + name : "HTTP";
    }
}
