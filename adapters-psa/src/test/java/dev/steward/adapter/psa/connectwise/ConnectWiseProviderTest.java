package dev.steward.adapter.psa.connectwise;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import dev.steward.adapter.psa.common.FakePsaProviderTest;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.InboundWebhook;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.domain.problem.InvalidValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectWiseProviderTest extends FakePsaProviderTest<FakeConnectWise> {

    ConnectWiseProviderTest() {
        super(new FakeConnectWise());
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
    protected IntegrationSettings stubValues() {
        return new IntegrationSettings(Map.of("apiBase", wiremock().baseUrl() + FakeConnectWise.PREFIX, "companyId",
                FakeConnectWise.COMPANY, "publicKey", FakeConnectWise.PUBLIC_KEY),
                Map.of("privateKey", FakeConnectWise.PRIVATE_KEY, "clientId", FakeConnectWise.CLIENT_ID));
    }

    @Override
    protected String seedCompany(String name) {
        return fake.seedCompany(name, false);
    }

    @Override
    protected String seedUnlistedCompany(String name) {
        return fake.seedCompany(name, true);
    }

    @Override
    protected IntegrationSettings wrongSecretValues() {
        return new IntegrationSettings(Map.of("apiBase", wiremock().baseUrl() + FakeConnectWise.PREFIX, "companyId",
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
                wiremock().baseUrl(), "companyId", FakeConnectWise.COMPANY, "publicKey", FakeConnectWise.PUBLIC_KEY),
                Map.of("privateKey", FakeConnectWise.PRIVATE_KEY, "clientId", FakeConnectWise.CLIENT_ID)), context())) {
            assertThat(connection.ticketSystem()).isPresent();
        }
        assertThatThrownBy(() -> provider().connect(integration(), new IntegrationSettings(Map.of("site",
                wiremock().baseUrl(), "companyId", "nosuchmsp", "publicKey", FakeConnectWise.PUBLIC_KEY),
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

    @Test
    void connectingRegistersASelfSuppressedTicketCallbackAtThePublicUrlAndDisconnectingRemovesIt() {
        int before = fake.callbacks().size();
        IntegrationConnection connection = provider().connect(integration(), stubValues(), published());
        String url = webhookUrl();

        ObjectNode callback = fake.callbacks().stream().filter(c -> c.path("url").asText().equals(url)).findFirst()
                .orElseThrow(() -> new AssertionError("no callback for " + url + " in " + fake.callbacks()));
        assertThat(callback.path("type").asText()).isEqualTo("Ticket");
        assertThat(callback.path("level").asText()).isEqualTo("Owner");
        assertThat(callback.path("isSelfSuppressedFlag").asBoolean()).as("loop prevention at the source").isTrue();
        assertThat(fake.callbackUrlsFor(FakeConnectWise.API_MEMBER)).as("Steward's own changes fire nothing")
                .doesNotContain(url);
        assertThat(fake.callbackUrlsFor(77)).as("a technician's change fires it").contains(url);
        assertThat(connection.valuesToStore()).get().satisfies(values -> {
            assertThat(values.settings()).containsEntry("callbackId", callback.path("id").asText())
                    .containsEntry("webhookUrl", url)
                    .containsAllEntriesOf(stubValues().settings());
            assertThat(values.secrets()).isEqualTo(stubValues().secrets());
        });
        assertThat(connection.inboundWebhook()).get().satisfies(shown -> {
            assertThat(shown.setup()).isEqualTo(InboundWebhook.Setup.REGISTERED);
            assertThat(shown.url()).contains(url);
            assertThat(shown.secret()).isEmpty();
        });

        connection.removeRegistrations();
        connection.close();

        assertThat(fake.callbacks()).hasSize(before);
    }

    @Test
    void aStoredCallbackIsRemovedAfterARestartAndRemovingOneThatIsGoneSucceeds() {
        IntegrationConnection first = provider().connect(integration(), stubValues(), published());
        IntegrationSettings stored = first.valuesToStore().orElseThrow();
        first.close();
        int registered = fake.callbacks().size();

        IntegrationConnection restarted = provider().reconnect(integration(), stored, published());
        assertThat(fake.callbacks()).as("a restart registers nothing again").hasSize(registered);
        assertThat(restarted.inboundWebhook()).get().extracting(InboundWebhook::setup)
                .isEqualTo(InboundWebhook.Setup.REGISTERED);
        IntegrationConnection moved = provider().reconnect(integration(), stored,
                context().withPublicUrl(java.util.Optional.of("https://steward.example.net")));
        assertThat(moved.inboundWebhook()).get().satisfies(shown -> {
            assertThat(shown.url()).as("where it was registered").contains(webhookUrl());
            assertThat(shown.note()).contains("STEWARD_PUBLIC_URL now gives https://steward.example.net")
                    .contains("connect again");
        });
        restarted.removeRegistrations();
        restarted.removeRegistrations();

        assertThat(fake.callbacks()).hasSize(registered - 1);
    }

    @Test
    void aCallbackConnectWiseRefusesRefusesTheConnectNamingWhyAndNothingIsLeftBehind() {
        int before = fake.callbacks().size();
        wiremock().stubFor(post(urlPathMatching(".*/system/callbacks")).atPriority(1).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"Forbidden\",\"message\":\"You do not have access to System > Table Setup\"}")));

        assertThatThrownBy(() -> provider().connect(integration(), stubValues(), published()))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("webhook");
                    assertThat(e.code()).isEqualTo("webhook.not-registered");
                    assertThat(e.rule()).contains("ConnectWise").contains("HTTP 403")
                            .contains("Nothing was saved");
                });
        assertThat(fake.callbacks()).hasSize(before);
    }
}
