package dev.steward.application.integration;

import dev.steward.application.InMemoryCore;
import dev.steward.application.inmemory.InMemoryIntegrationProvider;
import dev.steward.application.inmemory.InMemoryIntegrationRepository;
import dev.steward.application.inmemory.InMemorySecretVault;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.testkit.SampleKinds;
import dev.steward.domain.integration.IntegrationKind;
import java.util.Map;
import java.util.Optional;

/** The integration use cases on the in-memory core, with {@link SampleKinds}' providers. */
final class IntegrationWorld implements AutoCloseable {

    static final IntegrationKind PSA = SampleKinds.PSA;
    static final IntegrationKind DOCS = SampleKinds.DOCS;

    final InMemoryCore core = new InMemoryCore();
    final InMemoryIntegrationRepository integrations = core.integrations;
    final InMemorySecretVault vault = core.vault;
    final InMemoryIntegrationProvider psaProvider = core.psaProvider;
    final InMemoryIntegrationProvider docsProvider = core.docsProvider;
    final IntegrationKinds kinds = core.kinds;
    final LiveIntegrations live = core.live;
    final ConnectIntegrationService connect = new ConnectIntegrationService(core.validator, kinds, live, integrations,
            vault, core.clients, core.msps, core.ids, core.clock, core.unitOfWork);
    final GetIntegrationService get = new GetIntegrationService(integrations, kinds, core.clients, vault, live);
    final ListIntegrationsService list = new ListIntegrationsService(integrations, kinds, core.clients, core.msps,
            vault, live);
    final DisconnectIntegrationService disconnect = new DisconnectIntegrationService(live, integrations, vault,
            core.clients, core.clock, core.unitOfWork);
    final SetToolPolicyService setPolicy = new SetToolPolicyService(core.validator, kinds, integrations, vault,
            core.clients, core.clock, core.unitOfWork);
    final MarkToolSensitiveService markSensitive = new MarkToolSensitiveService(core.validator, kinds, integrations,
            vault, core.clients, core.clock, core.unitOfWork);
    final RefreshIntegrationToolsService refresh = new RefreshIntegrationToolsService(kinds, live, integrations,
            core.clients, vault, core.clock, core.unitOfWork);
    final ReconnectIntegrationsService reconnect = new ReconnectIntegrationsService(kinds, live, integrations, vault,
            core.msps, core.clients, core.unitOfWork);

    static final String KEY = "pk-0123456789-WXYZ";

    static ConnectIntegrationCommand psa(dev.steward.domain.msp.MspId msp, String apiBase) {
        return new ConnectIntegrationCommand(msp, Optional.empty(), "connectwise",
                Map.of("apiBase", apiBase, "companyId", "northwind"), Map.of("privateKey", KEY));
    }

    /** The integrations whose provider holds an open connection, with its values. */
    java.util.Map<dev.steward.domain.integration.IntegrationId, dev.steward.application.port.integration.IntegrationSettings>
            connected() {
        var all = new java.util.HashMap<>(psaProvider.connected());
        all.putAll(docsProvider.connected());
        return all;
    }

    @Override
    public void close() {
        core.close();
    }
}
