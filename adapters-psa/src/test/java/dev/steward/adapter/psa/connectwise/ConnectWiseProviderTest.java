package dev.steward.adapter.psa.connectwise;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import dev.steward.adapter.psa.common.PsaProviderContract;
import dev.steward.application.port.IntegrationSettings;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.testkit.TicketSystemContract.TicketSeed;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectWiseProviderTest extends PsaProviderContract {

    private static final FakeConnectWise FAKE = new FakeConnectWise();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

    @BeforeEach
    void stubTheApi() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FAKE.getName())));
    }

    @Override
    protected WireMockExtension wiremock() {
        return WIREMOCK;
    }

    @Override
    protected UrlPattern apiUrls() {
        return urlPathMatching(FakeConnectWise.PREFIX + "(service|company)/.*");
    }

    @Override
    protected IntegrationProvider provider() {
        return new ConnectWiseProvider();
    }

    @Override
    protected String seed(TicketSeed ticket) {
        return FAKE.seed(ticket);
    }

    @Override
    protected String seedContact(String company, String first, String last, String email, boolean active) {
        return FAKE.seedContact(company, first, last, email, active);
    }

    @Override
    protected IntegrationSettings stubValues() {
        return new IntegrationSettings(Map.of("apiBase", WIREMOCK.baseUrl() + FakeConnectWise.PREFIX, "companyId",
                FakeConnectWise.COMPANY, "publicKey", FakeConnectWise.PUBLIC_KEY),
                Map.of("privateKey", FakeConnectWise.PRIVATE_KEY, "clientId", FakeConnectWise.CLIENT_ID));
    }

    @Override
    protected IntegrationSettings refusedValues() {
        return new IntegrationSettings(Map.of("apiBase", "ftp://cw.example/", "companyId", FakeConnectWise.COMPANY,
                "publicKey", FakeConnectWise.PUBLIC_KEY),
                Map.of("privateKey", FakeConnectWise.PRIVATE_KEY, "clientId", FakeConnectWise.CLIENT_ID));
    }
}
