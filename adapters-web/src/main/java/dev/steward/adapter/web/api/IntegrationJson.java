package dev.steward.adapter.web.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.steward.adapter.web.http.EntityTags;
import dev.steward.application.integration.IntegrationDetails;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.MaskedSecret;
import dev.steward.domain.integration.Tool;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connected integration: its tools with their policies, and its settings. Secrets never appear: each is shown only
 * as {@code {"set": true, "last4": "…"}} ({@code last4} null for a secret too short to give four characters away).
 * {@code unreachableSince} is set while its system (an MCP server) does not answer.
 */
public record IntegrationJson(String id, String kind, String label, String scope, String client, Instant connectedAt,
                              long version, Map<String, String> settings, Map<String, SecretJson> secrets,
                              List<ToolJson> tools, Instant unreachableSince) {

    public record SecretJson(boolean set, String last4) {
        static SecretJson from(MaskedSecret masked) {
            return new SecretJson(true, masked.lastFour().orElse(null));
        }
    }

    /**
     * A tool with its policy; {@code sensitive} whether its calls need a verified requester (its kind's mark or the
     * MSP's, {@code markedSensitive} the MSP's own), {@code inputSchema} the JSON Schema of its arguments.
     */
    public record ToolJson(String name, String effect, String description, String policy, boolean sensitive,
                           boolean markedSensitive, @JsonRawValue String inputSchema) {
        static ToolJson from(Tool tool, Integration integration) {
            return new ToolJson(tool.name().value(), tool.effect().label(), tool.description(),
                    integration.policyOf(tool.name()).label(), integration.isSensitive(tool.name()),
                    integration.markedSensitive().contains(tool.name()), tool.input().jsonSchema());
        }
    }

    public static IntegrationJson from(IntegrationDetails details) {
        Integration i = details.integration();
        Map<String, SecretJson> secrets = new LinkedHashMap<>();
        details.values().secrets().forEach((key, masked) -> secrets.put(key, SecretJson.from(masked)));
        return new IntegrationJson(i.id().toString(), i.kind(), details.label(),
                i.client().isPresent() ? "client" : "msp", details.client().map(Slug::value).orElse(null),
                i.connectedAt(), i.version(), details.values().settings(), secrets,
                i.tools().stream().map(t -> ToolJson.from(t, i)).toList(), details.unreachableSince().orElse(null));
    }

    public static String entityTag(IntegrationDetails details) {
        return EntityTags.of(details.integration().version(), "");
    }
}
