package dev.herald.notification.subscription;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {

    private final SubscriptionService service;

    SubscriptionController(SubscriptionService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<Subscription> create(@Valid @RequestBody CreateSubscriptionRequest request) {
        Subscription subscription = service.create(ActingSubscriber.current(), request);
        var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(subscription.id()).toUri();
        return ResponseEntity.created(location).body(subscription);
    }

    @GetMapping("/{id}")
    Subscription get(@PathVariable String id) {
        return service.get(ActingSubscriber.current(), id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        service.delete(ActingSubscriber.current(), id);
    }
}
