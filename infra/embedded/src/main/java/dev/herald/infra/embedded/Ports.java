package dev.herald.infra.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

public final class Ports {

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /**
     * A port the OS considers free on loopback right now, and never one this JVM handed out before:
     * a test picks several ports before anything binds them, and the OS may offer a released one again.
     *
     * <p>With {@code herald.ports.band=N} (the build gives each parallel test JVM its own N), ports come
     * from {@code 10000 + 2000 N} up to 2000 further: JVMs picking ports side by side then never pick the same
     * one, and no port of a band is one the kernel hands to an outgoing connection (those start at 32768).
     */
    public static int free() {
        Integer band = Integer.getInteger("herald.ports.band");
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = band == null ? anyFree() : inBand(band);
            if (port > 0 && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no fresh free port after 100 attempts");
    }

    private static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static int inBand(int band) {
        if (band < 0 || band > 10) throw new IllegalArgumentException("herald.ports.band must be 0 to 10, not " + band);
        int port = 10_000 + 2_000 * band + java.util.concurrent.ThreadLocalRandom.current().nextInt(2_000);
        return inUse(port) ? -1 : port;
    }

    public static boolean inUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
