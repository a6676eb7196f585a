package dev.herald.console.subscriber;

import dev.herald.console.platform.ApiProblem;
import dev.herald.console.platform.Messages;
import dev.herald.console.platform.PlatformApi;
import dev.herald.console.platform.Service;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/**
 * A webhook subscription's deliveries: each message, how every attempt to deliver it ended (the receiver's status,
 * or why there was none), and a replay of one that failed, which the service sends again under the same message id.
 */
@Controller
class DeliveryController {

    static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "FAILED", "CANCELLED");
    private static final int PAGE = 20;

    private final PlatformApi api;
    private final Messages messages;

    DeliveryController(PlatformApi api, Messages messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/subscriber/subscriptions/{id}/deliveries")
    String deliveries(@PathVariable String id, @RequestParam(defaultValue = "") String status,
                      @RequestParam(defaultValue = "0") int page, Model model) {
        String wanted = STATUSES.contains(status) ? status : "";
        int from = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("subscription", api.get(Service.NOTIFICATION, uri -> uri.path("/api/subscriptions/{id}").build(id),
                Notices.Subscription.class));
        model.addAttribute("deliveries", api.get(Service.NOTIFICATION, uri -> {
            uri.path("/api/subscriptions/{id}/deliveries").queryParam("page", from).queryParam("size", PAGE);
            if (!wanted.isEmpty()) uri.queryParam("status", wanted);
            return uri.build(id);
        }, Notices.Deliveries.class));
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", STATUSES);
        return "deliveries";
    }

    @PostMapping("/subscriber/deliveries/{id}/replay")
    String replay(@PathVariable String id, @RequestParam(defaultValue = "") String subscription, RedirectAttributes flash) {
        try {
            api.post(Service.NOTIFICATION, uri -> uri.path("/api/deliveries/{id}/replay").build(id), null, Notices.WebhookDelivery.class);
            flash.addFlashAttribute("notice", messages.get("deliveries.replayed", id));
        } catch (ApiProblem problem) {
            // a delivery no longer failed (replayed meanwhile), or a subscription disabled: said on the list, not an error page
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return subscription.matches("[A-Za-z0-9_-]{1,100}")
                ? "redirect:" + UriComponentsBuilder.fromPath("/subscriber/subscriptions/{s}/deliveries").buildAndExpand(subscription).toUriString()
                : "redirect:/subscriber";
    }
}
