package dev.jobstream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds ports nobody listens on, for servers started with port 0.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * The given port, or a free one when it is 0.
     *
     * @throws IllegalStateException when the given port is taken on 127.0.0.1: a server started on it would fail
     *     to listen, and clients would reach whatever holds it instead
     */
    public static int orFree(int port) {
        if (port != 0) {
            requireFree(port);
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException taken) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is already in use, by another Jobstream "
                    + "or another server; stop it, or choose another port", taken);
        }
    }
}
