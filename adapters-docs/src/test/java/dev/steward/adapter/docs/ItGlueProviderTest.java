package dev.steward.adapter.docs;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.IntegrationProvider;

class ItGlueProviderTest extends DocsProviderTest {

    @Override
    protected IntegrationProvider provider() {
        return new ItGlueProvider();
    }

    @Override
    protected IntegrationSettings values(String apiKey) {
        return StubExtension.itGlueValues(apiKey);
    }

    @Override
    protected String apiKey() {
        return FakeItGlue.API_KEY;
    }

    @Override
    protected Documented documentOneCompany() {
        FakeItGlue itGlue = StubExtension.ITGLUE;
        long company = itGlue.organization("Contoso Ltd");
        long article = itGlue.document(company, "Runbook: VPN", "<p>Restart the <b>VPN</b> client.</p>");
        long asset = itGlue.configuration(company, "SRV-DC01", "Server", "10.0.0.4");
        itGlue.contact(company, "Dana", "Scully", "dana@contoso.example");
        return new Documented(company, article, asset, itGlue.password(company, "Domain admin", "admin",
                "Sup3r-secret!"));
    }
}
