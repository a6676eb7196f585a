package dev.herald.notification.email;

import dev.herald.notification.MailComponentTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Nobody can use Herald to flood a stranger's mailbox, however many subscribers name it. */
class ConfirmationMailLimitTest extends MailComponentTest {

    @Test
    void confirmationMailsToOneAddressAreLimitedWhoeverAsksForThem() {
        String stranger = address();
        String filter = "{\"keywords\":[\"" + token() + "\"]}";
        String[] ids = new String[4];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = subscribed("asker-" + i + "-" + token(), """
                    {"filter":%s,"delivery":{"type":"EMAIL","email":"%s"}}""".formatted(filter, stranger.toUpperCase()));
        }

        // three at once (the default burst), and the fourth subscription waits for its confirmation unmailed
        for (int i = 0; i < 3; i++) {
            assertThat(mailsOwed(ids[i])).extracting(d -> d.getString("kind")).containsExactly("CONFIRMATION");
        }
        assertThat(mailsOwed(ids[3])).isEmpty();
        // another address is not held back by this one
        String other = address();
        assertThat(mailsOwed(subscribed("asker-other-" + token(), """
                {"filter":%s,"delivery":{"type":"EMAIL","email":"%s"}}""".formatted(filter, other)))).hasSize(1);

        clock.advance(Duration.ofMinutes(61));
        String later = subscribed("asker-later-" + token(), """
                {"filter":%s,"delivery":{"type":"EMAIL","email":"%s"}}""".formatted(filter, stranger));
        assertThat(mailsOwed(later)).hasSize(1);
    }
}
