package dev.herald.launcher.bench;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionCopiesTest {

    @Test
    void aCopyIsAnotherSubscribersSubscriptionOfTheSameFilterAndDeliveryMadeADayBefore() {
        Date made = new Date(1_765_000_000_000L);
        Document template = new Document("_id", "sub-5adeb6bd-a3c5-4e50-8dc3-f6c342774a10").append("version", 0L)
                .append("subscriber", "fanout-0").append("filter", new Document("units", List.of("扇出基准单位")))
                .append("delivery", new Document("type", "INBOX")).append("status", "ACTIVE")
                .append("createdAt", made).append("updatedAt", made);
        Date dayBefore = Date.from(made.toInstant().minus(SubscriptionCopies.DATED_BACK));

        Document copy = SubscriptionCopies.copyOf(template, "fanout-417", dayBefore);

        assertThat(copy.getString("_id")).startsWith("sub-").isNotEqualTo(template.getString("_id"))
                .isNotEqualTo(SubscriptionCopies.copyOf(template, "fanout-417", dayBefore).getString("_id"));
        assertThat(copy.getString("subscriber")).isEqualTo("fanout-417");
        assertThat(copy.get("filter")).isEqualTo(template.get("filter"));
        assertThat(copy.get("delivery")).isEqualTo(template.get("delivery"));
        assertThat(copy.getString("status")).isEqualTo("ACTIVE");
        assertThat(copy.getDate("createdAt")).isEqualTo(copy.getDate("updatedAt")).isBefore(made);
        assertThat(template.getString("subscriber")).as("the template is left as it was").isEqualTo("fanout-0");
    }
}
