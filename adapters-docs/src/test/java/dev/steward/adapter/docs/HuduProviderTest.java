package dev.steward.adapter.docs;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.IntegrationProvider;
import java.util.Map;

class HuduProviderTest extends DocsProviderTest {

    @Override
    protected IntegrationProvider provider() {
        return new HuduProvider();
    }

    @Override
    protected IntegrationSettings values(String apiKey) {
        return StubExtension.huduValues(apiKey);
    }

    @Override
    protected String apiKey() {
        return FakeHudu.API_KEY;
    }

    @Override
    protected Documented documentOneCompany() {
        FakeHudu hudu = StubExtension.HUDU;
        long company = hudu.company("Contoso Ltd");
        long article = hudu.article(company, "Runbook: VPN", "<p>Restart the <b>VPN</b> client.</p>");
        long asset = hudu.asset(company, "SRV-DC01", "Server", Map.of("IP", "10.0.0.4"));
        hudu.asset(company, "Dana Scully", "People", Map.of("Email", "dana@contoso.example"));
        return new Documented(company, article, asset, hudu.password(company, "Domain admin", "admin",
                "Sup3r-secret!"));
    }
}
