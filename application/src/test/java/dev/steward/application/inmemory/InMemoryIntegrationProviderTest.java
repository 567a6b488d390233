package dev.steward.application.inmemory;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.Directory;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.DirectoryContract;
import dev.steward.application.spi.IntegrationProviderContract;
import dev.steward.application.testkit.SampleKinds;
import dev.steward.domain.integration.Tool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;

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

    @Nested
    class Directories extends DirectoryContract {

        private final List<Directory.Entry> entries = List.of(new Directory.Entry("t-1", "Contoso Ltd", "contoso.com"),
                new Directory.Entry("t-2", "Fabrikam Inc", "fabrikam.com"),
                new Directory.Entry("t-3", "Northwind Traders", "northwind.example"),
                new Directory.Entry("t-4", "Woodgrove Bank", ""));

        @Override
        protected Directory directory() {
            return new InMemoryDirectory(entries);
        }

        @Override
        protected List<Directory.Entry> expected() {
            return entries;
        }
    }
}
