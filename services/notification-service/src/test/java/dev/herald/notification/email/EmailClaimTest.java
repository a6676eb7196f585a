package dev.herald.notification.email;

import dev.herald.notification.MailComponentTest;
import dev.herald.notification.subscription.SubscriptionService;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances' dispatchers over the same mails, the way a slow SMTP server makes their attempts overlap. */
class EmailClaimTest extends MailComponentTest {

    @Autowired
    private EmailDispatcher dispatcher;
    @Autowired
    private EmailMessages messages;
    @Autowired
    private SubscriptionService subscriptions;
    @Autowired
    private DeskMail deskMail;
    @Autowired
    private EmailProperties properties;
    @Autowired
    private JavaMailSender smtp;

    /** A mailer whose next send waits for the test, then fails as a timed-out SMTP call or goes through. */
    private final class Held extends SmtpMailer {
        final CountDownLatch sending = new CountDownLatch(1);
        final CountDownLatch answer = new CountDownLatch(1);
        private final boolean fails;
        private boolean first = true;

        Held(boolean fails) {
            super(smtp, properties, clock);
            this.fails = fails;
        }

        @Override
        void send(EmailMessage message) {
            if (!first) {
                super.send(message);
                return;
            }
            first = false;
            if (!fails) {
                super.send(message);
            }
            sending.countDown();
            block(answer);
            if (fails) {
                throw new MailSendException("Read timed out");
            }
        }
    }

    // threads of its own: the common pool may have a single thread on a small machine, which A's held call would block
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void anAttemptThatOutlivedItsLeaseCannotSettleTheMailAnotherInstanceClaimedAndSentSoItGoesOutOnce() throws Exception {
        String address = address();
        dispatcher.stop();
        try {
            String id = subscribed("reader-" + token(), """
                    {"filter":{"keywords":["%s"]},"delivery":{"type":"EMAIL","email":"%s"}}""".formatted(token(), address));
            Held slow = new Held(true);
            Held sending = new Held(false);
            EmailDispatcher a = new EmailDispatcher(messages, slow, subscriptions, deskMail, properties, meters, clock,
                    dev.herald.support.tracing.TraceContexts.none());
            EmailDispatcher b = new EmailDispatcher(messages, sending, subscriptions, deskMail, properties, meters, clock,
                    dev.herald.support.tracing.TraceContexts.none());

            CompletableFuture<Integer> aTries = CompletableFuture.supplyAsync(a::dispatchDue, threads);
            assertThat(slow.sending.await(30, TimeUnit.SECONDS)).isTrue();
            clock.advance(properties.lease().plusSeconds(1));
            CompletableFuture<Integer> bTries = CompletableFuture.supplyAsync(b::dispatchDue, threads);
            assertThat(sending.sending.await(30, TimeUnit.SECONDS)).as("B claimed the lapsed mail and sent it").isTrue();

            // A's SMTP call times out at last; its retry would make the mail due again while B records the send
            slow.answer.countDown();
            assertThat(aTries.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            clock.advance(properties.maxBackoff().plusSeconds(1));
            assertThat(a.dispatchDue()).as("mails A finds due while B's claim holds").isZero();
            sending.answer.countDown();
            assertThat(bTries.get(30, TimeUnit.SECONDS)).isEqualTo(1);

            Document mail = mailsOwed(id).getFirst();
            assertThat(mail.getString("status")).isEqualTo("SENT");
            assertThat(mail.getInteger("attemptCount")).isEqualTo(1);
            assertThat(mail.getString("lastError")).isNull();
            assertThat(awaitMail(address, 1).subject()).isEqualTo("【Herald】请确认您的邮箱地址");
            assertThat(mailsTo(address)).hasSize(1);
        } finally {
            dispatcher.start();
        }
    }

    private static void block(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
