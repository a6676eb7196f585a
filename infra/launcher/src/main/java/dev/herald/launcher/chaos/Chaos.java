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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Runs fault scenarios against the platform as processes and reports, per scenario, how much
 * acknowledged work was lost or doubled: {@code ./herald chaos} and the crash-safety suite.
 *
 * <p>Scenarios that share a kind of platform run on one. One after another, each waits until its own
 * work is all in place before the next begins, which times each recovery on its own. Rolling, the next
 * fault follows as soon as the previous one's traffic is sent and its part restarted, and every
 * scenario's work is audited at the end: the faults then also hit work still in flight from the ones
 * before (a harder test), but no recovery is timed on its own, and the suite spends its minutes on
 * faults rather than on waiting for each backlog to drain. Rolling, the platforms (the parts as processes,
 * {@code ./herald up}) also run at the same time.
 *
 * @param reports    reports each scenario submits
 * @param rate       reports submitted per second
 * @param storePause how long the store is stopped in its scenario
 * @param rolling    whether the scenarios of a platform follow each other without waiting for recovery
 */
public record Chaos(int reports, double rate, Duration storePause, Predicate<Scenario> which, boolean rolling) {

    /** How long the audit waits for the missing effects to shrink before it counts them as lost. */
    private static final Duration AUDIT_PATIENCE = Duration.ofMinutes(3);
    private static final Duration AUDIT_LIMIT = Duration.ofMinutes(30);
    private static final Duration APPROVAL_PATIENCE = Duration.ofMinutes(2);

    public Chaos(int reports, double rate, Duration storePause, Predicate<Scenario> which) {
        this(reports, rate, storePause, which, false);
    }

    public List<Outcome> run(Path root, Path dataDir, PrintStream out) throws Exception {
        Map<Integer, List<Scenario>> byInstances = new LinkedHashMap<>();
        for (Scenario scenario : Scenario.all(storePause)) {
            if (which.test(scenario)) byInstances.computeIfAbsent(scenario.instances(), n -> new ArrayList<>()).add(scenario);
        }
        if (!rolling) {
            List<Outcome> outcomes = new ArrayList<>();
            for (List<Scenario> scenarios : byInstances.values()) outcomes.addAll(onItsPlatform(scenarios, root, dataDir, out));
            return outcomes;
        }
        // one platform of processes, fewest instances first, scaled out when a scenario needs more
        List<List<Scenario>> platforms = new ArrayList<>();
        List<Scenario> onProcesses = byInstances.entrySet().stream().filter(g -> g.getKey() != Scenario.UP)
                .sorted(Map.Entry.comparingByKey()).flatMap(g -> g.getValue().stream()).toList();
        if (!onProcesses.isEmpty()) platforms.add(onProcesses);
        if (byInstances.containsKey(Scenario.UP)) platforms.add(byInstances.get(Scenario.UP));
        // rolling, the platforms run side by side: one restarting JVM keeps a core busy and leaves the other
        // idle, which the other platform's work fills (measured: the process platform alone kept a 2-core
        // machine 78 % busy); each platform's faults also land on a machine loaded by the other's
        List<Future<List<Outcome>>> running = new ArrayList<>();
        try (ExecutorService side = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("chaos-platform-", 1).factory())) {
            for (List<Scenario> scenarios : platforms) {
                running.add(side.submit(() -> onItsPlatform(scenarios, root, dataDir, out)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<List<Outcome>> platform : running) {
                try {
                    outcomes.addAll(platform.get());
                } catch (ExecutionException e) {
                    running.forEach(f -> f.cancel(true));
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return outcomes;
        }
    }

    private List<Outcome> onItsPlatform(List<Scenario> scenarios, Path root, Path dataDir, PrintStream out) throws Exception {
        int instances = scenarios.getFirst().instances();
        PlatformSettings settings = PlatformSettings.onFreePorts(root,
                dataDir.resolve(instances == Scenario.UP ? "herald-up" : "platform-" + instances), false);
        try (Deployment platform = instances == Scenario.UP ? UpPlatform.start(settings)
                : ProcessPlatform.start(settings, instances, out);
             WebhookReceiver webhook = WebhookReceiver.start()) {
            return play(scenarios, platform, webhook, out);
        }
    }

    /**
     * The scenarios one after another on one platform, each settled before the next, or, rolling, all
     * settled at the end. A platform of processes is scaled out, holding what the earlier scenarios left
     * in flight, when a scenario needs more instances, so it starts once rather than once per size.
     */
    private List<Outcome> play(List<Scenario> scenarios, Deployment platform, WebhookReceiver webhook, PrintStream out)
            throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        List<Trial> trials = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            if (platform instanceof ProcessPlatform processes && scenario.instances() > processes.instances()) {
                out.println("herald chaos: scaling out to " + scenario.instances() + " instances of each service");
                processes.scaleTo(scenario.instances());
            }
            Trial trial = inflict(scenario, platform, webhook, out);
            if (rolling) {
                trials.add(trial);
            } else {
                outcomes.add(report(settle(trial, platform, webhook, out), out));
            }
        }
        // every scenario's queue is worked through before any audit begins, so the effects of the first approvals
        // travel through search and notification while the later ones are made, rather than each audit waiting
        // out its own scenario's propagation
        for (Trial trial : trials) {
            trial.traffic().approveTheRest(APPROVAL_PATIENCE);
        }
        for (Trial trial : trials) {
            outcomes.add(report(settle(trial, platform, webhook, out), out));
        }
        return outcomes;
    }

    /** A scenario whose traffic has been sent and whose fault is over, its effects not yet audited. */
    private record Trial(Scenario scenario, Traffic traffic, long deadLettersBefore, Instant faultEnded,
                         List<String> faultErrors) {
    }

    private Trial inflict(Scenario scenario, Deployment platform, WebhookReceiver webhook, PrintStream out) throws Exception {
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
        return new Trial(scenario, traffic, deadLettersBefore, faultEnded.get(), faultErrors);
    }

    private Outcome settle(Trial trial, Deployment platform, WebhookReceiver webhook, PrintStream out) throws Exception {
        Traffic traffic = trial.traffic();
        traffic.approveTheRest(APPROVAL_PATIENCE);
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
        // rolling, later faults and waits sit between this fault and its audit: no time of its own to tell
        Duration recovery = converged && !rolling ? Duration.between(trial.faultEnded(), Instant.now()) : null;
        // rolling, a dead letter is counted against every scenario audited after it: any one fails the run
        long deadLetters = DeadLetterTopics.count(platform.kafkaBootstrap()) - trial.deadLettersBefore();
        List<String> problems = new ArrayList<>(trial.faultErrors());
        problems.addAll(audit.problems);
        if (deadLetters > 0) problems.add(deadLetters + " events dead-lettered during the scenario");
        out.println("herald chaos: answers other than an acknowledgement (not counted as lost): " + traffic.refusals);
        return new Outcome(trial.scenario().name(), trial.scenario().faults(), traffic.submitted.size(), audit.approved,
                audit.lost + (int) deadLetters + trial.faultErrors().size(), audit.duplicated, recovery, converged, problems);
    }

    private static Outcome report(Outcome outcome, PrintStream out) {
        out.println("herald chaos: " + line(outcome));
        outcome.problems().forEach(p -> out.println("    " + p));
        return outcome;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String line(Outcome o) {
        return "%s: %d submitted, %d approved, %d lost, %d duplicated, recovered %s".formatted(o.scenario(), o.submitted(),
                o.approved(), o.lost(), o.duplicated(), recovery(o));
    }

    /** The outcomes as a Markdown table, as docs/crash-safety.md shows it. */
    public static String table(List<Outcome> outcomes) {
        StringBuilder table = new StringBuilder("| scenario | faults | reports acknowledged | approved | lost | duplicated | time to recover |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Outcome o : outcomes) {
            table.append("| %s | %s | %d | %d | %d | %d | %s |%n".formatted(o.scenario(), o.faults(), o.submitted(), o.approved(),
                    o.lost(), o.duplicated(), recovery(o)));
        }
        return table.toString();
    }

    private static String recovery(Outcome o) {
        if (!o.converged()) return "never";
        return o.recovery() == null ? "not timed (rolling)" : seconds(o.recovery());
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
