package dev.steward.adapter.psa.autotask;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import dev.steward.adapter.psa.common.FakePsaProviderTest;
import dev.steward.adapter.psa.common.Signatures;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.spi.InboundWebhook;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.domain.problem.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutotaskProviderTest extends FakePsaProviderTest<FakeAutotask> {

    AutotaskProviderTest() {
        super(new FakeAutotask());
    }

    @Override
    protected UrlPattern apiUrls() {
        return urlPathMatching("/atservicesrest/v1.0/(Tickets|Contacts|TicketNotes).*");
    }

    @Override
    protected IntegrationProvider provider() {
        return new AutotaskProvider();
    }

    @Override
    protected IntegrationSettings stubValues() {
        return values(wiremock().baseUrl() + "/atservicesrest/");
    }

    @Override
    protected IntegrationSettings refusedValues() {
        return values("ftp://autotask.example/atservicesrest/");
    }

    @Override
    protected String seedCompany(String name) {
        return fake.seedCompany(name, FakeAutotask.CUSTOMER, true);
    }

    @Override
    protected String seedUnlistedCompany(String name) {
        return fake.seedCompany(name, FakeAutotask.VENDOR, true);
    }

    @Override
    protected IntegrationSettings wrongSecretValues() {
        return new IntegrationSettings(stubValues().settings(), Map.of("secret", WRONG_SECRET));
    }

    @Override
    protected String wrongSecretField() {
        return "secrets.secret";
    }

    @Override
    protected IntegrationSettings unreachableValues() {
        return values("http://127.0.0.1:1/atservicesrest/");
    }

    @Override
    protected String unreachableField() {
        return "settings.zoneLookupBase";
    }

    @Test
    void aWrongIntegrationCodeAnUnknownUserAndALabelTheTenantLacksAreEachNamedOnConnect() {
        Map<String, String> good = stubValues().settings();
        Map<String, String> field = Map.of("integrationCode", "settings.integrationCode", "userName",
                "settings.userName", "internalPublishLabel", "settings.internalPublishLabel");
        Map<String, String> wrong = Map.of("integrationCode", "NOT-OUR-CODE", "userName", "nobody@acmemsp.example",
                "internalPublishLabel", "Internal");
        wrong.forEach((key, value) -> {
            Map<String, String> settings = new java.util.HashMap<>(good);
            settings.put(key, value);
            assertThatThrownBy(() -> provider().connect(integration(), new IntegrationSettings(settings,
                    Map.of("secret", FakeAutotask.SECRET)), context())).as(key)
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field.get(key)));
        });
    }

    private static IntegrationSettings values(String zoneLookupBase) {
        return new IntegrationSettings(Map.of("zoneLookupBase", zoneLookupBase, "userName", FakeAutotask.USER,
                "integrationCode", FakeAutotask.INTEGRATION_CODE), Map.of("secret", FakeAutotask.SECRET));
    }

    @Test
    void connectingRegistersATicketWebhookWithAGeneratedSecretExcludingTheApiUserAndDisconnectingDeletesIt() {
        int before = fake.webhooks().size();
        IntegrationConnection connection = provider().connect(integration(), stubValues(), published());
        String url = webhookUrl();

        ObjectNode webhook = fake.webhooks().stream().filter(w -> w.path("webhookUrl").asText().equals(url))
                .findFirst().orElseThrow(() -> new AssertionError("no webhook for " + url + " in " + fake.webhooks()));
        String secret = webhook.path("secretKey").asText();
        assertThat(secret).as("generated, within Autotask's 64").hasSizeBetween(32, 64);
        assertThat(webhook.path("excludedResources").findValuesAsText("resourceID"))
                .as("loop prevention at the source").containsExactly(Long.toString(FakeAutotask.apiResource()));
        assertThat(fake.webhookCallsFor(FakeAutotask.apiResource())).as("Steward's own changes fire nothing")
                .doesNotContainKey(url);
        assertThat(fake.webhookCallsFor(29682999)).as("a technician's change fires it").containsEntry(url, secret);
        assertThat(connection.valuesToStore()).get().satisfies(values -> {
            assertThat(values.settings()).containsEntry("webhookId", webhook.path("id").asText());
            assertThat(values.secrets()).containsEntry("webhookSecret", secret).containsEntry("secret",
                    FakeAutotask.SECRET);
        });
        assertThat(connection.inboundWebhook()).get().satisfies(shown -> {
            assertThat(shown.setup()).isEqualTo(InboundWebhook.Setup.REGISTERED);
            assertThat(shown.url()).contains(url);
            assertThat(shown.secret()).as("a registered secret is never shown").isEmpty();
        });
        String body = "{\"Action\":\"Update\",\"EntityType\":\"Ticket\",\"Id\":128926,\"PersonID\":29682999}";
        assertThat(connection.webhooks().orElseThrow().read(new WebhookDelivery(Map.of("X-Hook-Signature",
                Signatures.base64Hmac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8),
                        body.getBytes(StandardCharsets.UTF_8))), body.getBytes(StandardCharsets.UTF_8))))
                .as("deliveries signed with the generated secret are read")
                .isEqualTo(new WebhookVerdict.AboutTicket("128926", "update"));

        connection.removeRegistrations();
        connection.removeRegistrations();
        connection.close();

        assertThat(fake.webhooks()).hasSize(before);
    }

    @Test
    void aWebhookAutotaskRefusesHalfWayIsDeletedAgainAndTheConnectIsRefusedNamingWhy() {
        int before = fake.webhooks().size();
        wiremock().stubFor(post(urlPathMatching(".*/TicketWebhooks/[0-9]+/ExcludedResources")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[\"You do not have permission to add excluded resources.\"]}")));

        assertThatThrownBy(() -> provider().connect(integration(), stubValues(), published()))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("webhook");
                    assertThat(e.rule()).contains("Autotask").contains("excluded resources");
                });
        assertThat(fake.webhooks()).as("a webhook without its exclusion would wake the agent with its own notes")
                .hasSize(before);
    }

    @Test
    void aWebhookSecretGivenByHandMeansAWebhookSetUpInAutotaskAndNothingIsRegistered() {
        int before = fake.webhooks().size();
        try (IntegrationConnection connection = provider().connect(integration(), new IntegrationSettings(
                stubValues().settings(), Map.of("secret", FakeAutotask.SECRET, "webhookSecret", "typed-secret")),
                published())) {
            assertThat(fake.webhooks()).hasSize(before);
            assertThat(connection.inboundWebhook()).get().satisfies(shown -> {
                assertThat(shown.setup()).isEqualTo(InboundWebhook.Setup.BY_HAND);
                assertThat(shown.secret()).isEmpty();
            });
        }
    }
}
