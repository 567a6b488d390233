package dev.steward.adapter.web.api;

import dev.steward.application.integration.IntegrationDetails;
import java.util.List;

/** The integrations of one scope (MSP-wide or one client's), ordered by kind. */
public record IntegrationListJson(List<IntegrationJson> items) {

    public static IntegrationListJson from(List<IntegrationDetails> integrations) {
        return new IntegrationListJson(integrations.stream().map(IntegrationJson::from).toList());
    }
}
