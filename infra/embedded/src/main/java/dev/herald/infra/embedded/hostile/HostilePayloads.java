package dev.herald.infra.embedded.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Generates request bodies that break an endpoint's contract, from a valid example and the fields it
 * accepts: each case breaks at least one rule for sure (a missing or blank required field, a wrong type,
 * a MongoDB operator where text belongs, an operator or dotted key, an over-long value, a malformed or
 * oversized document), while the other fields carry the nastiest text there is (markup, script, control
 * characters, lone surrogates, right-to-left marks). Seeded, so a failure can be replayed.
 */
public final class HostilePayloads {

    static final List<String> NASTY_TEXT = List.of(
            "<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
            "'; db.dropDatabase(); //", "{\"$gt\":\"\"}", "${jndi:ldap://127.0.0.1/a}", "../../etc/passwd",
            "南宁市中医医院\u202E党委", "\u0000\u0001\u0007", "\uD800", "𠮷野家🙂", "  \t\n ", "null", "%00%0d%0a",
            "党".repeat(64));

    private final List<Field> fields;
    private final Map<String, Object> valid;
    private final int maxRequestBytes;

    /**
     * @param valid           a body the endpoint accepts, as nested maps and lists
     * @param maxRequestBytes the endpoint's request size limit
     */
    public HostilePayloads(Map<String, Object> valid, List<Field> fields, int maxRequestBytes) {
        this.valid = valid;
        this.fields = fields;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** The valid example itself, so a suite can show that its endpoint does accept good input. */
    public String validBody() {
        return Json.write(valid);
    }

    public List<HostileCase> generate(int count, long seed) {
        Random random = new Random(seed);
        List<HostileCase> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(oneCase(random, i));
        }
        return cases;
    }

    private HostileCase oneCase(Random random, int n) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return malformed(random, n);
        }
        Map<String, Object> body = deepCopy(valid);
        sprinkleNastyText(body, random);
        Field field = fields.get(random.nextInt(fields.size()));
        String what = switch (kind) {
            case 1 -> breakRequired(body, random);
            case 2 -> set(body, field, operatorObject(random), "operator object in " + field.path());
            case 3 -> set(body, field, wrongType(field, random), "wrong type in " + field.path());
            case 4 -> tooLong(body, random);
            case 5 -> put(body, List.of("$where", "$set", "$gt", "a.b", "status.value", "$", "x.$y").get(random.nextInt(7)),
                    NASTY_TEXT.get(random.nextInt(NASTY_TEXT.size())), "operator or dotted key");
            case 6 -> nestedOperatorKey(body, random);
            case 7 -> badEnumOrBlank(body, random);
            case 8 -> oversized(body);
            default -> breakRequired(body, random);
        };
        return new HostileCase("#" + n + " " + what, Json.write(body), "application/json");
    }

    private HostileCase malformed(Random random, int n) {
        String valid = Json.write(this.valid);
        return switch (random.nextInt(7)) {
            case 0 -> new HostileCase("#" + n + " truncated JSON", valid.substring(0, Math.max(1, random.nextInt(valid.length()))), "application/json");
            case 1 -> new HostileCase("#" + n + " trailing garbage", valid + "}{", "application/json");
            case 2 -> new HostileCase("#" + n + " array instead of object", "[" + valid + "]", "application/json");
            case 3 -> new HostileCase("#" + n + " deep nesting", "[".repeat(5_000) + "]".repeat(5_000), "application/json");
            case 4 -> new HostileCase("#" + n + " not JSON", "<report><title>x</title></report>", "application/json");
            case 5 -> new HostileCase("#" + n + " wrong content type", valid, "text/plain");
            default -> new HostileCase("#" + n + " empty body", "", "application/json");
        };
    }

    private String breakRequired(Map<String, Object> body, Random random) {
        List<Field> required = fields.stream().filter(Field::required).toList();
        if (required.isEmpty()) {
            return put(body, "$where", "1", "operator key (nothing is required here)");
        }
        Field field = required.get(random.nextInt(required.size()));
        if (random.nextBoolean()) {
            remove(body, field.path());
            return "missing " + field.path();
        }
        return set(body, field, random.nextBoolean() ? null : " \u3000\t", "blank " + field.path());
    }

    private String tooLong(Map<String, Object> body, Random random) {
        List<Field> bounded = fields.stream().filter(f -> f.maxLength() > 0).toList();
        Field field = bounded.get(random.nextInt(bounded.size()));
        if (field.kind() == Field.Kind.TEXT_LIST) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i <= field.maxLength(); i++) items.add("标签" + i);
            return set(body, field, items, "too many items in " + field.path());
        }
        return set(body, field, "长".repeat(field.maxLength() + 1 + random.nextInt(50)), "over-long " + field.path());
    }

    private String nestedOperatorKey(Map<String, Object> body, Random random) {
        Field field = fields.get(random.nextInt(fields.size()));
        Map<String, Object> operator = new LinkedHashMap<>();
        operator.put(random.nextBoolean() ? "$ne" : "$regex", random.nextBoolean() ? ".*" : null);
        return set(body, field, field.kind() == Field.Kind.TEXT_LIST ? List.of(operator) : operator,
                "operator inside " + field.path());
    }

    private String badEnumOrBlank(Map<String, Object> body, Random random) {
        List<Field> enums = fields.stream().filter(f -> f.kind() == Field.Kind.ENUM).toList();
        if (enums.isEmpty()) {
            return breakRequired(body, random);
        }
        Field field = enums.get(random.nextInt(enums.size()));
        return set(body, field, List.of("SMS", "", "inbox ", "<b>INBOX</b>", "WEBHOOK\u0000").get(random.nextInt(5)),
                "unknown value of " + field.path());
    }

    private String oversized(Map<String, Object> body) {
        put(body, "padding", "x".repeat(maxRequestBytes + 1), "");
        return "body over " + maxRequestBytes + " bytes";
    }

    private static Object operatorObject(Random random) {
        return Map.of(List.of("$gt", "$ne", "$where", "$expr", "$regex").get(random.nextInt(5)), "");
    }

    private static Object wrongType(Field field, Random random) {
        if (field.kind() == Field.Kind.TEXT_LIST) {
            return random.nextBoolean() ? "不是列表" : Map.of("0", "x");
        }
        return List.of(42, true, List.of("a"), 1.5e308, Map.of("text", "x")).get(random.nextInt(5));
    }

    private void sprinkleNastyText(Map<String, Object> body, Random random) {
        for (Field field : fields) {
            if (field.kind() == Field.Kind.TEXT && random.nextInt(3) == 0) {
                String nasty = NASTY_TEXT.get(random.nextInt(NASTY_TEXT.size()));
                if (nasty.length() <= field.maxLength() && !nasty.isBlank() && get(body, field.path()) != null) {
                    set(body, field, nasty, "");
                }
            }
        }
    }

    private static String set(Map<String, Object> body, Field field, Object value, String what) {
        parent(body, field.path()).put(leaf(field.path()), value);
        return what;
    }

    private static String put(Map<String, Object> body, String key, Object value, String what) {
        body.put(key, value);
        return what;
    }

    private static void remove(Map<String, Object> body, String path) {
        parent(body, path).remove(leaf(path));
    }

    private static Object get(Map<String, Object> body, String path) {
        return parent(body, path).get(leaf(path));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parent(Map<String, Object> body, String path) {
        Map<String, Object> node = body;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Function<Object, Object> copy = new Function<>() {
            public Object apply(Object o) {
                if (o instanceof Map<?, ?> m) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    m.forEach((k, v) -> out.put((String) k, this.apply(v)));
                    return out;
                }
                if (o instanceof List<?> l) {
                    return new ArrayList<>(l.stream().map(this).toList());
                }
                return o;
            }
        };
        return (Map<String, Object>) copy.apply(map);
    }
}
