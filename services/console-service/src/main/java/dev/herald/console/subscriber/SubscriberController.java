package dev.herald.console.subscriber;

import dev.herald.console.platform.ApiProblem;
import dev.herald.console.platform.ConsoleProperties;
import dev.herald.console.platform.Formats;
import dev.herald.console.platform.Messages;
import dev.herald.console.platform.PlatformApi;
import dev.herald.console.platform.Service;
import dev.herald.console.platform.Unavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A subscriber's subscriptions (keywords, channels, units or a saved search; to the inbox, by e-mail or to a webhook)
 * and the inbox itself, live:
 * the console relays notification-service's stream with the person's token. Whose they are is the token's word;
 * the subscriber named in the inbox's path is the one the token acts for, so the service agrees.
 */
@Controller
class SubscriberController {

    static final List<String> KINDS = List.of("keywords", "channels", "units", "query");
    static final List<String> DELIVERIES = List.of("INBOX", "EMAIL", "WEBHOOK");
    private static final int INBOX_PAGE = 20;

    private final PlatformApi api;
    private final Messages messages;
    private final InboxRelay relay;
    private final Duration streamLength;
    private final Formats formats;

    SubscriberController(PlatformApi api, Messages messages, InboxRelay relay, Formats formats, ConsoleProperties properties) {
        this.formats = formats;
        this.api = api;
        this.messages = messages;
        this.relay = relay;
        this.streamLength = properties.streamLength();
    }

    @GetMapping("/subscriber")
    String subscriptions(Model model) {
        try {
            model.addAttribute("subscriptions", api.get(Service.NOTIFICATION, uri -> uri.path("/api/subscriptions")
                    .queryParam("size", 100).build(), Notices.Subscriptions.class).subscriptions());
        } catch (ApiProblem problem) {
            // the form still works when the list cannot be read
            model.addAttribute("error", messages.of(problem));
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", new Typed("keywords", "", "INBOX", "", ""));
        }
        model.addAttribute("kinds", KINDS);
        model.addAttribute("deliveries", DELIVERIES);
        return "subscriptions";
    }

    /**
     * One criterion (keywords, channels or units: several, separated by commas or spaces, are any of them; or a saved
     * search, as one types it in the search box), delivered to the inbox, by e-mail or to a webhook. A webhook's signing
     * secret is shown once, on the page that follows; an e-mail address waits for its owner's confirmation.
     */
    @PostMapping("/subscriber/subscriptions")
    String subscribe(@RequestParam(defaultValue = "keywords") String kind, @RequestParam(defaultValue = "") String values,
                     @RequestParam(defaultValue = "INBOX") String delivery, @RequestParam(defaultValue = "") String email,
                     @RequestParam(defaultValue = "") String url, Model model, RedirectAttributes flash, HttpServletResponse response) {
        String criterion = KINDS.contains(kind) ? kind : "keywords";
        String type = DELIVERIES.contains(delivery) ? delivery : "INBOX";
        Object wanted = criterion.equals("query") ? values.strip()
                : java.util.Arrays.stream(values.split("[,，、;；\\s]+")).filter(v -> !v.isBlank()).map(String::strip).toList();
        Map<String, Object> to = new java.util.LinkedHashMap<>();
        to.put("type", type);
        if (type.equals("EMAIL")) to.put("email", email.strip());
        if (type.equals("WEBHOOK")) to.put("url", url.strip());
        try {
            Notices.Subscription made = api.post(Service.NOTIFICATION, uri -> uri.path("/api/subscriptions").build(),
                    Map.of("filter", Map.of(criterion, wanted), "delivery", to), Notices.Subscription.class);
            made(made, flash);
            return "redirect:/subscriber";
        } catch (ApiProblem problem) {
            response.setStatus(problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502);
            model.addAttribute("typed", new Typed(criterion, values, type, email, url));
            String refused = messages.of(problem);
            String page = subscriptions(model);
            model.addAttribute("error", refused);
            return page;
        }
    }

    private void made(Notices.Subscription made, RedirectAttributes flash) {
        if (made.awaitsConfirmation()) {
            flash.addFlashAttribute("notice", messages.get("subscriptions.created.email", made.delivery().email()));
        } else {
            flash.addFlashAttribute("notice", messages.get("subscriptions.created"));
        }
        if (made.webhook() && made.delivery().secret() != null) {
            // shown once: the page after this one no longer has it (flash attributes live for one request)
            flash.addFlashAttribute("secret", new Secret(made.id(), made.delivery().secret()));
        }
    }

    @PostMapping("/subscriber/subscriptions/{id}/pause")
    String pause(@PathVariable String id, RedirectAttributes flash) {
        return act(id, "pause", "subscriptions.paused", flash);
    }

    @PostMapping("/subscriber/subscriptions/{id}/resume")
    String resume(@PathVariable String id, RedirectAttributes flash) {
        return act(id, "resume", "subscriptions.resumed", flash);
    }

    /** A new signing secret, shown once; the old one goes on signing beside it for the service's overlap. */
    @PostMapping("/subscriber/subscriptions/{id}/secret")
    String rotate(@PathVariable String id, RedirectAttributes flash) {
        try {
            Notices.Subscription rotated = api.post(Service.NOTIFICATION, uri -> uri.path("/api/subscriptions/{id}/secret/rotate").build(id),
                    null, Notices.Subscription.class);
            flash.addFlashAttribute("notice", messages.get("subscriptions.rotated"));
            if (rotated.delivery() != null && rotated.delivery().secret() != null) {
                flash.addFlashAttribute("secret", new Secret(rotated.id(), rotated.delivery().secret()));
            }
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return "redirect:/subscriber";
    }

    private String act(String id, String action, String done, RedirectAttributes flash) {
        try {
            api.post(Service.NOTIFICATION, uri -> uri.path("/api/subscriptions/{id}/" + action).build(id), null, Map.class);
            flash.addFlashAttribute("notice", messages.get(done));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return "redirect:/subscriber";
    }

    @PostMapping("/subscriber/subscriptions/{id}/delete")
    String unsubscribe(@PathVariable String id, RedirectAttributes flash) {
        try {
            api.delete(Service.NOTIFICATION, uri -> uri.path("/api/subscriptions/{id}").build(id));
            flash.addFlashAttribute("notice", messages.get("subscriptions.deleted"));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return "redirect:/subscriber";
    }

    @GetMapping("/subscriber/inbox")
    String inbox(@AuthenticationPrincipal OAuth2User person, CsrfToken csrf, Model model) {
        show(model, person, csrf);
        return "inbox";
    }

    /** The inbox's rows alone: the page reloads them after its live stream reconnected, for what came meanwhile. */
    @GetMapping("/subscriber/inbox/rows")
    String rows(@AuthenticationPrincipal OAuth2User person, CsrfToken csrf, Model model) {
        show(model, person, csrf);
        return "inbox :: rows";
    }

    /**
     * New notices as they arrive, relayed from notification-service's stream, which is opened here, where the
     * person's token is known. A refusal or a service away ends the stream at once with its status: EventSource
     * then stops, and the page says the inbox is no longer live.
     */
    @GetMapping(value = "/subscriber/inbox/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(@AuthenticationPrincipal OAuth2User person, CsrfToken csrf) {
        String path = UriComponentsBuilder.fromPath("/api/subscribers/{subscriber}/notifications/stream")
                .queryParam("seconds", streamLength.toSeconds()).buildAndExpand(subscriber(person)).encode().toUriString();
        InputStream upstream;
        try {
            upstream = api.stream(Service.NOTIFICATION, java.net.URI.create(path));
        } catch (ApiProblem problem) {
            return ResponseEntity.status(problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502).build();
        } catch (Unavailable unavailable) {
            return ResponseEntity.status(503).build();
        }
        SseEmitter emitter = new SseEmitter(streamLength.plusSeconds(30).toMillis());
        relay.relay(upstream, emitter, csrf.getToken());
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(emitter);
    }

    @PostMapping("/subscriber/notifications/{id}/read")
    String read(@PathVariable String id, RedirectAttributes flash) {
        try {
            api.post(Service.NOTIFICATION, uri -> uri.path("/api/notifications/{id}/read").build(id), null, Notices.Notice.class);
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return "redirect:/subscriber/inbox";
    }

    @PostMapping("/subscriber/inbox/read")
    String readAll(@AuthenticationPrincipal OAuth2User person, RedirectAttributes flash) {
        try {
            api.post(Service.NOTIFICATION, uri -> uri.path("/api/subscribers/{s}/notifications/read").build(subscriber(person)),
                    null, Map.class);
            flash.addFlashAttribute("notice", messages.get("inbox.allRead"));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", messages.of(problem));
        }
        return "redirect:/subscriber/inbox";
    }

    /** The row fragment takes its time as text: the relay renders it outside any request, without the page's beans. */
    private void show(Model model, OAuth2User person, CsrfToken csrf) {
        Notices.Inbox inbox = page(person);
        Map<String, String> times = new java.util.HashMap<>();
        inbox.notifications().forEach(n -> times.put(n.id(), formats.time(n.createdAt())));
        model.addAttribute("inbox", inbox);
        model.addAttribute("times", times);
        model.addAttribute("csrf", csrf.getToken());
    }

    private Notices.Inbox page(OAuth2User person) {
        return api.get(Service.NOTIFICATION, uri -> uri.path("/api/subscribers/{s}/notifications").queryParam("size", INBOX_PAGE)
                .build(subscriber(person)), Notices.Inbox.class);
    }

    /** The subscriber the person's token acts for (its {@code subscriber} claim); the service checks it is theirs. */
    private static String subscriber(OAuth2User person) {
        Object claim = person == null ? null : person.getAttributes().get("subscriber");
        return claim != null ? claim.toString() : person == null ? "" : person.getName();
    }

    /** The subscription form as typed, kept to show it again beside a refusal. */
    record Typed(String kind, String values, String delivery, String email, String url) {
    }

    /** A webhook's signing secret, for the one page that shows it. */
    record Secret(String subscription, String value) {
    }
}
