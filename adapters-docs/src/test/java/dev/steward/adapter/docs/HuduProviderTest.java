package dev.steward.adapter.docs;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.IntegrationProviderContract;
import dev.steward.domain.integration.Tool;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class HuduProviderTest extends IntegrationProviderContract {

    @RegisterExtension
    static final StubExtension STUBS = new StubExtension();

    private long company;
    private long article;
    private long asset;
    private long password;

    @BeforeEach
    void documentOneCompany() {
        company = StubExtension.HUDU.company("Contoso Ltd");
        article = StubExtension.HUDU.article(company, "Runbook: VPN", "<p>Restart the <b>VPN</b> client.</p>");
        asset = StubExtension.HUDU.asset(company, "SRV-DC01", "Server", Map.of("IP", "10.0.0.4"));
        StubExtension.HUDU.asset(company, "Dana Scully", "People", Map.of("Email", "dana@contoso.example"));
        password = StubExtension.HUDU.password(company, "Domain admin", "admin", "Sup3r-secret!");
    }

    @Override
    protected IntegrationProvider provider() {
        return new HuduProvider();
    }

    @Override
    protected IntegrationSettings usableValues() {
        return StubExtension.huduValues(FakeHudu.API_KEY);
    }

    @Override
    protected IntegrationSettings refusedValues() {
        return StubExtension.huduValues("wrong-key");
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
