package dev.herald.notification.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What a subscriber sends. Whose subscription it is comes from the token; a {@code subscriber} field
 * that older clients still send is ignored. Rules that span fields (some criterion, a URL for webhooks)
 * are checked by the service.
 */
public record CreateSubscriptionRequest(
        @NotNull @Valid FilterRequest filter,
        @NotNull @Valid DeliveryRequest delivery) {

    public record FilterRequest(
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> channels,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> units,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> keywords) {
    }

    public record DeliveryRequest(@NotNull DeliveryType type, @Size(max = 2_000) String url) {
    }
}
