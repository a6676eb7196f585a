package dev.herald.launcher;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml as far as it can be checked without a Docker engine: what it builds and mounts exists,
 * what it names (dependencies, volumes, secrets) is declared, no two services take one host port, every
 * Herald setting it gives a service is a property that service's code binds (by Spring Boot's rule for
 * environment variables), and the OpenSearch image carries what the search service's index asks for.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("herald.root", "../..")).toAbsolutePath().normalize();
    private static final Path OPENSEARCH = ROOT.resolve("infra/docker/opensearch");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+\\s*$");

    @Test
    void everyServiceHasAPinnedImageOrABuildWhoseFilesExist() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (var service : services().entrySet()) {
            Map<String, Object> spec = map(service.getValue());
            if (spec.get("build") instanceof Map<?, ?> build) {
                Path context = ROOT.resolve((String) build.get("context")).normalize();
                Path dockerfile = context.resolve(build.get("dockerfile") == null ? "Dockerfile" : (String) build.get("dockerfile"));
                if (!Files.isRegularFile(dockerfile)) {
                    wrong.add(service.getKey() + ": no " + ROOT.relativize(dockerfile));
                    continue;
                }
                Map<String, Object> args = build.get("args") == null ? Map.of() : map(build.get("args"));
                Matcher copy = COPY.matcher(Files.readString(dockerfile));
                while (copy.find()) {
                    String source = copy.group(1);
                    for (var arg : args.entrySet()) {
                        source = source.replace("${" + arg.getKey() + "}", String.valueOf(arg.getValue()));
                    }
                    // a built jar is there after ./herald build; its module is what must exist
                    Path path = context.resolve(source.contains("/target/") ? source.substring(0, source.indexOf("/target/")) : source);
                    if (source.contains("${") || !Files.exists(path)) {
                        wrong.add(service.getKey() + ": " + ROOT.relativize(dockerfile) + " copies " + source + ", which is not there");
                    }
                }
            } else if (!(spec.get("image") instanceof String image) || !image.matches("[^:]+:[^:]+") || image.endsWith(":latest")) {
                wrong.add(service.getKey() + ": no build and no image with a version tag (" + spec.get("image") + ")");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(services()).containsKeys("opensearch", "opensearch-setup", "jaeger");
    }

    @Test
    void noTwoServicesTakeOneHostPort() throws IOException {
        Map<String, String> taken = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (var service : services().entrySet()) {
            for (Object port : list(map(service.getValue()).get("ports"))) {
                String host = String.valueOf(port).split(":")[0];
                String before = taken.put(host, service.getKey());
                if (before != null) clashes.add(host + ": " + before + " and " + service.getKey());
            }
        }
        assertThat(clashes).isEmpty();
        assertThat(taken).containsEntry("16686", "jaeger").containsEntry("9200", "opensearch");
    }

    @Test
    void everyDependencyVolumeAndSecretNamedIsDeclaredAndEveryMountedFileExists() throws IOException {
        Map<String, Object> compose = compose();
        Set<String> volumes = map(compose.get("volumes")).keySet();
        Set<String> secrets = compose.get("secrets") == null ? Set.of() : map(compose.get("secrets")).keySet();
        List<String> wrong = new ArrayList<>();
        for (var service : services().entrySet()) {
            Map<String, Object> spec = map(service.getValue());
            Object dependsOn = spec.get("depends_on");
            for (Object target : dependsOn instanceof Map<?, ?> m ? m.keySet() : list(dependsOn)) {
                if (!services().containsKey(String.valueOf(target))) wrong.add(service.getKey() + " depends on " + target);
            }
            for (Object volume : list(spec.get("volumes"))) {
                String source = String.valueOf(volume).split(":")[0];
                boolean ok = source.startsWith(".") ? Files.exists(ROOT.resolve(source).normalize()) : volumes.contains(source);
                if (!ok) wrong.add(service.getKey() + " mounts " + source);
            }
            for (Object secret : list(spec.get("secrets"))) {
                if (!secrets.contains(String.valueOf(secret))) wrong.add(service.getKey() + " uses secret " + secret);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * A HERALD_* variable a service is given must bind to a property of that service's own settings records (its
     * configuration metadata, and the shared libraries'), as Boot maps them: dots to underscores, dashes dropped
     * ({@code HERALD_SEARCH_INDEXPATH}) or, the older form Boot still reads, dashes to underscores too.
     */
    @Test
    void everyHeraldSettingGivenAServiceIsAPropertyItsCodeBinds() throws IOException {
        List<String> unbound = new ArrayList<>();
        int checked = 0;
        for (var service : services().entrySet()) {
            Map<String, Object> spec = map(service.getValue());
            if (!(spec.get("build") instanceof Map<?, ?> build) || build.get("args") == null) continue;
            String module = String.valueOf(map(build.get("args")).get("SERVICE"));
            Map<String, String> properties = properties(ROOT.resolve("services").resolve(module));
            for (String name : map(spec.getOrDefault("environment", Map.of())).keySet()) {
                if (!name.startsWith("HERALD_")) continue;
                checked++;
                if (!binds(name, properties)) unbound.add(service.getKey() + ": " + name);
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
        assertThat(unbound).as("variables that bind to nothing (a typo, or a setting that moved)").isEmpty();
    }

    @Test
    void aVariableBindsByEitherOfBootsFormsAndNothingElse() {
        Map<String, String> properties = Map.of("herald.search.index-path", "java.lang.String",
                "herald.search.engine.hosts", "java.util.List<java.lang.String>",
                "herald.rate-limit.groups", "java.util.Map<java.lang.String,java.lang.Integer>");

        assertThat(binds("HERALD_SEARCH_INDEXPATH", properties)).isTrue();
        assertThat(binds("HERALD_SEARCH_INDEX_PATH", properties)).isTrue();
        assertThat(binds("HERALD_SEARCH_ENGINE_HOSTS_0", properties)).isTrue();
        assertThat(binds("HERALD_RATELIMIT_GROUPS_WRITE", properties)).isTrue();
        assertThat(binds("HERALD_SEARCH_INDEXPAHT", properties)).isFalse();
        assertThat(binds("HERALD_SEARCH_ENGINE_HOST", properties)).isFalse();
    }

    @Test
    void theSearchServiceUsesTheOpenSearchNodeOfCompose() throws IOException {
        Map<String, Object> search = map(services().get("search-service"));
        Map<String, Object> environment = map(search.get("environment"));

        assertThat(environment).containsEntry("HERALD_SEARCH_BACKEND", "opensearch")
                .containsEntry("HERALD_SEARCH_ENGINE_HOSTS", "http://opensearch:9200").containsEntry("HERALD_SEARCH_ENGINE_REPLICAS", 0);
        assertThat(map(search.get("depends_on"))).containsKey("opensearch-setup");
        assertThat(map(map(services().get("opensearch")).get("environment"))).containsEntry("DISABLE_SECURITY_PLUGIN", "true");
    }

    @Test
    void everyServiceExportsItsSpansToTheComposeCollector() throws IOException {
        for (String service : List.of("ingest-service", "moderation-service", "search-service", "notification-service")) {
            assertThat(map(map(services().get(service)).get("environment")))
                    .as(service).containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://jaeger:4318/v1/traces");
        }
    }

    /**
     * The index template gives, from the official plugins, every analysis name the search service's index asks for
     * that it does not define itself, and the image installs those plugins.
     */
    @Test
    void theOpenSearchImageGivesTheAnalysisTheSearchServiceNames() throws IOException {
        JsonNode analysis = JsonMapper.builder().build().readTree(OPENSEARCH.resolve("herald-articles-template.json").toFile())
                .path("template").path("settings").path("analysis");
        String index = Files.readString(ROOT.resolve("services/search-service/src/main/java/dev/herald/search/engine/OpenSearchArticles.java"));
        String dockerfile = Files.readString(OPENSEARCH.resolve("Dockerfile"));

        for (String analyzer : List.of("herald_words", "herald_bigrams")) {
            assertThat(index).contains("\"" + analyzer + "\"");
            assertThat(analysis.path("analyzer").has(analyzer)).as(analyzer).isTrue();
        }
        assertThat(index).contains("\"herald_stacked\"");
        assertThat(analysis.path("filter").path("herald_stacked").path("type").asString()).isEqualTo("pattern_capture");
        assertThat(analysis.path("analyzer").path("herald_words").path("tokenizer").asString()).isEqualTo("smartcn_tokenizer");
        assertThat(analysis.path("char_filter").path("herald_width_case").path("type").asString()).isEqualTo("icu_normalizer");
        assertThat(dockerfile).contains("opensearch-plugin install --batch analysis-smartcn analysis-icu")
                .contains("FROM opensearchproject/opensearch:").contains("traditional-simplified.txt");
    }

    /** The image's mapping char filter folds exactly the characters Herald's own folding does. */
    @Test
    void theImagesTraditionalToSimplifiedTableIsChineseTextsOwn() throws IOException {
        List<String> pairs = Files.readAllLines(ROOT.resolve("shared-lib/chinese-text/src/main/resources/dev/herald/text/traditional-simplified.txt"))
                .stream().filter(line -> line.length() == 2 && !line.startsWith("#")).toList();
        List<String> rules = new ArrayList<>(List.of(
                "# Traditional to simplified Chinese for OpenSearch's mapping char filter (herald_traditional_simplified),",
                "# one character for one so offsets stay valid. GENERATED from shared-lib/chinese-text's",
                "# traditional-simplified.txt; ComposeFileTest fails when the two differ. Regenerate with",
                "# ./herald mvn -q -pl infra/launcher -am test -Dtest=ComposeFileTest -Dherald.compose.write=true"));
        pairs.forEach(pair -> rules.add(pair.charAt(0) + " => " + pair.charAt(1)));
        Path file = OPENSEARCH.resolve("traditional-simplified.txt");
        if (Boolean.getBoolean("herald.compose.write")) {
            Files.write(file, rules, StandardCharsets.UTF_8);
        }

        assertThat(pairs).hasSizeGreaterThan(2000);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).isEqualTo(rules);
    }

    static boolean binds(String variable, Map<String, String> properties) {
        for (var property : properties.entrySet()) {
            String upper = property.getKey().toUpperCase(Locale.ROOT).replace('.', '_');
            for (String form : List.of(upper.replace("-", ""), upper.replace('-', '_'))) {
                if (variable.equals(form)) return true;
                String type = property.getValue();
                if (variable.startsWith(form + "_") && type != null
                        && (type.startsWith("java.util.Map") || (type.startsWith("java.util.List") || type.startsWith("java.util.Set"))
                        && variable.substring(form.length() + 1).matches("\\d+"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Property name to type, from the configuration metadata of the service's module and the shared libraries'. */
    private static Map<String, String> properties(Path module) throws IOException {
        List<Path> metadata = new ArrayList<>(List.of(module.resolve("target/classes/META-INF/spring-configuration-metadata.json")));
        try (Stream<Path> shared = Files.list(ROOT.resolve("shared-lib"))) {
            shared.map(lib -> lib.resolve("target/classes/META-INF/spring-configuration-metadata.json")).forEach(metadata::add);
        }
        assertThat(metadata.getFirst()).as("built by the module's compile (spring-boot-configuration-processor)").exists();
        Map<String, String> properties = new HashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (Path file : metadata) {
            if (!Files.exists(file)) continue;
            for (JsonNode property : json.readTree(file.toFile()).path("properties")) {
                properties.put(property.path("name").asString(), property.path("type").asString(null));
            }
        }
        return properties;
    }

    private static Map<String, Object> services() throws IOException {
        return map(compose().get("services"));
    }

    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
