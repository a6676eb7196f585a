package dev.herald.launcher.chaos;

import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing acknowledged is ever lost, proven by killing real processes: every scenario of the chaos
 * suite at CI size. Each part of the platform runs as a process of its own; units submit and moderators
 * approve through HTTP while one part (or all) is killed with SIGKILL, or the store is stopped with
 * SIGSTOP. Afterwards every acknowledged submission must be reviewed, every acknowledged approval
 * published, searchable, in the subscriber's inbox and at its webhook, each exactly once, and no event
 * may sit in a dead-letter topic. The scenarios of one platform roll on without waiting for each other's
 * recovery ({@link Chaos#rolling()}); {@code ./herald chaos} runs them one at a time and times each recovery.
 */
class CrashSafetyIT {

    /** Busy CPU ticks (1/100 s) of all cores since boot, from /proc/stat: 0 where there is none. */
    private static long machineBusyTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) busy += Long.parseLong(cpu[i]); // all but idle and iowait
            }
            return busy;
        } catch (java.io.IOException | RuntimeException notLinux) {
            return 0;
        }
    }

    /** Each line with the seconds since the test began: where its minutes go. */
    private static PrintStream secondsSinceStart(PrintStream out) {
        long start = System.nanoTime();
        return new PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                super.println(String.format(java.util.Locale.ROOT, "%6.1f s %s", (System.nanoTime() - start) / 1e9, line));
            }
        };
    }

    @Test
    void noScenarioLosesOrDoublesAcknowledgedWork() throws Exception {
        Path root = Path.of(System.getProperty("herald.root", "../..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("herald-chaos");
        // rolling: each platform's faults follow one another while earlier work is still in flight, and all of it
        // is audited at the end, so the suite pays for the faults rather than for waiting out each recovery
        Chaos chaos = new Chaos(Integer.getInteger("herald.chaos.reports", 60), 10, Duration.ofSeconds(20), s -> true, true);

        long machineBusyBefore = machineBusyTicks();
        List<Outcome> outcomes = chaos.run(root, data, secondsSinceStart(System.out));

        System.out.println(Chaos.table(outcomes));
        // where the run's minutes went: the machine's busy time beside the parts' own (printed as they closed)
        System.out.printf("herald chaos: machine busy %.0f s of CPU; this test's own JVM (clients, audits) %.0f s%n",
                (machineBusyTicks() - machineBusyBefore) / 100.0,
                ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0);
        assertThat(outcomes).hasSize(Scenario.all(Duration.ofSeconds(20)).size());
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.submitted()).as(outcome.scenario() + ": acknowledged submissions").isGreaterThan(0);
            assertThat(outcome.problems()).as(outcome.scenario() + ": what went missing or doubled").isEmpty();
            assertThat(outcome.clean()).as(outcome.scenario()).isTrue();
        });
    }
}
