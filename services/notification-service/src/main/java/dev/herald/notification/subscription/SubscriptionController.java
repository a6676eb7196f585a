package dev.herald.notification.subscription;

import dev.herald.support.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

@RestController
class SubscriptionController {

    private static final int MAX_PAGE_SIZE = 100;

    record Listing(long total, int page, int size, List<Subscription> subscriptions) {
    }

    record Outcome(String status) {
    }

    private final SubscriptionService service;

    SubscriptionController(SubscriptionService service) {
        this.service = service;
    }

    @ApiResponse(responseCode = "201", description = "The subscription is kept; Location is the subscription", useReturnTypeSchema = true)
    @PostMapping("/api/subscriptions")
    ResponseEntity<Subscription> create(@Valid @RequestBody CreateSubscriptionRequest request) {
        Subscription subscription = service.create(ActingSubscriber.current(), request);
        var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(subscription.id()).toUri();
        return ResponseEntity.created(location).body(subscription);
    }

    @GetMapping("/api/subscriptions")
    Listing list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            throw new InvalidRequestException("page", "must be between 0 and 10000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Page<Subscription> found = service.list(ActingSubscriber.current(), page, size);
        return new Listing(found.getTotalElements(), page, size, found.getContent());
    }

    @GetMapping("/api/subscriptions/{id}")
    Subscription get(@PathVariable String id) {
        return service.get(ActingSubscriber.current(), id);
    }

    @PutMapping("/api/subscriptions/{id}")
    Subscription update(@PathVariable String id, @Valid @RequestBody CreateSubscriptionRequest request) {
        return service.update(ActingSubscriber.current(), id, request);
    }

    @PostMapping("/api/subscriptions/{id}/pause")
    Subscription pause(@PathVariable String id) {
        return service.pause(ActingSubscriber.current(), id);
    }

    @PostMapping("/api/subscriptions/{id}/resume")
    Subscription resume(@PathVariable String id) {
        return service.resume(ActingSubscriber.current(), id);
    }

    /** A new signing secret for a webhook subscription; the old one signs beside it for the rotation overlap. */
    @PostMapping("/api/subscriptions/{id}/secret/rotate")
    Subscription rotateSecret(@PathVariable String id) {
        return service.rotateSecret(ActingSubscriber.current(), id);
    }

    @DeleteMapping("/api/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        service.delete(ActingSubscriber.current(), id);
    }

    static String required(String token) {
        if (token == null || token.isBlank() || token.length() > 1_000) {
            throw new InvalidRequestException("token", "is required");
        }
        return token;
    }
}
