package dev.herald.ingest.bulk;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP/1.1 POST over a plain socket with a chunked body: the test decides when each part of the body
 * goes out, and reads the answer while it is still sending, which no ready-made client lets it do.
 */
final class ChunkedHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private BufferedReader body;

    ChunkedHttp(int port, String path, Map<String, String> requestHeaders) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = new java.io.BufferedInputStream(socket.getInputStream());
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n");
        requestHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void send(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    void finish() throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The answer's status; reads its head on first call. */
    int status() throws IOException {
        readHead();
        return status;
    }

    String header(String name) throws IOException {
        readHead();
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The answer's next body line, or null at its end. */
    String nextLine() throws IOException {
        readHead();
        return body.readLine();
    }

    private void readHead() throws IOException {
        if (body != null) {
            return;
        }
        status = Integer.parseInt(line().split(" ")[1]);
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), header.substring(colon + 1).strip());
        }
        InputStream content = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? new Dechunked() : in;
        body = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new java.io.EOFException("connection closed");
            if (b != '\r') bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The answer's body with its chunk framing taken off. */
    private final class Dechunked extends InputStream {
        private long left;
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) return -1;
            if (left == 0) {
                left = Long.parseLong(line().split(";")[0].strip(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) throw new java.io.EOFException("connection closed inside a chunk");
            left -= n;
            if (left == 0) line();
            return n;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
