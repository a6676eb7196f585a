package dev.herald.notification.digest;

import com.mongodb.client.MongoClients;
import dev.herald.infra.embedded.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances' schedulers reaching for the same closed window. */
class DigestClaimTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(TestInfrastructure.mongo().connectionString()),
            "digests-" + UUID.randomUUID());
    private final Digests digests = new Digests(mongo, Clock.systemUTC());

    @Test
    void aHandOverThatOutlivedItsLeaseCannotCloseTheWindowAnotherInstanceTookOver() {
        Instant end = Instant.parse("2026-11-20T04:00:00Z");
        Duration lease = Duration.ofMinutes(2);
        mongo.insert(new DigestWindow(DigestWindow.idOf("sub-1", end), "sub-1", end, WindowStatus.OPEN, end, 0, null, null, null));
        Instant now = end.plusSeconds(10);
        DigestWindow slow = digests.claim(DigestWindow.idOf("sub-1", end), now, now.plus(lease)).orElseThrow();
        Instant later = now.plus(lease).plusSeconds(1);
        DigestWindow takenOver = digests.claim(slow.id(), later, later.plus(lease)).orElseThrow();

        // the slow instance found the subscription paused; the one that took over found it resumed and sent
        boolean lateDrop = digests.dropped(slow, "subscription PAUSED");
        boolean sent = digests.sent(takenOver, 3);

        assertThat(lateDrop).isFalse();
        assertThat(sent).isTrue();
        DigestWindow stored = mongo.findById(slow.id(), DigestWindow.class);
        assertThat(stored.status()).isEqualTo(WindowStatus.SENT);
        assertThat(stored.noticeCount()).isEqualTo(3);
        assertThat(stored.reason()).isNull();
    }
}
