package dev.herald.moderation.screening;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule book: bound from configuration, documented key by key, and versioned by what it holds. */
class ScreeningRulesTest {

    private static final Path DOCS = Path.of("../../docs/screening.md");

    @Test
    void theSameRulesAlwaysHaveTheSameVersion() {
        assertThat(ScreeningRules.defaults().version()).matches("policy-[0-9a-f]{8}")
                .isEqualTo(new ScreeningRules(0, 0, null, null, null, null, null, null, null, null).version())
                .isEqualTo(bind(Map.of()).version());
    }

    @Test
    void changingAnyRuleChangesTheVersion() {
        List<String> unchanged = new ArrayList<>();
        List<String> rules = leaves(ScreeningRules.class, "");
        for (String rule : rules) {
            ScreeningRules changed = (ScreeningRules) changed(ScreeningRules.defaults(), rule);
            assertThat(ScreeningRules.canonical(changed)).as(rule).isNotEqualTo(ScreeningRules.canonical(ScreeningRules.defaults()));
            if (changed.version().equals(ScreeningRules.defaults().version())) {
                unchanged.add(rule);
            }
        }
        assertThat(rules).hasSizeGreaterThan(30);
        assertThat(unchanged).as("rules whose change leaves the version as it was").isEmpty();
    }

    @Test
    void aRuleSetInConfigurationReplacesItsDefaultAndNothingElse() {
        ScreeningRules rules = bind(Map.of("herald.screening.rules.scramble.splice-bits", "16.5",
                "herald.screening.rules.weights.medium", "4",
                "herald.screening.rules.channels", "党建新闻,工作动态"));

        assertThat(rules.scramble().spliceBits()).isEqualTo(16.5);
        assertThat(rules.weight(Finding.Severity.MEDIUM)).isEqualTo(4);
        assertThat(rules.channels()).containsExactlyInAnyOrder("党建新闻", "工作动态");
        assertThat(rules.scramble().brokenBits()).isEqualTo(ScreeningRules.defaults().scramble().brokenBits());
        assertThat(rules.weight(Finding.Severity.HIGH)).isEqualTo(ScreeningRules.defaults().weight(Finding.Severity.HIGH));
        assertThat(rules.version()).isNotEqualTo(ScreeningRules.defaults().version());
    }

    @Test
    void channelsCountAsASetWhateverTheirOrder() {
        assertThat(ScreeningRules.defaults().withChannels(Set.of("党建新闻", "工作动态")).version())
                .isEqualTo(bind(Map.of("herald.screening.rules.channels", "工作动态,党建新闻")).version());
    }

    @Test
    void aNearDuplicateDistanceBeyondWhatTheIndexFindsIsRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("herald.screening.rules.near-duplicates.max-distance", "4")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("at most 3");
    }

    @Test
    void aScreenerRecordsTheVersionOfTheRulesItApplies() {
        ScreeningRules strict = bind(Map.of("herald.screening.rules.attention-score", "1"));
        Screener screener = new Screener(strict, java.time.Clock.systemUTC());

        ScreeningResult result = screener.screen("标题", "社区组织志愿者清理楼道杂物。");

        assertThat(result.policyVersion()).isEqualTo(strict.version()).isNotEqualTo(ScreeningRules.defaults().version());
    }

    @Test
    void everyRuleIsDocumentedWithItsKeyAndTheShippedVersionIsNamed() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);

        assertThat(leaves(ScreeningRules.class, "herald.screening.rules."))
                .allSatisfy(key -> assertThat(docs).as("docs/screening.md documents " + key).contains("`" + key + "`"));
        assertThat(docs).as("docs/screening.md names the version of the rules moderation ships with").contains("`" + shipped().version() + "`");
    }

    /** The rules as moderation's application.yml sets them, bound the way Spring Boot binds them. */
    private static ScreeningRules shipped() throws IOException {
        var yaml = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        return new Binder(ConfigurationPropertySources.from(yaml)).bindOrCreate("herald.screening.rules", ScreeningRules.class);
    }

    private static ScreeningRules bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("herald.screening.rules", ScreeningRules.class);
    }

    /** The keys of every single rule, nested records walked into, in kebab case. */
    private static List<String> leaves(Class<?> type, String prefix) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + kebab(component.getName());
            if (component.getType().isRecord()) {
                keys.addAll(leaves(component.getType(), key + "."));
            } else {
                keys.add(key);
            }
        }
        return keys;
    }

    /** {@code rules} with the rule at {@code path} (a key without the prefix) moved off its value. */
    private static Object changed(Object rules, String path) {
        String head = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        RecordComponent[] components = rules.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                Object value = components[i].getAccessor().invoke(rules);
                if (kebab(components[i].getName()).equals(head)) {
                    value = path.contains(".") ? changed(value, path.substring(path.indexOf('.') + 1)) : moved(value);
                }
                values[i] = value;
            }
            Constructor<?> canonical = rules.getClass().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object moved(Object value) {
        UnaryOperator<Object> move = switch (value) {
            case Integer i -> v -> i == 1 ? 2 : i - 1;
            case Double d -> v -> d + 0.25;
            case Duration d -> v -> d.plusSeconds(1);
            case Finding.Severity s -> v -> s == Finding.Severity.HIGH ? Finding.Severity.LOW : Finding.Severity.HIGH;
            case Set<?> s -> v -> {
                Set<Object> more = new HashSet<>(s);
                more.add("其他频道");
                return more;
            };
            case List<?> l -> v -> l.subList(1, l.size());
            default -> throw new IllegalStateException("a rule of a type this test cannot change: " + value.getClass());
        };
        return move.apply(value);
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
