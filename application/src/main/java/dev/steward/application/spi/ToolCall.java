package dev.steward.application.spi;

import dev.steward.application.stability.Stable;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One tool call the tool gateway allowed: for which client of which MSP, that client's mapping in the integration's
 * directory (its tenant, its company) when it has one, the session and its requester, the tool and its arguments
 * (unredacted, already checked against the tool's input). A provider whose tools act inside a client's entry refuses
 * a call without a mapping, so one client's call never reaches another client's data.
 */
@Stable
public record ToolCall(MspId msp, ClientId client, Optional<ClientMapping> mapping, UUID session, String requester,
                       ToolName tool, Map<String, String> arguments) {

    public ToolCall {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(session, "session");
        requester = requester == null ? "" : requester;
        Objects.requireNonNull(tool, "tool");
        arguments = Map.copyOf(arguments);
        if (mapping.isPresent() && !(mapping.get().client().equals(client) && mapping.get().msp().equals(msp))) {
            throw new IllegalArgumentException("the mapping is another client's");
        }
    }

    /** The argument's value, or empty when the call left it out. */
    public Optional<String> argument(String name) {
        return Optional.ofNullable(arguments.get(name));
    }

    /** Never prints argument values: they may hold secrets. */
    @Override
    public String toString() {
        return "ToolCall[" + tool + " for client " + client + " in session " + session + ", arguments "
                + new java.util.TreeSet<>(arguments.keySet()) + "]";
    }
}
