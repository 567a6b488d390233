package dev.steward.application.inmemory;

import dev.steward.application.port.IntegrationCatalog;
import dev.steward.application.port.IntegrationSettings;
import dev.steward.application.testkit.IntegrationCatalogContract;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.problem.InvalidValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

class InMemoryIntegrationCatalogTest extends IntegrationCatalogContract {

    private final InMemoryIntegrationCatalog catalog = new InMemoryIntegrationCatalog()
            .offer(new IntegrationKind("hudu", "Hudu", Set.of(IntegrationScope.MSP, IntegrationScope.CLIENT),
                    List.of(SettingSpec.required("baseUrl", "Base URL"), SettingSpec.secret("apiKey", "API key")),
                    List.of(Tool.readOnly("hudu:search-articles", "Searches articles")), Map.of()),
                    values -> {
                        if (!values.settings().get("baseUrl").startsWith("https://")) {
                            throw InvalidValue.of("settings.baseUrl", "malformed", "must be an https URL");
                        }
                    });

    @Override
    protected IntegrationCatalog catalog() {
        return catalog;
    }

    @Override
    protected IntegrationSettings usableValues(IntegrationKind kind) {
        return new IntegrationSettings(Map.of("baseUrl", "https://docs.example"), Map.of("apiKey", "k-123456789"));
    }

    @Override
    protected IntegrationSettings unusableValues(IntegrationKind kind) {
        return new IntegrationSettings(Map.of("baseUrl", "ftp://docs.example"), Map.of("apiKey", "k-123456789"));
    }

    @Override
    protected boolean isLive(Integration integration) {
        return catalog.live().containsKey(integration.id());
    }
}
