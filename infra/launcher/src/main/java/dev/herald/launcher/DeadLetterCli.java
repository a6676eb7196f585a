package dev.herald.launcher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ./herald dlq}: the dead letters of a running platform, through each service's
 * {@code /api/admin/dead-letters}. Exits 0 when everything asked for was done, 1 when something failed
 * (a letter still failing, a service not answering, no such letter), 2 on a usage mistake.
 */
final class DeadLetterCli {

    static final String USAGE = """
            usage: ./herald dlq list [--service=S] [--topic=T] [--consumer=C] [--status=PENDING|FAILING|REPLAYED|DISCARDED]
                   ./herald dlq show ID
                   ./herald dlq replay ID
                   ./herald dlq replay --all [--service=S] [--topic=T] [--consumer=C]
                   ./herald dlq discard ID
              S is ingest, moderation, search or notification; IDs are as list prints them""";

    private static final String PATH = "/api/admin/dead-letters";
    private static final int PAGE = 100;
    private static final int MAX_LISTED = 1000;
    private static final int STACK_LINES = 30;

    private final Map<HeraldService, String> services;
    private final HttpJson http;
    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param services the base URL of each service to ask, e.g. {@code http://127.0.0.1:8083} */
    DeadLetterCli(Map<HeraldService, String> services, HttpJson asAdmin, PrintStream out, PrintStream err) {
        this.services = services;
        this.http = asAdmin;
        this.out = out;
        this.err = err;
    }

    static Map<HeraldService, String> of(PlatformSettings settings) {
        Map<HeraldService, String> urls = new EnumMap<>(HeraldService.class);
        for (HeraldService service : HeraldService.values()) {
            if (service.isPublishingService()) {
                urls.put(service, settings.baseUrl(service));
            }
        }
        return urls;
    }

    /** @param args what follows {@code dlq} on the command line */
    int run(List<String> args) {
        List<String> words = args.stream().filter(a -> !a.startsWith("--")).toList();
        Map<String, String> options = args.stream().filter(a -> a.startsWith("--"))
                .collect(Collectors.toMap(a -> a.contains("=") ? a.substring(2, a.indexOf('=')) : a.substring(2),
                        a -> a.contains("=") ? a.substring(a.indexOf('=') + 1) : "", (a, b) -> b));
        try {
            List<String> unknown = options.keySet().stream()
                    .filter(o -> !List.of("service", "topic", "consumer", "status", "all").contains(o)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown option --" + unknown.getFirst());
            }
            Map<HeraldService, String> scope = scope(options.get("service"));
            String command = words.isEmpty() ? "" : words.getFirst();
            return switch (command) {
                case "list" -> list(scope, query(options, true));
                case "show" -> show(id(words));
                case "replay" -> options.containsKey("all") ? replayAll(scope, query(options, false)) : replay(id(words));
                case "discard" -> discard(id(words));
                default -> throw new IllegalArgumentException(command.isEmpty() ? "a command is missing" : "unknown command " + command);
            };
        } catch (IllegalArgumentException e) {
            err.println("herald: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private int list(Map<HeraldService, String> scope, String query) {
        List<String[]> rows = new ArrayList<>();
        boolean failed = false;
        long total = 0;
        for (var service : scope.entrySet()) {
            try {
                for (int page = 0; page * PAGE < MAX_LISTED; page++) {
                    HttpJson.Response response = http.get(service.getValue() + PATH + "?size=" + PAGE + "&page=" + page + query);
                    if (response.status() != 200) {
                        failed |= problem(service.getKey(), response);
                        break;
                    }
                    JsonNode body = response.body();
                    if (page == 0) {
                        total += body.path("total").asLong();
                    }
                    body.path("deadLetters").forEach(l -> rows.add(new String[]{l.path("id").asString(), name(service.getKey()),
                            l.path("status").asString(), l.path("failedAt").asString(), l.path("key").asString(""),
                            shorten(l.path("reason").asString(""), 100)}));
                    if (body.path("deadLetters").size() < PAGE) {
                        break;
                    }
                }
            } catch (UncheckedIOException e) {
                failed |= unreachable(service.getKey(), service.getValue());
            }
        }
        if (rows.isEmpty()) {
            out.println("No dead letters" + (query.isEmpty() ? "." : " match."));
        } else {
            table(List.of("ID", "SERVICE", "STATUS", "FAILED AT", "KEY", "REASON"), rows);
            out.println(total + " dead letter" + (total == 1 ? "" : "s") + (total > rows.size() ? ", " + rows.size() + " shown" : "")
                    + "; newest first. ./herald dlq show ID for one in full.");
        }
        return failed ? 1 : 0;
    }

    private int show(String id) {
        Optional<Found> found = find(id);
        if (found.isEmpty()) {
            return 1;
        }
        JsonNode l = found.get().letter();
        out.printf("%-12s %s%n", "ID", l.path("id").asString());
        out.printf("%-12s %s%n", "Service", found.get().service().artifact());
        out.printf("%-12s %s%n", "Status", l.path("status").asString()
                + (l.hasNonNull("discardedAt") ? " at " + l.path("discardedAt").asString() + " by " + l.path("discardedBy").asString() : ""));
        out.printf("%-12s %s (partition %d, offset %d)%n", "Topic", l.path("topic").asString(), l.path("partition").asInt(),
                l.path("offset").asLong());
        out.printf("%-12s %s (group %s)%n", "Consumer", l.path("consumer").asString(), l.path("group").asString());
        out.printf("%-12s %s%n", "Key", l.path("key").asString(""));
        out.printf("%-12s %s (recorded %s, from %s)%n", "Failed at", l.path("failedAt").asString(), l.path("recordedAt").asString(),
                l.path("dlqTopic").asString());
        JsonNode reason = l.path("reason");
        out.printf("%-12s %s%n", "Reason", reason.path("rootCause").asString(""));
        out.printf("%-12s %s: %s%n", "Exception", reason.path("exception").asString(""), reason.path("message").asString(""));
        for (JsonNode replay : l.path("replays")) {
            out.printf("%-12s %s by %s: %s%s%n", "Replayed", replay.path("at").asString(), replay.path("by").asString(),
                    replay.path("outcome").asString(), replay.hasNonNull("reason") ? " (" + replay.path("reason").asString() + ")" : "");
        }
        out.println("Headers");
        l.path("headers").properties().forEach(h -> out.println("  " + h.getKey() + ": " + h.getValue().asString("")));
        out.println("Payload (" + l.path("payloadEncoding").asString() + ")");
        out.println(indent(pretty(l.path("payload").asString(""))));
        List<String> stack = reason.path("stackTrace").asString("").lines().toList();
        out.println("Stack trace");
        stack.stream().limit(STACK_LINES).forEach(line -> out.println("  " + line));
        if (stack.size() > STACK_LINES) {
            out.println("  ... " + (stack.size() - STACK_LINES) + " more lines: GET " + found.get().url());
        }
        return 0;
    }

    private int replay(String id) {
        Optional<Found> found = find(id);
        if (found.isEmpty()) {
            return 1;
        }
        HttpJson.Response response = http.post(found.get().url() + "/replay", "");
        if (response.status() != 200) {
            problem(found.get().service(), response);
            return 1;
        }
        return printOutcome(response.body()) ? 0 : 1;
    }

    private int replayAll(Map<HeraldService, String> scope, String query) {
        boolean failed = false;
        int replayed = 0;
        int failing = 0;
        for (var service : scope.entrySet()) {
            try {
                HttpJson.Response response = http.post(service.getValue() + PATH + "/replay" + query.replaceFirst("^&", "?"), "");
                if (response.status() != 200) {
                    failed |= problem(service.getKey(), response);
                    continue;
                }
                for (JsonNode result : response.body().path("deadLetters")) {
                    boolean ok = printOutcome(result);
                    failing += ok ? 0 : 1;
                    replayed += "REPLAYED".equals(result.path("outcome").asString()) ? 1 : 0;
                }
            } catch (UncheckedIOException e) {
                failed |= unreachable(service.getKey(), service.getValue());
            }
        }
        out.println("Replayed " + replayed + (failing > 0 ? "; " + failing + " still failing or busy." : "."));
        return failed || failing > 0 ? 1 : 0;
    }

    private int discard(String id) {
        Optional<Found> found = find(id);
        if (found.isEmpty()) {
            return 1;
        }
        HttpJson.Response response = http.delete(found.get().url());
        if (response.status() != 200) {
            problem(found.get().service(), response);
            return 1;
        }
        out.println(id + ": DISCARDED at " + response.body().path("discardedAt").asString() + " (kept on record; it is not replayed)");
        return 0;
    }

    /** Prints one replay's outcome; false when the letter is still not processed. */
    private boolean printOutcome(JsonNode result) {
        String outcome = result.path("outcome").asString();
        String line = result.path("id").asString() + ": " + switch (outcome) {
            case "REPLAYED" -> "REPLAYED, processed by its consumer";
            case "ALREADY_REPLAYED" -> "ALREADY_REPLAYED before; nothing done";
            case "FAILING" -> "FAILING again: " + result.path("reason").asString("");
            case "BUSY" -> "BUSY: " + result.path("reason").asString("");
            default -> outcome;
        };
        (outcome.equals("REPLAYED") || outcome.equals("ALREADY_REPLAYED") ? out : err).println(line);
        return outcome.equals("REPLAYED") || outcome.equals("ALREADY_REPLAYED");
    }

    private record Found(HeraldService service, String url, JsonNode letter) {
    }

    /** Asks each service for the letter: its id names its dead-letter topic, not the service's address. */
    private Optional<Found> find(String id) {
        List<String> trouble = new ArrayList<>();
        for (var service : services.entrySet()) {
            String url = service.getValue() + PATH + "/" + HttpJson.encode(id);
            try {
                HttpJson.Response response = http.get(url);
                if (response.status() == 200) {
                    return Optional.of(new Found(service.getKey(), url, response.body()));
                }
                if (response.status() != 404) {
                    problem(service.getKey(), response);
                    return Optional.empty();
                }
            } catch (UncheckedIOException e) {
                trouble.add(name(service.getKey()));
                unreachable(service.getKey(), service.getValue());
            }
        }
        err.println("herald: no dead letter " + id + (trouble.isEmpty() ? " in any service" : " in the services that answered"));
        return Optional.empty();
    }

    private Map<HeraldService, String> scope(String service) {
        if (service == null) {
            return services;
        }
        String wanted = service.toLowerCase(Locale.ROOT).replaceFirst("-service$", "");
        return services.entrySet().stream().filter(e -> name(e.getKey()).equals(wanted)).findFirst()
                .map(e -> Map.of(e.getKey(), e.getValue()))
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + service + " (ingest, moderation, search, notification)"));
    }

    private static String query(Map<String, String> options, boolean withStatus) {
        StringBuilder query = new StringBuilder();
        for (String name : withStatus ? List.of("topic", "consumer", "status") : List.of("topic", "consumer")) {
            String value = options.get(name);
            if (value != null) {
                query.append('&').append(name).append('=')
                        .append(HttpJson.encode(name.equals("status") ? value.toUpperCase(Locale.ROOT) : value));
            }
        }
        return query.toString();
    }

    private static String id(List<String> words) {
        if (words.size() != 2) {
            throw new IllegalArgumentException("one dead-letter ID is needed" + (words.isEmpty() ? "" : " after " + words.getFirst()));
        }
        return words.get(1);
    }

    private boolean problem(HeraldService service, HttpJson.Response response) {
        String detail = response.body().path("detail").asString(response.body().toString());
        err.println("herald: " + service.artifact() + " answered " + response.status() + ": " + detail);
        return true;
    }

    private boolean unreachable(HeraldService service, String url) {
        err.println("herald: " + service.artifact() + " at " + url + " is not answering (is ./herald up running?)");
        return true;
    }

    private void table(List<String> header, List<String[]> rows) {
        int[] widths = header.stream().mapToInt(String::length).toArray();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        String format = Arrays.stream(widths).limit(widths.length - 1).mapToObj(w -> "%-" + w + "s  ")
                .collect(Collectors.joining()) + "%s%n";
        out.printf(format, header.toArray());
        rows.forEach(row -> out.printf(format, (Object[]) row));
    }

    private String pretty(String payload) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(payload));
        } catch (RuntimeException notJson) {
            return payload;
        }
    }

    private static String indent(String text) {
        return text.lines().map(line -> "  " + line).collect(Collectors.joining("\n"));
    }

    private static String shorten(String text, int max) {
        String line = text.replace('\n', ' ');
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    private static String name(HeraldService service) {
        return service.name().toLowerCase(Locale.ROOT);
    }
}
