package dev.steward.application.integration;

import dev.steward.application.InMemoryCore;
import dev.steward.application.inmemory.InMemoryIntegrationCatalog;
import dev.steward.application.inmemory.InMemoryIntegrationRepository;
import dev.steward.application.inmemory.InMemorySecretVault;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.problem.InvalidValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The integration use cases on the in-memory core, with a catalog offering an MSP-wide PSA and a per-client kind. */
final class IntegrationWorld implements AutoCloseable {

    static final IntegrationKind PSA = new IntegrationKind("connectwise", "ConnectWise Manage",
            Set.of(IntegrationScope.MSP),
            List.of(SettingSpec.required("apiBase", "API base URL"), SettingSpec.required("companyId", "Company"),
                    SettingSpec.secret("privateKey", "Private key"), SettingSpec.optional("boardId", "Board")),
            List.of(Tool.readOnly("connectwise:get-ticket", "Reads a ticket"),
                    Tool.write("connectwise:update-status", "Changes a ticket's status")),
            Map.of());
    static final IntegrationKind DOCS = new IntegrationKind("hudu", "Hudu", Set.of(IntegrationScope.CLIENT),
            List.of(SettingSpec.required("baseUrl", "Base URL"), SettingSpec.secret("apiKey", "API key")),
            List.of(Tool.readOnly("hudu:search-articles", "Searches articles"),
                    Tool.write("hudu:archive-article", "Archives an article")),
            Map.of(ToolName.of("hudu:archive-article"), ToolPolicy.DISABLED));

    final InMemoryCore core = new InMemoryCore();
    final InMemoryIntegrationRepository integrations = new InMemoryIntegrationRepository(core.unitOfWork);
    final InMemorySecretVault vault = new InMemorySecretVault(core.unitOfWork);
    final InMemoryIntegrationCatalog catalog = new InMemoryIntegrationCatalog()
            .offer(PSA, values -> {
                if (!values.settings().get("apiBase").startsWith("https://")) {
                    throw InvalidValue.of("settings.apiBase", "malformed", "must be an https URL");
                }
            })
            .offer(DOCS);
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
