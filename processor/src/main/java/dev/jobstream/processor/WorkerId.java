package dev.jobstream.processor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The name this processor instance gives itself in status events and claims: the host name and eight random
 * hex digits, new for every start, so a restarted processor can tell its predecessor's claims from its own.
 *
 * @param value the id, e.g. {@code host-1-3fa9c0d2}
 */
public record WorkerId(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh id for this host. */
    public static WorkerId generate() {
        return new WorkerId(hostName() + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt()));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "processor";
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
