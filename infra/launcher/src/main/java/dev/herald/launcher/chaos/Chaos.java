package dev.herald.launcher.chaos;

import dev.herald.infra.embedded.WebhookReceiver;
import dev.herald.launcher.PlatformSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Runs fault scenarios against the platform as processes and reports, per scenario, how much
 * acknowledged work was lost or doubled: {@code ./herald chaos} and the crash-safety suite.
 *
 * @param reports    reports each scenario submits
 * @param rate       reports submitted per second
 * @param storePause how long the store is stopped in its scenario
 */
public record Chaos(int reports, double rate, Duration storePause, Predicate<Scenario> which) {

    /** How long the audit waits for the missing effects to shrink before it counts them as lost. */
    private static final Duration AUDIT_PATIENCE = Duration.ofMinutes(3);
    private static final Duration AUDIT_LIMIT = Duration.ofMinutes(30);

    public List<Outcome> run(Path root, Path dataDir, PrintStream out) throws Exception {
        Map<Integer, List<Scenario>> byInstances = new LinkedHashMap<>();
        for (Scenario scenario : Scenario.all(storePause)) {
            if (which.test(scenario)) byInstances.computeIfAbsent(scenario.instances(), n -> new ArrayList<>()).add(scenario);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<Integer, List<Scenario>> group : byInstances.entrySet()) {
            PlatformSettings settings = PlatformSettings.onFreePorts(root,
                    dataDir.resolve(group.getKey() == Scenario.UP ? "herald-up" : "platform-" + group.getKey()), false);
            try (Deployment platform = group.getKey() == Scenario.UP ? UpPlatform.start(settings)
                    : ProcessPlatform.start(settings, group.getKey(), out);
                 WebhookReceiver webhook = WebhookReceiver.start()) {
                for (Scenario scenario : group.getValue()) {
                    Outcome outcome = run(scenario, platform, webhook, out);
                    out.println("herald chaos: " + line(outcome));
                    outcome.problems().forEach(p -> out.println("    " + p));
                    outcomes.add(outcome);
                }
            }
        }
        return outcomes;
    }

    private Outcome run(Scenario scenario, Deployment platform, WebhookReceiver webhook, PrintStream out) throws Exception {
        out.println("herald chaos: " + scenario.name() + ": " + reports + " reports at " + rate + "/s; " + scenario.faults());
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);
        Traffic traffic = new Traffic(platform, scenario.name().replaceAll("[^a-z0-9]+", "-"), run);
        traffic.prepare(webhook);
        long deadLettersBefore = DeadLetterTopics.count(platform.kafkaBootstrap());
        AtomicReference<Instant> faultEnded = new AtomicReference<>();
        List<String> faultErrors = new ArrayList<>();
        traffic.run(reports, Duration.ofMillis((long) (reports / rate * 1000)), 0.4, () -> {
            try {
                scenario.fault().inflict(platform);
            } catch (Exception | Error e) {
                faultErrors.add("the fault's restart failed: " + e);
            } finally {
                faultEnded.set(Instant.now());
            }
        });
        traffic.approveTheRest(Duration.ofMinutes(2));
        Audit audit = new Audit(platform, traffic, webhook);
        // a backlog still shrinking is "not yet", not lost: wait while it shrinks, up to a hard limit
        Instant giveUp = Instant.now().plus(AUDIT_LIMIT);
        Instant deadline = Instant.now().plus(AUDIT_PATIENCE);
        int outstanding = Integer.MAX_VALUE;
        boolean converged = false;
        while (!converged && Instant.now().isBefore(deadline)) {
            try {
                converged = audit.pass();
                if (audit.lost < outstanding) {
                    outstanding = audit.lost;
                    deadline = min(giveUp, Instant.now().plus(AUDIT_PATIENCE));
                }
            } catch (RuntimeException unreachable) {
                audit.problems.add("audit: " + unreachable.getMessage());
            }
            if (!converged) Thread.sleep(2_000);
        }
        Duration recovery = converged ? Duration.between(faultEnded.get(), Instant.now()) : null;
        long deadLetters = DeadLetterTopics.count(platform.kafkaBootstrap()) - deadLettersBefore;
        List<String> problems = new ArrayList<>(faultErrors);
        problems.addAll(audit.problems);
        if (deadLetters > 0) problems.add(deadLetters + " events dead-lettered during the scenario");
        out.println("herald chaos: answers other than an acknowledgement (not counted as lost): " + traffic.refusals);
        return new Outcome(scenario.name(), scenario.faults(), traffic.submitted.size(), audit.approved,
                audit.lost + (int) deadLetters + faultErrors.size(), audit.duplicated, recovery, problems);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String line(Outcome o) {
        return "%s: %d submitted, %d approved, %d lost, %d duplicated, recovered %s".formatted(o.scenario(), o.submitted(),
                o.approved(), o.lost(), o.duplicated(), o.recovery() == null ? "never" : seconds(o.recovery()));
    }

    /** The outcomes as a Markdown table, as docs/crash-safety.md shows it. */
    public static String table(List<Outcome> outcomes) {
        StringBuilder table = new StringBuilder("| scenario | faults | reports acknowledged | approved | lost | duplicated | time to recover |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Outcome o : outcomes) {
            table.append("| %s | %s | %d | %d | %d | %d | %s |%n".formatted(o.scenario(), o.faults(), o.submitted(), o.approved(),
                    o.lost(), o.duplicated(), o.recovery() == null ? "never" : seconds(o.recovery())));
        }
        return table.toString();
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
