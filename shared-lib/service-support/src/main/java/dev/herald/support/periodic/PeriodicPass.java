package dev.herald.support.periodic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one way a service runs work in the background: a pass on one daemon thread at a fixed delay, the
 * first one interval after start (startup did the first pass's work already, or there is none due yet),
 * started and stopped with the application. A failed pass is logged and the next one runs; on stop, a
 * pass under way gets {@code drain} to finish and is then interrupted, after which whatever it leased is
 * freed by its lease.
 * <p>
 * A feature either extends it ({@link #pass()}) or, when the work is a method of a bean it has anyway,
 * declares {@code @Bean PeriodicPass ... = PeriodicPass.of("name", interval, bean::method)}.
 */
public abstract class PeriodicPass implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicPass.class);

    private final String name;
    private final Duration interval;
    private final Duration drain;
    private ScheduledExecutorService executor;

    protected PeriodicPass(String name, Duration interval, Duration drain) {
        this.name = name;
        this.interval = interval;
        this.drain = drain;
    }

    /** Runs {@code work} every {@code interval}; a pass under way when the application stops is interrupted at once. */
    public static PeriodicPass of(String name, Duration interval, Runnable work) {
        return new PeriodicPass(name, interval, Duration.ZERO) {
            @Override
            protected void pass() {
                work.run();
            }
        };
    }

    /** One pass over whatever is due. */
    protected abstract void pass();

    private void safePass() {
        try {
            pass();
        } catch (RuntimeException e) {
            log.warn("{} pass failed: {}", name, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::safePass, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    public String name() {
        return name;
    }
}
