package dev.herald.notification.subscription;

import dev.herald.notification.ComponentTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Many subscriptions made at once, with catch-ups an hour apart: only the index itself decides when to fold. */
@TestPropertySource(properties = "herald.notification.matching.catch-up=1h")
class SubscriptionBurstTest extends ComponentTest {

    @Autowired
    LiveSubscriptionIndex index;
    @Autowired
    SubscriptionService service;

    @Test
    void aBurstOfSubscriptionsIsFoldedIntoTheIndexOffTheRequestPathOnceItsOverlayIsHalfFull() throws Exception {
        int before = index.current().pending();
        String unit = "单位-" + token();
        for (int i = 0; i < 200; i++) {
            service.create("reader-" + token(), new CreateSubscriptionRequest(
                    new CreateSubscriptionRequest.FilterRequest(null, List.of(unit), null, null),
                    new CreateSubscriptionRequest.DeliveryRequest(DeliveryType.INBOX, null, null), null));
        }

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (index.current().pending() >= 128 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(before).as("changes waiting before the burst").isZero();
        // the overlay holds 256 at this size before a change would fold it on the request path
        assertThat(index.current().pending()).as("changes still waiting in the overlay").isLessThan(128);
        assertThat(index.current().size()).isGreaterThanOrEqualTo(200);
    }
}
