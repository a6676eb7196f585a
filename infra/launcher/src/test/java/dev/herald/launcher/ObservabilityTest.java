package dev.herald.launcher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards and alert rules in infra/observability work against the meters the services really export:
 * promtool accepts the Prometheus configuration, the rules and every dashboard query, the rules' unit tests
 * pass, and every {@code herald_*} series they name is one a service registers, as Micrometer exports it.
 * What the services register is the meter table of docs/operations.md, held equal here to the names the
 * code gives its meters. promtool is installed by {@code infra/tools/ensure-promtool} when missing.
 */
class ObservabilityTest {

    private static final Path ROOT = Path.of(System.getProperty("herald.root", "../..")).toAbsolutePath().normalize();
    private static final Path OBSERVABILITY = ROOT.resolve("infra/observability");
    private static final Path DASHBOARDS = OBSERVABILITY.resolve("grafana/dashboards");
    private static final Set<String> DASHBOARD_UIDS = Set.of("herald-platform", "herald-pipeline", "herald-services");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(herald\\.[a-z0-9.-]+)` \\| ([a-z ()]+) \\|", Pattern.MULTILINE);
    private static final Pattern REGISTERED = Pattern.compile(
            "(?:counter|timer|gauge|builder|summary)\\(\\s*\"(herald\\.[a-z0-9.-]+)\"|static final String \\w*METER\\w* = \"(herald\\.[a-z0-9.-]+)\"");
    private static final Pattern SERIES = Pattern.compile("(?<![a-zA-Z0-9_:.])herald_[a-z0-9_]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String promtool;

    @BeforeAll
    static void ensurePromtool() throws Exception {
        Run run = run(List.of(ROOT.resolve("infra/tools/ensure-promtool").toString()));
        assertThat(run.status()).as("infra/tools/ensure-promtool:\n" + run.output()).isZero();
        promtool = run.output().lines().filter(l -> l.startsWith("PROMTOOL=")).map(l -> l.substring("PROMTOOL=".length()))
                .findFirst().orElseThrow();
    }

    @Test
    void prometheusAcceptsTheConfigurationAndTheAlertRules() throws Exception {
        Run run = run(List.of(promtool, "check", "config", OBSERVABILITY.resolve("prometheus/prometheus.yml").toString()));

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("herald-alerts.yml").contains("SUCCESS");
    }

    @Test
    void theMainAlertsFireAsTheirUnitTestsSay() throws Exception {
        List<String> command = new ArrayList<>(List.of(promtool, "test", "rules"));
        ruleTests().forEach(t -> command.add(t.toString()));

        Run run = run(command);

        assertThat(command).hasSizeGreaterThan(3);
        assertThat(run.status()).as(run.output()).isZero();
    }

    @Test
    void everyAlertHasASeverityASummaryAndARunbook() throws IOException {
        List<Map<String, Object>> alerts = alerts();

        assertThat(alerts).extracting(a -> a.get("alert")).contains("HeraldOutboxNotDraining", "HeraldConsumerLagGrowing",
                "HeraldDeadLettersPresent", "HeraldWebhookBacklogHigh", "HeraldWebhookFailureRateHigh",
                "HeraldSearchIndexBehind", "HeraldIndexDiskFilling", "HeraldBrokerDiskFilling");
        for (Map<String, Object> alert : alerts) {
            assertThat(map(alert.get("labels"))).as(alert.get("alert") + " labels").containsKey("severity");
            assertThat(map(alert.get("annotations"))).as(alert.get("alert") + " annotations").containsKeys("summary", "runbook");
            assertThat((String) map(alert.get("annotations")).get("runbook")).as(alert.get("alert") + " runbook").hasSizeGreaterThan(80);
        }
    }

    @Test
    void everyDashboardQueryIsPromqlThatPromtoolParses(@TempDir Path temp) throws Exception {
        Map<String, String> queries = dashboardQueries();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int n = 0;
        for (String expr : queries.values()) {
            rules.append("      - record: dashboard:query_").append(++n).append("\n        expr: '")
                    .append(withGrafanaVariablesFilledIn(expr).replace("'", "''")).append("'\n");
        }
        Path file = temp.resolve("dashboard-queries.yml");
        Files.writeString(file, rules);

        Run run = run(List.of(promtool, "check", "rules", file.toString()));

        assertThat(queries).hasSizeGreaterThan(50);
        assertThat(run.status()).as(run.output() + "\nqueries:\n" + String.join("\n", queries.keySet())).isZero();
        assertThat(run.output()).contains("SUCCESS: " + queries.size() + " rules found");
    }

    @Test
    void dashboardsHaveStableUidsAndTakeTheirDatasourceFromAVariable() throws IOException {
        Set<String> uids = new TreeSet<>();
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            uids.add(dashboard.path("uid").asString());
            assertThat(file.getFileName().toString()).isEqualTo(dashboard.path("uid").asString() + ".json");
            List<String> variables = new ArrayList<>();
            dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("type").asString() + ":" + v.path("name").asString()));
            assertThat(variables).as(file.getFileName().toString()).contains("datasource:datasource");
            for (JsonNode panel : dashboard.path("panels")) {
                if (panel.path("type").asString().equals("row")) continue;
                assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString()).isEqualTo("${datasource}");
                panel.path("targets").forEach(t -> assertThat(t.path("datasource").path("uid").asString()).isEqualTo("${datasource}"));
            }
        }
        assertThat(uids).isEqualTo(new TreeSet<>(DASHBOARD_UIDS));
    }

    @Test
    void everyHeraldSeriesTheDashboardsAndRulesNameIsOneAServiceExports() throws IOException {
        Set<String> exported = exportedSeries(meterTable());
        Map<String, String> unknown = new TreeMap<>();
        List<Path> files = new ArrayList<>(dashboardFiles());
        files.addAll(ruleFiles());
        files.addAll(ruleTests());
        for (Path file : files) {
            Matcher series = SERIES.matcher(Files.readString(file));
            while (series.find()) {
                if (!exported.contains(series.group())) unknown.put(series.group(), OBSERVABILITY.relativize(file).toString());
            }
        }

        assertThat(exported).contains("herald_outbox_pending", "herald_outbox_published_total", "herald_events_lag_seconds_bucket");
        assertThat(exported).doesNotContain("herald_search_requests_seconds_bucket"); // a timer without a histogram has no buckets
        assertThat(unknown).as("series no service exports (see the meter table of docs/operations.md)").isEmpty();
    }

    @Test
    void theMeterTableOfTheOperationsPageNamesEveryMeterTheCodeRegistersOnce() throws IOException {
        Set<String> registered = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Stream.concat(Files.walk(ROOT.resolve("services")), Files.walk(ROOT.resolve("shared-lib")))) {
            sources = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/")).toList();
        }
        for (Path source : sources) {
            Matcher meter = REGISTERED.matcher(Files.readString(source));
            while (meter.find()) registered.add(meter.group(1) != null ? meter.group(1) : meter.group(2));
        }
        List<String> rows = new ArrayList<>();
        Matcher row = TABLE_ROW.matcher(meterSection());
        while (row.find()) rows.add(row.group(1));

        assertThat(registered).contains("herald.outbox.pending", "herald.events.lag", "herald.pipeline.decision-to-searchable");
        assertThat(rows).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(rows)).isEqualTo(registered);
    }

    /** The meter table's names and types: counter, gauge, timer, or "timer (histogram)". */
    static Map<String, String> meterTable() throws IOException {
        Map<String, String> table = new LinkedHashMap<>();
        Matcher row = TABLE_ROW.matcher(meterSection());
        while (row.find()) table.put(row.group(1), row.group(2).trim());
        return table;
    }

    private static String meterSection() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/operations.md"));
        String section = page.substring(page.indexOf("\n## Meters\n"));
        return section.indexOf("\n## ", 1) < 0 ? section : section.substring(0, section.indexOf("\n## ", 1));
    }

    /** The series names Micrometer's Prometheus registry gives each meter: dots and dashes as underscores, a unit and suffixes by type. */
    static Set<String> exportedSeries(Map<String, String> meters) {
        Set<String> series = new TreeSet<>();
        meters.forEach((name, type) -> {
            String base = name.replace('.', '_').replace('-', '_');
            switch (type) {
                case "counter" -> series.add(base + "_total");
                case "gauge" -> series.add(base);
                case "timer", "timer (histogram)" -> {
                    Stream.of("_count", "_sum", "_max").forEach(s -> series.add(base + "_seconds" + s));
                    if (type.equals("timer (histogram)")) series.add(base + "_seconds_bucket");
                }
                default -> throw new IllegalStateException("the meter table gives " + name + " an unknown type: " + type);
            }
        });
        return series;
    }

    /** Every target's expression of every dashboard, by dashboard and panel. */
    private static Map<String, String> dashboardQueries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.put(file.getFileName() + " / " + panel.path("title").asString() + " / " + target.path("refId").asString(),
                            target.path("expr").asString());
                }
            }
        }
        return queries;
    }

    /** What Grafana puts in place of its variables before it sends a query. */
    private static String withGrafanaVariablesFilledIn(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$__interval", "15s").replace("$__range", "1h")
                .replaceAll("\\$\\{?[a-z_]+}?", ".*");
    }

    private static List<Map<String, Object>> alerts() throws IOException {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Path file : ruleFiles()) {
            Map<String, Object> rules = new Yaml().load(Files.readString(file));
            for (Object group : (List<?>) rules.get("groups")) {
                for (Object rule : (List<?>) map(group).get("rules")) {
                    if (map(rule).containsKey("alert")) alerts.add(map(rule));
                }
            }
        }
        return alerts;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return yaml == null ? Map.of() : (Map<String, Object>) yaml;
    }

    private static List<Path> dashboardFiles() throws IOException {
        return list(DASHBOARDS, ".json");
    }

    private static List<Path> ruleFiles() throws IOException {
        return list(OBSERVABILITY.resolve("prometheus/rules"), ".yml");
    }

    private static List<Path> ruleTests() throws IOException {
        return list(OBSERVABILITY.resolve("prometheus/tests"), ".yml");
    }

    private static List<Path> list(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private record Run(int status, String output) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(OBSERVABILITY.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
