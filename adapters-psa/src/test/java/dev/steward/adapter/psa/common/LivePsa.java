package dev.steward.adapter.psa.common;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One PSA connected for a fresh MSP through its provider, live as the control plane holds it after a restart (stored
 * values, not checked against the PSA again: webhook tests need no PSA answering).
 */
public record LivePsa(LiveIntegrations live, MspId msp, Integration integration) {

    public static LivePsa connect(IntegrationProvider provider, Map<String, String> settings,
                                  Map<String, String> secrets) {
        LiveIntegrations live = new LiveIntegrations(IntegrationKinds.of(provider),
                ProviderContext.defaults(Clock.systemUTC()));
        MspId msp = Fixtures.uniqueMspId();
        Integration integration = Integration.connect(new IntegrationId(UUID.randomUUID()), msp, Optional.empty(),
                provider.kind().name(), provider.kind().tools(), provider.kind().curatedDefaults(), Fixtures.T0);
        live.register(integration, live.reopen(integration, new IntegrationSettings(settings, secrets)));
        return new LivePsa(live, msp, integration);
    }
}
