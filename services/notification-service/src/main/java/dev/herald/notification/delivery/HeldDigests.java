package dev.herald.notification.delivery;

import dev.herald.notification.subscription.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * Stands in until digests are sent: an hourly or daily subscription's notices stay in the inbox, and
 * nothing is sent on its channel. Replaced by a real {@link DigestQueue} bean.
 */
@Component
@ConditionalOnMissingBean(value = DigestQueue.class, ignored = HeldDigests.class)
class HeldDigests implements DigestQueue {

    private static final Logger log = LoggerFactory.getLogger(HeldDigests.class);

    @Override
    public void add(Subscription subscription, Notice notice) {
        log.debug("digest delivery is not available; notice {} stays in the inbox only", notice.notificationId());
    }
}
