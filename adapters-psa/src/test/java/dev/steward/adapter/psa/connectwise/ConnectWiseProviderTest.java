package dev.steward.adapter.psa.connectwise;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import dev.steward.adapter.psa.common.PsaProviderContract;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.port.psa.TicketSystemContract.TicketSeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
    protected String seedCompany(String name) {
        return FAKE.seedCompany(name, false);
    }

    @Override
    protected String seedUnlistedCompany(String name) {
        return FAKE.seedCompany(name, true);
    }

    @Override
    protected IntegrationSettings wrongSecretValues() {
        return new IntegrationSettings(Map.of("apiBase", WIREMOCK.baseUrl() + FakeConnectWise.PREFIX, "companyId",
                FakeConnectWise.COMPANY, "publicKey", FakeConnectWise.PUBLIC_KEY),
                Map.of("privateKey", WRONG_SECRET, "clientId", FakeConnectWise.CLIENT_ID));
    }

    @Override
    protected String wrongSecretField() {
        return "secrets.privateKey";
    }

    /** Only the site: the codebase and API host are discovered, and nothing answers there. */
    @Override
    protected IntegrationSettings unreachableValues() {
        return new IntegrationSettings(Map.of("site", "http://127.0.0.1:1", "companyId", FakeConnectWise.COMPANY,
                "publicKey", FakeConnectWise.PUBLIC_KEY),
                Map.of("privateKey", FakeConnectWise.PRIVATE_KEY, "clientId", FakeConnectWise.CLIENT_ID));
    }

    @Override
    protected String unreachableField() {
        return "settings.site";
    }

    @Test
    void theSiteAloneConnectsAndAnUnknownCompanyIsNamed() {
        try (var connection = provider().connect(integration(), new IntegrationSettings(Map.of("site",
                WIREMOCK.baseUrl(), "companyId", FakeConnectWise.COMPANY, "publicKey", FakeConnectWise.PUBLIC_KEY),
                Map.of("privateKey", FakeConnectWise.PRIVATE_KEY, "clientId", FakeConnectWise.CLIENT_ID)), context())) {
            assertThat(connection.ticketSystem()).isPresent();
        }
        assertThatThrownBy(() -> provider().connect(integration(), new IntegrationSettings(Map.of("site",
                WIREMOCK.baseUrl(), "companyId", "nosuchmsp", "publicKey", FakeConnectWise.PUBLIC_KEY),
                Map.of("privateKey", FakeConnectWise.PRIVATE_KEY, "clientId", FakeConnectWise.CLIENT_ID)), context()))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("settings.companyId"));
        assertThatThrownBy(() -> provider().connect(integration(), new IntegrationSettings(Map.of("companyId",
                FakeConnectWise.COMPANY, "publicKey", FakeConnectWise.PUBLIC_KEY),
                Map.of("privateKey", FakeConnectWise.PRIVATE_KEY, "clientId", FakeConnectWise.CLIENT_ID)), context()))
                .as("neither site nor API base").isInstanceOfSatisfying(InvalidValue.class,
                        e -> assertThat(e.field()).isEqualTo("settings.site"));
    }

    @Override
    protected IntegrationSettings refusedValues() {
        return new IntegrationSettings(Map.of("apiBase", "ftp://cw.example/", "companyId", FakeConnectWise.COMPANY,
                "publicKey", FakeConnectWise.PUBLIC_KEY),
                Map.of("privateKey", FakeConnectWise.PRIVATE_KEY, "clientId", FakeConnectWise.CLIENT_ID));
    }
}
