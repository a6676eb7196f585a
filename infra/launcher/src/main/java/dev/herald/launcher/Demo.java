package dev.herald.launcher;

import dev.herald.auth.account.Role;
import tools.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Walks a running platform through the whole flow with the corpus reports, printing every step:
 * subscribe, submit, moderate, follow the status, search, read the inbox.
 */
final class Demo {

    private final PlatformSettings settings;
    private final PrintStream out;
    private final HttpJson http = new HttpJson();

    Demo(PlatformSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    boolean run() throws InterruptedException {
        String ingest = settings.baseUrl(HeraldService.INGEST);
        String moderation = settings.baseUrl(HeraldService.MODERATION);
        String search = settings.baseUrl(HeraldService.SEARCH);
        String notification = settings.baseUrl(HeraldService.NOTIFICATION);
        String reader = "demo-reader-" + System.currentTimeMillis() % 100_000;

        step("0. Each party gets an access token from the local issuer (./herald token does the same)");
        HttpJson asReader = http.as(LocalAccounts.token(settings, Role.SUBSCRIBER, reader));
        HttpJson asModerator = http.as(LocalAccounts.token(settings, Role.MODERATOR, null));
        out.println("   tokens for " + reader + " (SUBSCRIBER), the moderator, and each unit as it submits");

        step("1. " + reader + " subscribes to reports mentioning 疫情 (inbox)");
        var subscription = asReader.post(notification + "/api/subscriptions", Map.of(
                "filter", Map.of("keywords", List.of("疫情")), "delivery", Map.of("type", "INBOX")));
        show(subscription);

        step("2. Three units submit the corpus reports");
        List<String> ids = new ArrayList<>();
        List<HttpJson> units = new ArrayList<>();
        for (Map<String, Object> report : CorpusReports.submissions()) {
            HttpJson asUnit = http.as(LocalAccounts.token(settings, Role.UNIT, (String) report.get("unit")));
            units.add(asUnit);
            var receipt = asUnit.post(ingest + "/api/reports", CorpusReports.body(report));
            out.printf("   %s  %s -> %d %s%n", report.get("unit"), report.get("title"), receipt.status(), receipt.body());
            ids.add(receipt.body().path("id").asString());
        }

        step("3. The reports wait in moderation's queue");
        for (String id : ids) {
            await("review " + id, () -> asModerator.get(moderation + "/api/reviews/" + id), r -> r.status() == 200);
        }
        show(asModerator.get(moderation + "/api/reviews?status=PENDING&size=5"));

        step("4. A moderator approves two and rejects one");
        show(asModerator.post(moderation + "/api/reviews/" + ids.get(0) + "/approve", Map.of("note", "内容属实")));
        show(asModerator.post(moderation + "/api/reviews/" + ids.get(2) + "/approve", Map.of()));
        show(asModerator.post(moderation + "/api/reviews/" + ids.get(1) + "/reject", Map.of("reason", "请补充供稿人信息后重新提交")));

        step("5. Units see what became of their reports");
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            HttpJson asUnit = units.get(i);
            var report = await("status of " + id, () -> asUnit.get(ingest + "/api/reports/" + id),
                    r -> !"SUBMITTED".equals(r.body().path("status").asString()));
            out.printf("   %s: %s %s%n", id, report.body().path("status").asString(), report.body().path("rejectionReason").asString(""));
        }

        step("6. Readers search for 将军山 and 中医医院");
        show(await("search", () -> http.get(search + "/api/search?q=" + HttpJson.encode("将军山")),
                r -> r.body().path("total").asInt() > 0));
        show(http.get(search + "/api/search?q=" + HttpJson.encode("中医医院")));

        step("7. " + reader + "'s inbox");
        show(await("inbox", () -> asReader.get(notification + "/api/subscribers/" + reader + "/notifications"),
                r -> r.body().path("total").asInt() >= 2));
        out.println("\nDone.");
        return true;
    }

    private HttpJson.Response await(String what, Supplier<HttpJson.Response> call, Predicate<HttpJson.Response> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpJson.Response last = null;
        while (System.nanoTime() < deadline) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("gave up waiting for " + what + "; last answer: " + (last == null ? "none" : last.body()));
    }

    private void step(String title) {
        out.println();
        out.println("== " + title);
    }

    private void show(HttpJson.Response response) {
        JsonNode body = response.body();
        String text = body.toString();
        out.println("   -> " + response.status() + " " + (text.length() > 600 ? text.substring(0, 600) + "..." : text));
    }
}
