package dev.herald.launcher.chaos;

import java.time.Duration;
import java.util.List;

/**
 * What one scenario did to the platform and what the platform kept.
 *
 * @param submitted  submissions the platform acknowledged (202)
 * @param approved   reviews that ended approved, every acknowledged approval (200) among them
 * @param lost       acknowledged work, or an effect of it, missing at the end: a report, its review, an
 *                   approval undone, an approved article unpublished, unsearchable, or missing from an
 *                   inbox or a webhook receiver; and events left in a dead-letter topic
 * @param duplicated effects seen more than once: search hits, inbox notices, distinct webhook messages
 * @param recovery   from the end of the fault until every effect was in place (null when it never was, or
 *                   when the scenarios rolled on without waiting for each other)
 * @param converged  whether every effect was in place in the end
 * @param problems   the first few of what was missing or doubled, for the reader of a failure
 */
public record Outcome(String scenario, String faults, int submitted, int approved, int lost, int duplicated,
                      Duration recovery, boolean converged, List<String> problems) {

    public boolean clean() {
        return lost == 0 && duplicated == 0;
    }
}
