package dev.steward.application.port;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import java.util.Map;
import java.util.Objects;

/** One tool call, already allowed by the tool gateway, for one client of one MSP. Arguments are unredacted. */
public record ToolInvocation(MspId msp, ClientId client, ToolName tool, Map<String, String> arguments) {

    public ToolInvocation {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(tool, "tool");
        arguments = Map.copyOf(arguments);
    }

    /** Never prints argument values: they may hold secrets. */
    @Override
    public String toString() {
        return "ToolInvocation[" + tool + " for client " + client + ", arguments " + arguments.keySet() + "]";
    }
}
