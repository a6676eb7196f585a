package dev.herald.launcher;

import dev.herald.auth.account.Role;
import dev.herald.corpus.GeneratedReport;
import dev.herald.corpus.ReportGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * `./herald bulk-bench`: starts a platform of its own (free ports, a fresh temporary data folder, the
 * store in memory, rate limits off), posts generated reports as one NDJSON bulk import, and measures the
 * import's answer and the time until every report is in moderation's review queue, as a moderator
 * sees it through the queue API.
 */
final class BulkBench {

    private static final long SEED = 20_260_407L;

    private final Path root;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.builder().build();

    BulkBench(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    boolean run(int reports) throws Exception {
        Path data = Files.createTempDirectory("herald-bulk-bench");
        // the store on disk, as ./herald up keeps it: what an import costs includes making it durable
        PlatformSettings settings = PlatformSettings.onFreePorts(root, data, false).withStoreOnDisk();
        out.printf("herald bulk-bench: %d generated reports in one NDJSON import; JDK %s, %d cores, services %s%n",
                reports, Runtime.version(), Runtime.getRuntime().availableProcessors(), settings.serviceJvmOptions());
        Path file = data.resolve("reports.ndjson");
        write(file, reports);
        out.printf("herald bulk-bench: %d reports, %.1f MB of NDJSON; starting the platform in %s%n",
                reports, Files.size(file) / 1e6, data);
        try (Platform platform = Platform.start(settings, out)) {
            String unit = "批量基准-" + UUID.randomUUID().toString().substring(0, 8);
            HttpJson asModerator = new HttpJson().as(LocalAccounts.token(settings, Role.MODERATOR, null));
            String token = LocalAccounts.token(settings, Role.UNIT, unit);
            // the generated reports' unit is registered first, as an administrator would; their channels are starter channels
            HttpJson asAdmin = new HttpJson().as(LocalAccounts.token(settings, Role.ADMIN, null));
            HttpJson.Response registered = asAdmin.request("PUT", settings.baseUrl(HeraldService.INGEST) + "/api/units/"
                    + HttpJson.encode(unit), "{\"aliases\":[]}");
            if (registered.status() != 201) {
                throw new IllegalStateException("could not register the unit " + unit + ": " + registered.body());
            }
            String queue = settings.baseUrl(HeraldService.MODERATION) + "/api/reviews?status=PENDING&size=1&unit=" + HttpJson.encode(unit);

            long start = System.nanoTime();
            Map<String, Integer> counts = post(settings.baseUrl(HeraldService.INGEST) + "/api/reports/bulk", token, file);
            double imported = (System.nanoTime() - start) / 1e9;
            int created = counts.getOrDefault("CREATED", 0);
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            long queued = 0;
            while ((queued = asModerator.get(queue).body().path("total").asLong()) < created && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            double endToEnd = (System.nanoTime() - start) / 1e9;

            out.println();
            out.printf("import answered   %6.1f s  %7.1f reports/s  (results %s)%n", imported, reports / imported, counts);
            out.printf("in review queue   %6.1f s  %7.1f reports/s  (%d of %d created reports PENDING in moderation)%n",
                    endToEnd, queued / endToEnd, queued, created);
            return queued == created && created == reports;
        }
    }

    private void write(Path file, int reports) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            var it = new ReportGenerator(SEED).stream(reports).iterator();
            while (it.hasNext()) {
                GeneratedReport r = it.next();
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("channel", r.channel());
                line.put("title", r.title());
                line.put("subtitle", r.subtitle());
                line.put("body", r.body());
                line.put("author", r.author());
                line.put("contributor", r.contributor());
                line.put("originalPublishedAt", r.publishedAt().toString());
                line.put("tags", r.tags());
                writer.write(json.writeValueAsString(line));
                writer.write('\n');
            }
        }
    }

    /** Posts the file and reads the streamed answer to its end; returns the count of each item status. */
    private Map<String, Integer> post(String url, String token, Path file) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .header("Idempotency-Key", "bulk-bench-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the import answered " + response.statusCode() + ": "
                    + String.join("\n", response.body().toList()));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        response.body().forEach(line -> {
            var node = json.readTree(line);
            if (node.has("status") && node.has("line")) {
                counts.merge(node.path("status").asString(), 1, Integer::sum);
            } else if (node.has("problem")) {
                out.println("herald bulk-bench: the import failed: " + node.path("problem"));
            }
        });
        return counts;
    }
}
