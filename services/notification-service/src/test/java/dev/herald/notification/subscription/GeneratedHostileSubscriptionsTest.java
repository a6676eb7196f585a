package dev.herald.notification.subscription;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.hostile.Field;
import dev.herald.infra.embedded.hostile.HostileCase;
import dev.herald.infra.embedded.hostile.HostilePayloads;
import dev.herald.notification.ComponentTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedHostileSubscriptionsTest extends ComponentTest {

    static final String READER = "reader-hostile";

    // no subscriber field: whose subscription it is comes from the token, so there is none in the body to break
    static final HostilePayloads SUBSCRIPTIONS = new HostilePayloads(
            Map.of("filter", Map.of("channels", List.of("党建动态"), "units", List.of("南宁市中医医院党委"),
                            "keywords", List.of("疫情")),
                    "delivery", Map.of("type", "INBOX")),
            List.of(Field.textList("filter.channels", 20), Field.textList("filter.units", 20),
                    Field.textList("filter.keywords", 20),
                    Field.oneOf("delivery.type", "INBOX", "WEBHOOK"), Field.text("delivery.url", false, 2_000)),
            64 * 1024);

    @Autowired
    SubscriptionRepository subscriptions;

    @Test
    void everyGeneratedHostileSubscriptionIsAProblemAndNothingIsStored() {
        long before = subscriptions.count();
        List<String> wrong = new ArrayList<>();

        int attempt = 0;
        for (HostileCase hostile : SUBSCRIPTIONS.generate(400, 3L)) {
            // each from a subscriber of its own, so every case meets validation and none the rate limit
            MockHttpServletResponse response = http.post().uri("/api/subscriptions")
                    .with(TestTokens.subscriber(READER + "-" + attempt++))
                    .contentType(hostile.contentType()).content(hostile.body()).exchange().getResponse();
            boolean problem = response.getStatus() >= 400 && response.getStatus() < 500 && response.getStatus() != 429
                    && response.getContentType() != null && response.getContentType().startsWith("application/problem+json");
            if (!problem) {
                wrong.add(hostile + " -> " + response.getStatus() + " "
                        + new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(subscriptions.count()).isEqualTo(before);
        assertThat(subscribe(READER, SUBSCRIPTIONS.validBody())).hasStatus(201);
    }
}
