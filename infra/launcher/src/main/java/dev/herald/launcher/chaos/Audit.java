package dev.herald.launcher.chaos;

import dev.herald.auth.account.Role;
import dev.herald.infra.embedded.WebhookReceiver;
import dev.herald.launcher.HeraldService;
import dev.herald.launcher.HttpJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads back, through the public APIs, every effect the acknowledged work of one {@link Traffic} must
 * have had: each effect exactly once. Counts what is missing (lost) and what is doubled.
 */
final class Audit {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int INBOX_PAGE = 100;

    private final Deployment platform;
    private final Traffic traffic;
    private final WebhookReceiver webhook;
    final List<String> problems = new ArrayList<>();
    int lost;
    int duplicated;
    int approved;

    Audit(Deployment platform, Traffic traffic, WebhookReceiver webhook) {
        this.platform = platform;
        this.traffic = traffic;
        this.webhook = webhook;
    }

    /** One pass over everything; true when nothing is missing (doubles cannot heal, so they do not hold it up). */
    boolean pass() {
        problems.clear();
        lost = 0;
        duplicated = 0;
        HttpJson asUnit = traffic.as(Role.UNIT, traffic.unit());
        HttpJson asModerator = traffic.as(Role.MODERATOR, null);
        Set<String> approvedIds = new HashSet<>(traffic.approved);
        List<String> submitted = List.copyOf(traffic.submitted);
        List<JsonNode[]> read = Fanout.map(submitted, id -> new JsonNode[]{
                body(asUnit.get(url(HeraldService.INGEST) + "/api/reports/" + id)),
                body(asModerator.get(url(HeraldService.MODERATION) + "/api/reviews/" + id))});
        for (int i = 0; i < submitted.size(); i++) {
            String id = submitted.get(i);
            JsonNode report = read.get(i)[0];
            if (report == null) missing(id, "report gone from ingest");
            JsonNode review = read.get(i)[1];
            if (review == null) {
                missing(id, "never reviewed");
                continue;
            }
            String status = review.path("status").asString();
            if (traffic.approved.contains(id) && !"APPROVED".equals(status)) missing(id, "approval undone: " + status);
            if ("APPROVED".equals(status)) approvedIds.add(id);
            if (report != null && "APPROVED".equals(status) && !"PUBLISHED".equals(report.path("status").asString())) {
                missing(id, "approved but the unit's report is " + report.path("status").asString());
            }
        }
        approved = approvedIds.size();
        for (String search : platform.urls(HeraldService.SEARCH)) {
            compare("search " + search, approvedIds, searchHits(search));
        }
        // every subscription, whatever its delivery, leaves one notice in the subscriber's inbox
        Map<String, Map<String, Integer>> notices = inbox(traffic.as(Role.SUBSCRIBER, traffic.subscriber()));
        for (String subscription : traffic.subscriptions) {
            compare("the inbox of subscription " + subscription, approvedIds, notices.getOrDefault(subscription, Map.of()));
        }
        compare("webhook", approvedIds, webhookMessages());
        return lost == 0;
    }

    private void compare(String where, Set<String> expected, Map<String, Integer> seen) {
        for (String id : expected) {
            int times = seen.getOrDefault(id, 0);
            if (times == 0) missing(id, "not in " + where);
            if (times > 1) {
                duplicated += times - 1;
                note(id + " " + times + " times in " + where);
            }
        }
        seen.keySet().stream().filter(id -> !expected.contains(id))
                .forEach(id -> note(id + " in " + where + " without an approval"));
    }

    private Map<String, Integer> searchHits(String search) {
        Map<String, Integer> hits = new HashMap<>();
        String after = null;
        do {
            String page = search + "/api/search?q=" + HttpJson.encode(Traffic.MARK) + "&unit=" + HttpJson.encode(traffic.unit())
                    + "&sort=date&size=50" + (after == null ? "" : "&after=" + HttpJson.encode(after));
            JsonNode results = body(new HttpJson().get(page));
            if (results == null) {
                note("search " + search + " did not answer");
                return hits;
            }
            results.path("hits").forEach(hit -> hits.merge(hit.path("id").asString(), 1, Integer::sum));
            after = results.path("next").isString() ? results.path("next").asString() : null;
        } while (after != null);
        return hits;
    }

    /**
     * Notices per subscription and article, in the largest pages the inbox serves: on the embedded store
     * each page sorts the whole inbox (no index orders it by {@code read}, then time), so the page count is
     * what the reading costs.
     */
    private Map<String, Map<String, Integer>> inbox(HttpJson asSubscriber) {
        Map<String, Map<String, Integer>> notices = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode inbox = body(asSubscriber.get(url(HeraldService.NOTIFICATION) + "/api/subscribers/"
                    + HttpJson.encode(traffic.subscriber()) + "/notifications?size=" + INBOX_PAGE + "&page=" + page));
            if (inbox == null) {
                note("the inbox did not answer");
                return notices;
            }
            inbox.path("notifications").forEach(n -> notices.computeIfAbsent(n.path("subscriptionId").asString(),
                    k -> new HashMap<>()).merge(n.path("articleId").asString(), 1, Integer::sum));
            if (inbox.path("notifications").size() < INBOX_PAGE) return notices;
        }
    }

    /** Distinct webhook messages (by webhook-id) accepted for each article; retries of one message count once. */
    private Map<String, Integer> webhookMessages() {
        Map<String, Set<String>> ids = new HashMap<>();
        for (WebhookReceiver.Call call : webhook.calls(traffic.webhookPath())) {
            if (!call.accepted() || !call.signatureValid()) continue;
            JSON.readTree(call.body()).path("data").path("notices")
                    .forEach(n -> ids.computeIfAbsent(n.path("articleId").asString(), k -> new HashSet<>()).add(call.webhookId()));
        }
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach((article, messages) -> counts.put(article, messages.size()));
        return counts;
    }

    private JsonNode body(HttpJson.Response response) {
        return response.status() == 200 ? response.body() : null;
    }

    private String url(HeraldService service) {
        return traffic.url(service);
    }

    private void missing(String id, String what) {
        lost++;
        note(id + ": " + what);
    }

    private void note(String problem) {
        if (problems.size() < 20) problems.add(problem);
    }
}
