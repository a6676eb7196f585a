package dev.herald.ingest.extraction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The hand-labelled pages under test resources extraction/pages: each page file with a .json of its expected fields. */
final class LabelledPages {

    static final List<String> CORPUS = List.of("report-nanning-tcm-hospital", "report-chaoyang-health-system",
            "report-guizhou-jiangjunshan-hospital");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Page(String name, String content, PageFormat format, JsonNode labels) {
        boolean corpus() {
            return CORPUS.contains(name);
        }
    }

    private LabelledPages() {
    }

    static ExtractionHints hints() {
        JsonNode node = JSON.readTree(resource("extraction/hints.json"));
        List<String> channels = new ArrayList<>();
        node.get("channels").forEach(c -> channels.add(c.asString()));
        List<UnitName> units = new ArrayList<>();
        node.get("units").forEach(u -> {
            List<String> aliases = new ArrayList<>();
            u.get("aliases").forEach(a -> aliases.add(a.asString()));
            units.add(new UnitName(u.get("name").asString(), aliases));
        });
        return new ExtractionHints(channels, units);
    }

    static List<Page> all() throws IOException, URISyntaxException {
        Path dir = Path.of(LabelledPages.class.getClassLoader().getResource("extraction/pages").toURI());
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String file = p.getFileName().toString();
                if (file.endsWith(".json")) continue;
                String name = file.substring(0, file.lastIndexOf('.'));
                PageFormat format = file.endsWith(".html") ? PageFormat.HTML : PageFormat.TEXT;
                Path labels = dir.resolve(name + ".json");
                pages.add(new Page(name, Files.readString(p), format, JSON.readTree(Files.readString(labels))));
            }
        }
        return pages;
    }

    static String resource(String path) {
        try (InputStream in = LabelledPages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
