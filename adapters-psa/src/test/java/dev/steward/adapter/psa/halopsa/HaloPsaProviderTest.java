package dev.steward.adapter.psa.halopsa;

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

class HaloPsaProviderTest extends PsaProviderContract {

    private static final FakeHaloPsa FAKE = new FakeHaloPsa();

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
        return urlPathMatching("/api/(Tickets|Actions|Users|Status).*");
    }

    @Override
    protected IntegrationProvider provider() {
        return new HaloPsaProvider();
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
        return values(WIREMOCK.baseUrl() + "/api/");
    }

    @Override
    protected IntegrationSettings refusedValues() {
        return values("ftp://halo.example/api/");
    }

    @Override
    protected String seedCompany(String name) {
        return FAKE.seedClient(name, true);
    }

    @Override
    protected String seedUnlistedCompany(String name) {
        return FAKE.seedClient(name, false);
    }

    @Override
    protected IntegrationSettings wrongSecretValues() {
        return new IntegrationSettings(stubValues().settings(), Map.of("clientSecret", WRONG_SECRET));
    }

    @Override
    protected String wrongSecretField() {
        return "secrets.clientSecret";
    }

    /** No token URL: it is discovered from the instance, which does not answer. */
    @Override
    protected IntegrationSettings unreachableValues() {
        return new IntegrationSettings(Map.of("apiBase", "http://127.0.0.1:1/api/", "tenant", FakeHaloPsa.TENANT,
                "clientId", FakeHaloPsa.CLIENT_ID), Map.of("clientSecret", FakeHaloPsa.CLIENT_SECRET));
    }

    @Override
    protected String unreachableField() {
        return "settings.apiBase";
    }

    @Test
    void outcomesByNameConnectAndOneTheAgentMayNotUseIsNamedOnConnect() {
        Map<String, String> byName = Map.of("apiBase", WIREMOCK.baseUrl() + "/api/", "tenant", FakeHaloPsa.TENANT,
                "clientId", FakeHaloPsa.CLIENT_ID, "replyOutcome", "Email User", "internalOutcome", "Private Note");
        try (var connection = provider().connect(integration(), new IntegrationSettings(byName,
                Map.of("clientSecret", FakeHaloPsa.CLIENT_SECRET)), context())) {
            assertThat(connection.ticketSystem()).isPresent();
        }
        Map<String, String> unknown = new java.util.HashMap<>(byName);
        unknown.put("replyOutcome", "Email Customer");
        assertThatThrownBy(() -> provider().connect(integration(), new IntegrationSettings(unknown,
                Map.of("clientSecret", FakeHaloPsa.CLIENT_SECRET)), context()))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("settings.replyOutcome");
                    assertThat(e.rule()).contains("no outcome 'Email Customer'");
                });
    }

    private static IntegrationSettings values(String apiBase) {
        return new IntegrationSettings(Map.of("apiBase", apiBase, "tokenUrl", WIREMOCK.baseUrl()
                + "/auth/token?tenant=" + FakeHaloPsa.TENANT, "clientId", FakeHaloPsa.CLIENT_ID, "replyOutcomeId",
                Integer.toString(FakeHaloPsa.EMAIL_OUTCOME), "internalOutcomeId",
                Integer.toString(FakeHaloPsa.PRIVATE_OUTCOME)), Map.of("clientSecret", FakeHaloPsa.CLIENT_SECRET));
    }
}
