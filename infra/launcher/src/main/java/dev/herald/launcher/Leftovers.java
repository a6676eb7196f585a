package dev.herald.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The service JVMs a platform started, by pid, in {@code data/pids}. A launcher killed with SIGKILL (a
 * power cut of the terminal, an OOM kill) cannot stop its children, which keep their ports and their
 * view of the data; the next {@code ./herald up} on the same data stops them first, so the platform
 * comes back whole on what was acknowledged.
 */
final class Leftovers {

    private final Path file;

    Leftovers(Path dataDir) {
        this.file = dataDir.resolve("pids");
    }

    /** Kills (SIGKILL, as the launcher's death left them) whatever service JVM of an earlier run still lives. */
    void stopEarlierRun(PrintStream out) {
        if (!Files.exists(file)) return;
        try {
            for (String line : Files.readAllLines(file)) {
                Optional<ProcessHandle> process = line.isBlank() ? Optional.empty() : ProcessHandle.of(Long.parseLong(line.strip()));
                process.filter(ProcessHandle::isAlive).filter(Leftovers::isHeraldService).ifPresent(p -> {
                    out.println("herald: stopping process " + p.pid() + " left running by an earlier ./herald up");
                    p.destroyForcibly();
                    p.onExit().join();
                });
            }
            Files.delete(file);
        } catch (IOException | NumberFormatException e) {
            out.println("herald: could not read " + file + " (" + e.getMessage() + "); continuing");
        }
    }

    void record(Process process) {
        try {
            Files.writeString(file, process.pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale file only names processes that are gone, which the next start skips
        }
    }

    /** Only a JVM running one of Herald's jars: a pid may have been reused by something else since. */
    private static boolean isHeraldService(ProcessHandle process) {
        List<String> arguments = process.info().arguments().map(List::of).orElse(List.of());
        return arguments.stream().anyMatch(a -> a.matches(".*(herald-auth-server|-service)-.*-exec\\.jar"));
    }
}
