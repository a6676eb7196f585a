package dev.herald.launcher.chaos;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One process of the platform that a fault can hit: killed, paused, resumed, started again. */
public final class Node {

    /** Starts the process and returns a check that blocks until it serves. */
    @FunctionalInterface
    interface Launch {
        Started start() throws IOException;
    }

    @FunctionalInterface
    interface ReadyCheck {
        void await(Duration timeout) throws InterruptedException;
    }

    record Started(Process process, ReadyCheck ready) {
    }

    private final String name;
    private final Launch launch;
    private volatile Process process;
    /** CPU of this part's earlier processes, and of all its processes until each one served. */
    private Duration cpuBefore = Duration.ZERO;
    private Duration cpuStarting = Duration.ZERO;
    private int starts;

    Node(String name, Launch launch) {
        this.name = name;
        this.launch = launch;
    }

    public String name() {
        return name;
    }

    /** Starts (or starts again) and waits until it serves. */
    public void start() throws IOException, InterruptedException {
        Started started = launch.start();
        process = started.process();
        started.ready().await(Duration.ofMinutes(3));
        synchronized (this) {
            cpuStarting = cpuStarting.plus(cpuOf(started.process()));
            starts++;
        }
    }

    /**
     * What this part has cost the machine so far: CPU while starting (until it served) and in all, and
     * how many times it started. Read from the kernel's accounting, so a killed process counts until its
     * last reading, taken just before the signal.
     */
    public synchronized Cost cost() {
        Process p = process;
        return new Cost(starts, cpuStarting, cpuBefore.plus(p == null ? Duration.ZERO : cpuOf(p)));
    }

    public record Cost(int starts, Duration starting, Duration total) {
    }

    private static Duration cpuOf(Process p) {
        return p.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private synchronized void retire(Process p) {
        cpuBefore = cpuBefore.plus(cpuOf(p));
        if (process == p) process = null;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed, as in a power cut or an OOM kill. */
    public void kill() {
        Process p = process;
        if (p == null) return;
        retire(p);
        p.destroyForcibly();
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGSTOP: the process holds its sockets but answers nothing, as a hung or partitioned server does. */
    public void pause() {
        signal("STOP");
    }

    public void resume() {
        signal("CONT");
    }

    /** SIGTERM, then SIGKILL if it lingers. */
    public void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) return;
        signal("CONT"); // a paused process cannot act on SIGTERM
        retire(p);
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    private void signal(String signal) {
        Process p = process;
        if (p == null || !p.isAlive()) return;
        try {
            // bash's own kill: the JDK sends no SIGSTOP, and a new machine may lack procps' /usr/bin/kill
            new ProcessBuilder("bash", "-c", "kill -" + signal + " " + p.pid()).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot send SIG" + signal + " to " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
