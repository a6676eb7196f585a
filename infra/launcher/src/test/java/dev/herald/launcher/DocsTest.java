package dev.herald.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the pages under docs/ keep working as the code moves: every relative link and anchor
 * leads somewhere, every {@code ./herald} command they show is one the script runs, and every
 * {@code localhost} API path they show is an endpoint of the service on that port (the access matrix,
 * which the end-to-end test holds equal to what the services map).
 */
class DocsTest {

    private static final Path ROOT = Path.of(System.getProperty("herald.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern COMMAND = Pattern.compile("\\./herald ([a-z][a-z-]*)");
    private static final Pattern API_PATH = Pattern.compile("localhost:(\\d{4})(/api/[^\\s'\"?)`]*)");

    @Test
    void everyRelativeLinkAndAnchorLeadsSomewhere() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) continue; // http, https, mailto: outside the repository
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyHeraldCommandTheDocsShowIsOneTheScriptRuns() throws IOException {
        Set<String> known = scriptCommands();
        List<String> unknown = new ArrayList<>();
        for (Path page : pages()) {
            Matcher command = COMMAND.matcher(Files.readString(page));
            while (command.find()) {
                if (!known.contains(command.group(1))) unknown.add(ROOT.relativize(page) + ": ./herald " + command.group(1));
            }
        }
        assertThat(known).contains("up", "test");
        assertThat(unknown).as("commands the script knows: " + known).isEmpty();
    }

    @Test
    void everyApiPathTheDocsShowIsAnEndpointOfTheServiceOnThatPort() throws IOException {
        List<AccessMatrix.Row> rows = AccessMatrix.rows(new AccessMatrix.Resources("r", "s", "d", "b", "n", "f"));
        List<String> unknown = new ArrayList<>();
        int seen = 0;
        for (Path page : pages()) {
            Matcher api = API_PATH.matcher(Files.readString(page));
            while (api.find()) {
                seen++;
                int port = Integer.parseInt(api.group(1));
                String path = api.group(2);
                boolean known = rows.stream().anyMatch(row -> row.service().defaultPort() == port && matches(row.pattern(), path));
                if (!known) unknown.add(ROOT.relativize(page) + ": localhost:" + port + path);
            }
        }
        assertThat(seen).as("the docs show API calls").isGreaterThan(10);
        assertThat(unknown).isEmpty();
    }

    /** A documented path matches a mapped pattern when its fixed segments agree; any segment fills a variable. */
    private static boolean matches(String pattern, String path) {
        String[] want = pattern.split("/"), got = path.replaceAll("/$", "").split("/");
        if (want.length != got.length) return false;
        for (int i = 0; i < want.length; i++) {
            if (!want[i].startsWith("{") && !want[i].equals(got[i])) return false;
        }
        return true;
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        for (String top : List.of("README.md", "CONTRIBUTING.md")) {
            if (Files.exists(ROOT.resolve(top))) pages.add(ROOT.resolve(top));
        }
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            pages.addAll(docs.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
        assertThat(pages).as("README.md and docs/").hasSizeGreaterThan(5);
        return pages;
    }

    /** The slugs GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path page) throws IOException {
        return Files.readAllLines(page).stream().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    /** The labels of the script's command switch, e.g. {@code demo|bench|token|dlq)}. */
    private static Set<String> scriptCommands() throws IOException {
        Set<String> commands = new TreeSet<>();
        boolean inSwitch = false;
        for (String line : Files.readAllLines(ROOT.resolve("herald"))) {
            if (line.startsWith("case \"$cmd\" in")) inSwitch = true;
            else if (inSwitch && line.startsWith("esac")) break;
            else if (inSwitch && line.matches("^  [a-z|-]+\\).*")) {
                commands.addAll(List.of(line.strip().substring(0, line.strip().indexOf(')')).split("\\|")));
            }
        }
        commands.add("help");
        return commands;
    }
}
