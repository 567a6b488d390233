package dev.steward.adapter.web.api;

import dev.steward.application.integration.ConnectIntegrationCommand;
import dev.steward.domain.msp.MspId;
import java.util.Map;
import java.util.Optional;

/** Connect an integration: its kind, plain settings and secrets (write-only: never shown back in clear). */
public record ConnectIntegrationJson(String kind, Map<String, String> settings, Map<String, String> secrets) {

    /** Missing objects count as empty, so that each required value is named rather than the whole object. */
    public ConnectIntegrationCommand toCommand(MspId msp, Optional<String> client) {
        return new ConnectIntegrationCommand(msp, client, kind, settings == null ? Map.of() : settings,
                secrets == null ? Map.of() : secrets);
    }
}
