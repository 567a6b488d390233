package dev.steward.application.inmemory;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.IntegrationProviderContract;
import dev.steward.application.testkit.SampleKinds;
import dev.steward.domain.integration.Tool;
import java.util.Map;

class InMemoryIntegrationProviderTest extends IntegrationProviderContract {

    private final InMemoryIntegrationProvider provider = SampleKinds.psa();

    @Override
    protected IntegrationProvider provider() {
        return provider;
    }

    @Override
    protected IntegrationSettings usableValues() {
        return new IntegrationSettings(Map.of("apiBase", "https://cw.example/", "companyId", "acme"),
                Map.of("privateKey", "k"));
    }

    @Override
    protected IntegrationSettings refusedValues() {
        return new IntegrationSettings(Map.of("apiBase", "http://cw.example/", "companyId", "acme"),
                Map.of("privateKey", "k"));
    }

    @Override
    protected Map<String, String> argumentsFor(Tool tool) {
        return tool.name().action().equals("get-ticket") ? Map.of("ticket", "1")
                : Map.of("ticket", "1", "status", "Closed");
    }
}
