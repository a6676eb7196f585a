package dev.herald.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's curl tour as a reader copies it: the bash block between the README's {@code tour:begin} and
 * {@code tour:end} markers, and the output it says the block prints (between {@code tour-output:} markers).
 * Run against a test platform, the block gets one thing a reader's shell does not: a {@code curl} function
 * that moves the README's {@code localhost:8081}-{@code 8084} to the free ports the platform took, and the
 * platform's data folder and issuer port for {@code ./herald token}. Every other character is the README's.
 */
record ReadmeTour(String script, String expectedOutput) {

    /** The ports a reader's `./herald up` uses, in the order of {@link #PORTED}. */
    private static final List<HeraldService> PORTED = List.of(HeraldService.INGEST, HeraldService.MODERATION,
            HeraldService.SEARCH, HeraldService.NOTIFICATION);

    static ReadmeTour of(Path readme) throws IOException {
        String text = Files.readString(readme);
        return new ReadmeTour(fenced(text, "tour"), fenced(text, "tour-output"));
    }

    /** The body of the one fenced block between {@code <!-- name:begin ...-->} and {@code <!-- name:end -->}. */
    static String fenced(String text, String name) {
        int begin = text.indexOf("<!-- " + name + ":begin");
        int end = text.indexOf("<!-- " + name + ":end -->");
        if (begin < 0 || end < begin || text.indexOf("<!-- " + name + ":begin", begin + 1) >= 0) {
            throw new IllegalStateException("the README needs exactly one <!-- " + name + ":begin --> ... <!-- " + name + ":end --> pair");
        }
        String marked = text.substring(text.indexOf("-->", begin) + 3, end).strip();
        if (!marked.startsWith("```") || !marked.endsWith("```")) {
            throw new IllegalStateException("between the " + name + " markers there must be one fenced code block, nothing else");
        }
        return marked.substring(marked.indexOf('\n') + 1, marked.length() - 3);
    }

    /** A curl that sends what the README addresses to localhost:808x to the port the given platform took for it. */
    static String curlOnPorts(PlatformSettings settings) {
        StringBuilder moves = new StringBuilder();
        for (HeraldService service : PORTED) {
            moves.append("    arg=${arg//localhost:").append(service.defaultPort()).append("/127.0.0.1:")
                    .append(settings.port(service)).append("}\n");
        }
        return "curl() {\n  local args=() arg\n  for arg in \"$@\"; do\n" + moves
                + "    args+=(\"$arg\")\n  done\n  command curl \"${args[@]}\"\n}\n";
    }

    /** Runs the tour with bash in the repository (where ./herald is) against the platform; at most three minutes. */
    Run run(PlatformSettings settings) throws IOException, InterruptedException {
        // CI may run on a new machine: the tools a reader needs are installed first, as the other tests' tools are
        Process tools = new ProcessBuilder(settings.root().resolve("infra/tools/ensure-curl-jq").toString())
                .redirectErrorStream(true).start();
        String installed = new String(tools.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tools.waitFor() != 0) {
            return new Run(tools.exitValue(), "", "infra/tools/ensure-curl-jq: " + installed);
        }
        Path script = Files.createTempFile("readme-tour", ".sh");
        Files.writeString(script, curlOnPorts(settings) + this.script);
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).directory(settings.root().toFile());
        builder.environment().put("HERALD_DATA_DIR", settings.dataDir().toString());
        builder.environment().put(HeraldService.AUTH.portVariable(), String.valueOf(settings.port(HeraldService.AUTH)));
        Path stdout = Files.createTempFile("readme-tour", ".out");
        Path stderr = Files.createTempFile("readme-tour", ".err");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        return new Run(ended ? process.exitValue() : -1, Files.readString(stdout, StandardCharsets.UTF_8),
                (ended ? "" : "still running after three minutes\n") + Files.readString(stderr, StandardCharsets.UTF_8));
    }

    record Run(int status, String stdout, String stderr) {
    }
}
