package dev.steward.adapter.psa.halopsa;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.matching.UrlPattern;
import dev.steward.adapter.psa.common.FakePsaProviderTest;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.spi.InboundWebhook;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.domain.problem.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaloPsaProviderTest extends FakePsaProviderTest<FakeHaloPsa> {

    HaloPsaProviderTest() {
        super(new FakeHaloPsa());
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
    protected IntegrationSettings stubValues() {
        return values(wiremock().baseUrl() + "/api/");
    }

    @Override
    protected IntegrationSettings refusedValues() {
        return values("ftp://halo.example/api/");
    }

    @Override
    protected String seedCompany(String name) {
        return fake.seedClient(name, true);
    }

    @Override
    protected String seedUnlistedCompany(String name) {
        return fake.seedClient(name, false);
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
        Map<String, String> byName = Map.of("apiBase", wiremock().baseUrl() + "/api/", "tenant", FakeHaloPsa.TENANT,
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

    private IntegrationSettings values(String apiBase) {
        return new IntegrationSettings(Map.of("apiBase", apiBase, "tokenUrl", wiremock().baseUrl()
                + "/auth/token?tenant=" + FakeHaloPsa.TENANT, "clientId", FakeHaloPsa.CLIENT_ID, "replyOutcomeId",
                Integer.toString(FakeHaloPsa.EMAIL_OUTCOME), "internalOutcomeId",
                Integer.toString(FakeHaloPsa.PRIVATE_OUTCOME)), Map.of("clientSecret", FakeHaloPsa.CLIENT_SECRET));
    }

    @Test
    void withAPublicUrlConnectingMakesBasicCredentialsAndShowsThemWithTheUrlToPasteIntoHalo() {
        IntegrationConnection connection = provider().connect(integration(), stubValues(), published());

        InboundWebhook shown = connection.inboundWebhook().orElseThrow();
        assertThat(shown.setup()).isEqualTo(InboundWebhook.Setup.PASTE);
        assertThat(shown.url()).contains(webhookUrl());
        String user = shown.user().orElseThrow();
        String password = shown.secret().orElseThrow();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(connection.valuesToStore()).get().satisfies(values -> {
            assertThat(values.settings()).containsEntry("webhookUser", user);
            assertThat(values.secrets()).containsEntry("webhookPassword", password);
        });
        String body = "{\"ticket\":{\"id\":4711}}";
        assertThat(connection.webhooks().orElseThrow().read(new WebhookDelivery(Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))),
                body.getBytes(StandardCharsets.UTF_8)))).as("Halo's delivery with the pasted credentials")
                .isEqualTo(new WebhookVerdict.AboutTicket("4711", "updated"));

        IntegrationConnection restarted = provider().reconnect(integration(), connection.valuesToStore().orElseThrow(),
                published());
        assertThat(restarted.inboundWebhook()).as("still shown after a restart").contains(shown);
    }

    @Test
    void credentialsTypedInAreNeverShownBack() {
        IntegrationConnection typed = provider().connect(integration(), new IntegrationSettings(
                plus(stubValues().settings(), "webhookUser", "halo-hook"),
                plus(stubValues().secrets(), "webhookPassword", "typed-password")),
                published());
        assertThat(typed.inboundWebhook()).get().satisfies(shown -> {
            assertThat(shown.setup()).isEqualTo(InboundWebhook.Setup.BY_HAND);
            assertThat(shown.secret()).isEmpty();
        });
        assertThat(typed.valuesToStore()).isEmpty();
    }

    private static Map<String, String> plus(Map<String, String> values, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(values);
        all.put(key, value);
        return all;
    }
}
