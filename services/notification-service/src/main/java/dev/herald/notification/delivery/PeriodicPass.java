package dev.herald.notification.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background pass run on one daemon thread at a fixed delay, started and stopped with the application.
 * A failed pass is logged and the next one runs; on stop, a pass under way gets {@code drain} to finish,
 * after which whatever it leased is freed by its lease.
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
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::safePass, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
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
    public boolean isRunning() {
        return executor != null;
    }
}
