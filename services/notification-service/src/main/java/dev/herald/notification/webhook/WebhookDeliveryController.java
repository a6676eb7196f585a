package dev.herald.notification.webhook;

import dev.herald.notification.delivery.DeliveryStatus;
import dev.herald.notification.delivery.DeliveryView;
import dev.herald.notification.subscription.ActingSubscriber;
import dev.herald.support.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

@RestController
class WebhookDeliveryController {

    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_PAGE = 10_000;

    /** @param status the status asked for, or null for all */
    record Listing(String subscriptionId, DeliveryStatus status, long total, int page, int size, List<DeliveryView> deliveries) {
    }

    private final WebhookReplays replays;

    WebhookDeliveryController(WebhookReplays replays) {
        this.replays = replays;
    }

    @GetMapping("/api/subscriptions/{id}/deliveries")
    Listing list(@PathVariable String id, @RequestParam(required = false) String status,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidRequestException("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        DeliveryStatus wanted = status(status);
        WebhookReplays.Page found = replays.list(ActingSubscriber.current(), id, wanted, page, size);
        return new Listing(id, wanted, found.total(), page, size, found.deliveries());
    }

    @ApiResponse(responseCode = "202", description = "The delivery is queued to be sent again", useReturnTypeSchema = true)
    @PostMapping("/api/deliveries/{id}/replay")
    ResponseEntity<DeliveryView> replay(@PathVariable String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replays.replay(ActingSubscriber.current(), id));
    }

    private static DeliveryStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(DeliveryStatus.values()).filter(s -> s.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new InvalidRequestException("status", "must be one of " + Arrays.toString(DeliveryStatus.values())));
    }
}
