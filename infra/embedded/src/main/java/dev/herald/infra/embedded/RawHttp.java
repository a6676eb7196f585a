package dev.herald.infra.embedded;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request exactly as written, over a socket: HTTP clients refuse to send the malformed paths and
 * query strings a fuzzer tries. HTTP/1.0 requests get an unchunked answer that ends when the socket closes.
 */
public final class RawHttp {

    public record Answer(int status, String contentType, String body) {
    }

    private RawHttp() {
    }

    /** The request as written, in ISO-8859-1 (the bytes of its head), to the host and port of {@code baseUrl}. */
    public static Answer send(String baseUrl, String request) throws IOException {
        return send(baseUrl, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Answer send(String baseUrl, byte[] request) throws IOException {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String contentType = head.lines().filter(l -> l.regionMatches(true, 0, "content-type:", 0, 13))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            return new Answer(Integer.parseInt(head.substring(9, 12)), contentType, split < 0 ? "" : raw.substring(split + 4));
        }
    }
}
