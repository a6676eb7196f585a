package dev.herald.console.unit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** What ingest answers about a bulk import (its progress, the items it kept), as far as the unit's pages use it. */
public final class Bulk {

    private Bulk() {
    }

    /** An import's progress: its counts lag the work by at most a few items (ingest writes them every so often). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Import(String id, String status, Integer attempt, Long processed, Long created, Long duplicate, Long invalid,
                         Instant startedAt, Instant updatedAt, Instant finishedAt, String failure) {
        public Import {
            attempt = attempt == null ? 1 : attempt;
            processed = processed == null ? 0 : processed;
            created = created == null ? 0 : created;
            duplicate = duplicate == null ? 0 : duplicate;
            invalid = invalid == null ? 0 : invalid;
        }

        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    /** The items ingest keeps (duplicates and invalid ones, in line order); created ones are in the upload's answer only. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Items(Long total, Integer page, Integer size, List<Item> items) {
        public Items {
            total = total == null ? 0 : total;
            page = page == null ? 0 : page;
            size = size == null || size <= 0 ? 50 : size;
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(Integer line, String status, String reportId, List<Error> errors, String entry) {
        public Item {
            errors = errors == null ? List.of() : errors;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(String field, String message) {
    }
}
