package dev.herald.ingest.feed;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A site on loopback whose documents a test sets and changes as it goes: feeds, linked pages, failures. */
final class FeedSite implements AutoCloseable {

    record Document(int status, String contentType, byte[] bytes) {
    }

    private final HttpServer server;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();

    FeedSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Document d = documents.get(exchange.getRequestURI().getPath());
            if (d == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                if (d.contentType() != null) {
                    exchange.getResponseHeaders().set("Content-Type", d.contentType());
                }
                exchange.sendResponseHeaders(d.status(), d.bytes().length == 0 ? -1 : d.bytes().length);
                exchange.getResponseBody().write(d.bytes());
            }
            exchange.close();
        });
        server.start();
    }

    /** Serves {@code bytes} at {@code path} from now on, and returns the path's URL. */
    String serve(String path, int status, String contentType, byte[] bytes) {
        documents.put(path, new Document(status, contentType, bytes));
        return url(path);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
