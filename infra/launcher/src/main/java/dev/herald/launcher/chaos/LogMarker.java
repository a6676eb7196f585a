package dev.herald.launcher.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Waits for a line a process writes to its log once it serves, looking only past where this start began. */
final class LogMarker {

    private LogMarker() {
    }

    /** Where a start that appends to {@code log} begins, so an earlier run's marker is not taken for this one's. */
    static long end(Path log) throws IOException {
        return Files.exists(log) ? Files.size(log) : 0;
    }

    static void await(String name, Process process, Path log, long from, String marker, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                String text = Files.readString(log);
                if (text.length() > from && text.substring((int) from).contains(marker)) {
                    return;
                }
            } catch (IOException | java.io.UncheckedIOException stillWriting) {
                // try again
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s; see " + log);
    }
}
