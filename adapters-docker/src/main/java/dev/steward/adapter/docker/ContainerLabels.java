package dev.steward.adapter.docker;

import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The labels and names that mark a container or Swarm service as a Steward agent. The labels are the truth
 * (lookups go by {@code steward.installation} and {@code steward.client}); the name is for people reading
 * {@code docker ps}. Agents of another installation sharing the engine carry another {@code steward.installation}
 * and are never touched.
 */
final class ContainerLabels {

    static final String MSP = "steward.msp";
    static final String CLIENT = "steward.client";
    static final String CONFIG_VERSION = "steward.config-version";
    static final String INSTALLATION = "steward.installation";
    private static final int SERVICE_NAME_MAX = 63;

    private ContainerLabels() {
    }

    static Map<String, String> of(AgentSpec spec, String installation) {
        return Map.of(INSTALLATION, installation, MSP, spec.msp().toString(), CLIENT, spec.client().toString(),
                CONFIG_VERSION, Long.toString(spec.configVersion()));
    }

    /** The engine's label filter for every agent of the installation. */
    static Map<String, String> ofInstallation(String installation) {
        return Map.of(INSTALLATION, installation);
    }

    /** The engine's label filter for one client's agent of the installation. */
    static Map<String, String> ofClient(String installation, ClientId client) {
        return Map.of(INSTALLATION, installation, CLIENT, client.toString());
    }

    /** {@code steward-<first 8 hex digits of the MSP id>-<slug>}, e.g. {@code steward-1a2b3c4d-acme-corp}. */
    static String containerName(AgentSpec spec) {
        return "steward-" + spec.msp().value().toString().substring(0, 8) + "-" + spec.slug();
    }

    /**
     * Swarm service names are DNS labels (at most 63 characters): the container name, or when that is too long its
     * first part plus a hash of the whole, so two long slugs still get different names.
     */
    static String serviceName(AgentSpec spec) {
        String full = containerName(spec);
        if (full.length() <= SERVICE_NAME_MAX) {
            return full;
        }
        String hash = sha256(full).substring(0, 8);
        String head = full.substring(0, SERVICE_NAME_MAX - hash.length() - 1);
        while (head.endsWith("-")) {
            head = head.substring(0, head.length() - 1);
        }
        return head + "-" + hash;
    }

    /** The labelled agent, or empty when a label is missing or malformed (not one of ours to manage). */
    static Optional<Labelled> read(Map<String, String> labels) {
        if (labels == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Labelled(ClientId.parse(labels.get(CLIENT)), MspId.parse(labels.get(MSP)),
                    Long.parseLong(labels.getOrDefault(CONFIG_VERSION, "0"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    record Labelled(ClientId client, MspId msp, long configVersion) {}

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
