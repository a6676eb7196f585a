package dev.herald.launcher.chaos;

import dev.herald.launcher.HeraldService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fault and how to inflict it on a running platform while traffic flows. A killed part is started
 * again after a short outage, as a supervisor (systemd, Kubernetes) would.
 *
 * @param instances how many instances of each service the platform runs for this scenario
 */
public record Scenario(String name, String faults, int instances, Fault fault) {

    @FunctionalInterface
    public interface Fault {
        void inflict(Deployment platform) throws Exception;
    }

    /** The {@link #instances()} of a scenario run on {@code ./herald up} itself rather than on parts as processes. */
    public static final int UP = 0;

    private static final Duration OUTAGE = Duration.ofSeconds(3);

    /** Every scenario of the suite; the store is stopped (SIGSTOP) for {@code storePause}. */
    public static List<Scenario> all(Duration storePause) {
        List<Scenario> all = new ArrayList<>();
        for (HeraldService service : HeraldService.values()) {
            if (!service.isPublishingService()) continue;
            String name = service.artifact();
            all.add(new Scenario("kill " + name, "SIGKILL " + name + ", restart", 1, p -> killAndRestart(parts(p), name)));
        }
        all.add(new Scenario("kill broker", "SIGKILL the Kafka broker, restart", 1, p -> killAndRestart(parts(p), ProcessPlatform.BROKER)));
        all.add(new Scenario("kill store", "SIGKILL the store, restart", 1, p -> killAndRestart(parts(p), ProcessPlatform.STORE)));
        all.add(new Scenario("kill everything", "SIGKILL all parts at once, restart", 1, p -> killEverything(parts(p))));
        all.add(new Scenario("stop store " + storePause.toSeconds() + " s", "SIGSTOP the store, SIGCONT after "
                + storePause.toSeconds() + " s", 1, p -> {
            parts(p).node(ProcessPlatform.STORE).pause();
            Thread.sleep(storePause.toMillis());
            parts(p).node(ProcessPlatform.STORE).resume();
        }));
        all.add(new Scenario("kill ./herald up", "SIGKILL the ./herald up process (broker and store inside), start it again",
                UP, p -> ((UpPlatform) p).killAndRestart(OUTAGE)));
        all.add(new Scenario("two of each, kill one", "SIGKILL one instance of each service, restart", 2, deployment -> {
            ProcessPlatform p = parts(deployment);
            List<String> second = new ArrayList<>();
            for (HeraldService service : HeraldService.values()) {
                if (service.isPublishingService()) second.add(ProcessPlatform.instanceName(service, 2));
            }
            second.parallelStream().forEach(n -> p.node(n).kill());
            Thread.sleep(OUTAGE.toMillis());
            p.startAll(second);
        }));
        return all;
    }

    private static ProcessPlatform parts(Deployment deployment) {
        return (ProcessPlatform) deployment;
    }

    private static void killAndRestart(ProcessPlatform platform, String name) throws Exception {
        platform.node(name).kill();
        Thread.sleep(OUTAGE.toMillis());
        platform.node(name).start();
    }

    private static void killEverything(ProcessPlatform platform) throws Exception {
        platform.names().parallelStream().forEach(n -> platform.node(n).kill());
        Thread.sleep(OUTAGE.toMillis());
        List<String> services = platform.names().stream().filter(n -> !List.of(ProcessPlatform.BROKER, ProcessPlatform.STORE,
                ProcessPlatform.AUTH).contains(n)).toList();
        platform.startAll(List.of(ProcessPlatform.BROKER, ProcessPlatform.STORE));
        platform.startAll(List.of(ProcessPlatform.AUTH));
        platform.startAll(services);
    }
}
