package dev.steward.adapter.web.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.steward.adapter.web.http.EntityTags;
import dev.steward.application.integration.IntegrationDetails;
import dev.steward.application.spi.InboundWebhook;
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
 * {@code unreachableSince} is set while its system (an MCP server) does not answer. {@code webhook} (a PSA only) says
 * how the PSA's events reach Steward and when the last delivery was accepted.
 */
public record IntegrationJson(String id, String kind, String label, String scope, String client, Instant connectedAt,
                              long version, Map<String, String> settings, Map<String, SecretJson> secrets,
                              List<ToolJson> tools, Instant unreachableSince, WebhookJson webhook) {

    /**
     * A PSA's webhook: {@code setup} {@code registered} (by Steward through the PSA's API), {@code paste} (to be
     * pasted into the PSA: {@code url}, {@code user}, {@code secret}), {@code by-hand} or {@code polling-only};
     * {@code note} says what that means; {@code lastDeliveryAt} when the last delivery was accepted (null: never).
     */
    public record WebhookJson(String setup, String url, String user, String secret, String note,
                              Instant lastDeliveryAt) {
        static WebhookJson from(InboundWebhook webhook, java.util.Optional<Instant> lastDelivery) {
            return new WebhookJson(webhook.setup().label(), webhook.url().orElse(null), webhook.user().orElse(null),
                    webhook.secret().orElse(null), webhook.note(), lastDelivery.orElse(null));
        }

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "WebhookJson[" + setup + ", " + url + ", last delivery " + lastDeliveryAt + "]";
        }
    }

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
                i.tools().stream().map(t -> ToolJson.from(t, i)).toList(), details.unreachableSince().orElse(null),
                details.webhook().map(w -> WebhookJson.from(w, details.lastWebhookDelivery())).orElse(null));
    }

    /** The version, and when the last webhook delivery was accepted (it changes what GET shows, not the version). */
    public static String entityTag(IntegrationDetails details) {
        return EntityTags.of(details.integration().version(), details.lastWebhookDelivery()
                .map(at -> "d" + at.toEpochMilli()).orElse(""));
    }
}
