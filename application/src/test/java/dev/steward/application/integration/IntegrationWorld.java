package dev.steward.application.integration;

import dev.steward.application.InMemoryCore;
import dev.steward.application.inmemory.InMemoryIntegrationCatalog;
import dev.steward.application.inmemory.InMemoryIntegrationRepository;
import dev.steward.application.inmemory.InMemorySecretVault;
import dev.steward.application.testkit.SampleKinds;
import dev.steward.domain.integration.IntegrationKind;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The integration use cases on the in-memory core, with {@link SampleKinds}' catalog. */
final class IntegrationWorld implements AutoCloseable {

    static final IntegrationKind PSA = SampleKinds.PSA;
    static final IntegrationKind DOCS = SampleKinds.DOCS;

    final InMemoryCore core = new InMemoryCore();
    final InMemoryIntegrationRepository integrations = core.integrations;
    final InMemorySecretVault vault = core.vault;
    final InMemoryIntegrationCatalog catalog = core.catalog;
    final IntegrationKinds kinds = new IntegrationKinds(Set.of(catalog));
    final ConnectIntegrationService connect = new ConnectIntegrationService(core.validator, kinds, integrations, vault,
            core.clients, core.msps, core.ids, core.clock, core.unitOfWork);
    final GetIntegrationService get = new GetIntegrationService(integrations, kinds, core.clients, vault);
    final ListIntegrationsService list = new ListIntegrationsService(integrations, kinds, core.clients, core.msps,
            vault);
    final DisconnectIntegrationService disconnect = new DisconnectIntegrationService(kinds, integrations, vault,
            core.clients, core.clock, core.unitOfWork);
    final SetToolPolicyService setPolicy = new SetToolPolicyService(core.validator, kinds, integrations, vault,
            core.clients, core.clock, core.unitOfWork);
    final ReconnectIntegrationsService reconnect = new ReconnectIntegrationsService(kinds, integrations, vault,
            core.msps, core.clients);

    static final String KEY = "pk-0123456789-WXYZ";

    static ConnectIntegrationCommand psa(dev.steward.domain.msp.MspId msp, String apiBase) {
        return new ConnectIntegrationCommand(msp, Optional.empty(), "connectwise",
                Map.of("apiBase", apiBase, "companyId", "northwind"), Map.of("privateKey", KEY));
    }

    @Override
    public void close() {
        core.close();
    }
}
