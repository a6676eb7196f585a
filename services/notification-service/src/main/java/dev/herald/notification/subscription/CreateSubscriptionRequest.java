package dev.herald.notification.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What a subscriber sends to create or replace a subscription. Whose subscription it is comes from the
 * token; a {@code subscriber} field that older clients still send is ignored. Rules that span fields
 * (some criterion, a URL for webhooks, an address for e-mail) are checked by the service.
 */
public record CreateSubscriptionRequest(
        @NotNull @Valid FilterRequest filter,
        @NotNull @Valid DeliveryRequest delivery,
        @Valid FrequencyRequest frequency) {

    public record FilterRequest(
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> channels,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> units,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> keywords,
            @Size(max = 200) String query) {
    }

    public record DeliveryRequest(@NotNull DeliveryType type, @Size(max = 2_000) String url, @Size(max = 254) String email) {
    }

    /** {@code dailyAt} as {@code HH:mm}, {@code zone} as an IANA zone id such as Asia/Shanghai. */
    public record FrequencyRequest(Cadence cadence, @Size(max = 5) String dailyAt, @Size(max = 60) String zone) {
    }
}
