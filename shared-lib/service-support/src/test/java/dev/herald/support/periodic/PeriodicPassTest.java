package dev.herald.support.periodic;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodicPassTest {

    @Test
    void aFailedPassIsFollowedByTheNextOne() throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(1);
        PeriodicPass pass = PeriodicPass.of("failing-once", Duration.ofMillis(1), () -> {
            if (passes.incrementAndGet() == 1) {
                throw new IllegalStateException("the store is away for a moment");
            }
            second.countDown();
        });

        pass.start();
        try {
            assertThat(second.await(30, TimeUnit.SECONDS)).as("a pass after the failed one").isTrue();
        } finally {
            pass.stop();
        }
        assertThat(passes).hasValueGreaterThanOrEqualTo(2);
    }

    @Test
    void stoppingInterruptsAPassUnderWayOnceItsDrainIsOver() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        PeriodicPass pass = PeriodicPass.of("endless", Duration.ofMillis(1), () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        pass.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        pass.stop();

        assertThat(pass.isRunning()).isFalse();
        assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("the pass under way was interrupted").isTrue();
    }

    @Test
    void aPassIsNeverRunBeforeItIsStarted() {
        AtomicInteger passes = new AtomicInteger();
        PeriodicPass pass = PeriodicPass.of("idle", Duration.ofMillis(1), passes::incrementAndGet);

        assertThat(pass.isRunning()).isFalse();
        pass.stop();

        assertThat(passes).hasValue(0);
        assertThat(pass.name()).isEqualTo("idle");
    }
}
