package dev.jobstream.gateway.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Identifies a request body independently of its formatting: the SHA-256 of its canonical JSON, in which
 * object properties are sorted by name and no whitespace appears.
 */
public final class RequestFingerprint {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RequestFingerprint() {
    }

    /** The hex SHA-256 of the canonical form of a JSON tree. */
    public static String of(JsonNode body) {
        byte[] canonical = MAPPER.writeValueAsBytes(canonical(body));
        return HexFormat.of().formatHex(sha256().digest(canonical));
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            node.properties().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                    .forEach(property -> sorted.set(property.getKey(), canonical(property.getValue())));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode elements = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> elements.add(canonical(element)));
            return elements;
        }
        return node;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime provides SHA-256", missing);
        }
    }
}
