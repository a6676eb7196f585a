package dev.herald.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Sends at a fixed rate by the clock, not by the answers: send k is due at {@code start + k / rate}, and a
 * slow answer never holds back the next send (each send only starts a request and returns its future). What
 * a closed loop hides shows here: a send that could not start on time is counted late, and an answer's
 * latency is measured from the moment its send was due, so time spent queued behind the platform counts.
 */
public final class OpenLoop {

    /** The clock and the wait; a test drives both. */
    public interface Ticker {
        long nanos();

        void sleepUntil(long nanos) throws InterruptedException;
    }

    public static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long nanos) throws InterruptedException {
            long wait = nanos - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        }
    };

    private final double perSecond;
    private final int sends;
    private final long lateAfterNanos;
    private final Ticker ticker;

    /** {@code perSecond × over} sends; one that starts more than {@code lateAfter} after its slot is late. */
    public OpenLoop(double perSecond, Duration over, Duration lateAfter, Ticker ticker) {
        if (perSecond <= 0) throw new IllegalArgumentException("rate must be positive: " + perSecond);
        this.perSecond = perSecond;
        this.sends = (int) Math.round(perSecond * over.toNanos() / 1e9);
        this.lateAfterNanos = lateAfter.toNanos();
        this.ticker = ticker;
    }

    public int sends() {
        return sends;
    }

    /** The nanos after the start at which send k is due. */
    public long dueOffset(int k) {
        return Math.round(k * 1e9 / perSecond);
    }

    /**
     * Runs every send at its slot from now and returns once the last has started, answers or not;
     * {@code send} answers whether the platform acknowledged (false or an exception: failed).
     */
    public Tally run(IntFunction<? extends CompletionStage<Boolean>> send) throws InterruptedException {
        Tally tally = new Tally(sends, perSecond);
        long start = ticker.nanos();
        tally.start = start;
        for (int k = 0; k < sends; k++) {
            long due = start + dueOffset(k);
            ticker.sleepUntil(due);
            long startedAt = ticker.nanos();
            CompletableFuture<Boolean> answer;
            try {
                answer = send.apply(k).toCompletableFuture();
            } catch (RuntimeException refused) {
                answer = CompletableFuture.failedFuture(refused);
            }
            tally.sent(due, startedAt, startedAt - due > lateAfterNanos, answer, ticker);
        }
        return tally;
    }

    /** What one run sent and what came back; counts are safe to read while answers still arrive. */
    public static final class Tally {
        private final int scheduled;
        private final double perSecond;
        private long start;
        private long lastStarted;
        private int sent;
        private int late;
        private long worstStartDelayNanos;
        private int acknowledged;
        private int failed;
        private final List<Long> answerNanos = new ArrayList<>();
        private final List<CompletableFuture<Boolean>> answers = new ArrayList<>();

        Tally(int scheduled, double perSecond) {
            this.scheduled = scheduled;
            this.perSecond = perSecond;
        }

        private synchronized void sent(long due, long startedAt, boolean wasLate, CompletableFuture<Boolean> answer, Ticker ticker) {
            sent++;
            lastStarted = startedAt;
            if (wasLate) late++;
            worstStartDelayNanos = Math.max(worstStartDelayNanos, startedAt - due);
            answers.add(answer);
            answer.whenComplete((ok, error) -> answered(due, ticker.nanos(), error == null && Boolean.TRUE.equals(ok)));
        }

        private synchronized void answered(long due, long at, boolean ok) {
            if (ok) {
                acknowledged++;
                answerNanos.add(at - due);
            } else {
                failed++;
            }
        }

        /** Waits up to {@code patience} for the answers still out; what has not come by then stays unanswered. */
        public void awaitAnswers(Duration patience) throws InterruptedException {
            List<CompletableFuture<Boolean>> out;
            synchronized (this) {
                out = List.copyOf(answers);
            }
            try {
                CompletableFuture.allOf(out.stream().map(f -> f.exceptionally(e -> false)).toArray(CompletableFuture[]::new))
                        .get(patience.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // counted as unanswered
            }
        }

        public synchronized int scheduled() {
            return scheduled;
        }

        public synchronized int sent() {
            return sent;
        }

        public synchronized int late() {
            return late;
        }

        public synchronized int acknowledged() {
            return acknowledged;
        }

        public synchronized int failed() {
            return failed;
        }

        public synchronized int unanswered() {
            return sent - acknowledged - failed;
        }

        public synchronized double worstStartDelayMillis() {
            return worstStartDelayNanos / 1e6;
        }

        /** Sends per second over the time from the first slot to the last send, one slot added for the last. */
        public synchronized double sentPerSecond() {
            return sent == 0 ? 0 : sent / ((lastStarted - start) / 1e9 + 1 / perSecond);
        }

        /** Acknowledged answers per second over the same span. */
        public synchronized double acknowledgedPerSecond() {
            return sent == 0 ? 0 : acknowledged / ((lastStarted - start) / 1e9 + 1 / perSecond);
        }

        /** The q-quantile of acknowledged answers' latency from their due slot, in ms; NaN when none. */
        public synchronized double answerMillis(double q) {
            if (answerNanos.isEmpty()) return Double.NaN;
            List<Long> sorted = answerNanos.stream().sorted().toList();
            int index = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
        }
    }
}
