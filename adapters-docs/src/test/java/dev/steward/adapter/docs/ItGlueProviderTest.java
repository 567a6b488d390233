package dev.steward.adapter.docs;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.IntegrationProviderContract;
import dev.steward.domain.integration.Tool;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class ItGlueProviderTest extends IntegrationProviderContract {

    @RegisterExtension
    static final StubExtension STUBS = new StubExtension();

    private long company;
    private long article;
    private long asset;
    private long password;

    @BeforeEach
    void documentOneCompany() {
        company = StubExtension.ITGLUE.organization("Contoso Ltd");
        article = StubExtension.ITGLUE.document(company, "Runbook: VPN", "<p>Restart the <b>VPN</b> client.</p>");
        asset = StubExtension.ITGLUE.configuration(company, "SRV-DC01", "Server", "10.0.0.4");
        StubExtension.ITGLUE.contact(company, "Dana", "Scully", "dana@contoso.example");
        password = StubExtension.ITGLUE.password(company, "Domain admin", "admin", "Sup3r-secret!");
    }

    @Override
    protected IntegrationProvider provider() {
        return new ItGlueProvider();
    }

    @Override
    protected IntegrationSettings usableValues() {
        return StubExtension.itGlueValues(FakeItGlue.API_KEY);
    }

    @Override
    protected IntegrationSettings refusedValues() {
        return StubExtension.itGlueValues("wrong-key");
    }

    @Override
    protected Optional<String> mappedEntry() {
        return Optional.of(Long.toString(company));
    }

    @Override
    protected Map<String, String> argumentsFor(Tool tool) {
        return switch (tool.name().action()) {
            case "search-articles" -> Map.of("query", "vpn");
            case "get-article" -> Map.of("id", Long.toString(article));
            case "get-asset" -> Map.of("id", Long.toString(asset));
            case "get-password" -> Map.of("id", Long.toString(password));
            default -> Map.of();
        };
    }
}
