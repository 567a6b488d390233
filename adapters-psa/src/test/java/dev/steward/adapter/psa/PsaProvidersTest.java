package dev.steward.adapter.psa;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.adapter.psa.autotask.AutotaskProvider;
import dev.steward.adapter.psa.common.Signatures;
import dev.steward.adapter.psa.connectwise.ConnectWiseProvider;
import dev.steward.adapter.psa.halopsa.HaloPsaProvider;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.psa.PsaWebhooksContract;
import dev.steward.application.port.psa.TicketSystems;
import dev.steward.application.port.psa.TicketSystemsContract;
import dev.steward.application.port.psa.WebhookDelivery;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.application.provider.LiveIntegrations;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The three PSA providers as the control plane uses them: found on the class path, connected, live. */
class PsaProvidersTest extends TicketSystemsContract {

    private static final IntegrationSettings AUTOTASK = new IntegrationSettings(Map.of("userName",
            "api@acmemsp.example", "integrationCode", "TRACKING-ID-1"),
            Map.of("secret", "at-secret", "webhookSecret", "hook-secret"));

    private final IntegrationKinds kinds = IntegrationKinds.of(new ConnectWiseProvider(), new HaloPsaProvider(),
            new AutotaskProvider());
    private final LiveIntegrations live = new LiveIntegrations(kinds, ProviderContext.defaults(Clock.systemUTC()));

    private static Integration integration(MspId msp, String kind) {
        return Integration.connect(new IntegrationId(UUID.randomUUID()), msp, Optional.empty(), kind, List.of(),
                Map.of(), T0);
    }

    private MspId connected(String kind, IntegrationSettings values) {
        MspId msp = Fixtures.uniqueMspId();
        Integration integration = integration(msp, kind);
        live.register(integration, live.reopen(integration, values));
        return msp;
    }

    @Override
    protected TicketSystems systems() {
        return live;
    }

    @Override
    protected MspId anMspWithAConnectedPsa() {
        return connected("autotask", AUTOTASK);
    }

    @Override
    protected String connectedKind() {
        return "autotask";
    }

    @Test
    void theThreePsasAreFoundOnTheClassPathMspWideWithTheirSecretsMarked() {
        List<String> found = ServiceLoader.load(IntegrationProvider.class).stream()
                .map(p -> p.get().kind().name()).sorted().toList();
        assertThat(found).containsExactly("autotask", "connectwise", "halopsa");
        assertThat(kinds.in(IntegrationScope.MSP)).extracting(IntegrationKind::name)
                .containsExactly("autotask", "connectwise", "halopsa");
        assertThat(kinds.in(IntegrationScope.CLIENT)).isEmpty();
        IntegrationKind connectwise = kinds.kind("connectwise").orElseThrow();
        assertThat(connectwise.setting("privateKey").orElseThrow().secret()).isTrue();
        assertThat(connectwise.setting("apiBase").orElseThrow().secret()).isFalse();
    }

    @Test
    void aSecretTheProviderRefusesIsNamedUnderSecrets() {
        IntegrationSettings values = new IntegrationSettings(Map.of("apiBase", "https://cw.example/v4_6/apis/3.0/",
                "companyId", "northwind", "publicKey", "pub"), Map.of("privateKey", " ", "clientId", "guid"));

        assertThatThrownBy(() -> live.open(integration(Fixtures.uniqueMspId(), "connectwise"), values))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("secrets.privateKey");
                    assertThat(e.code()).isEqualTo("secrets.privateKey.required");
                });
    }

    @Test
    void aMissingOrMalformedSettingIsNamedAndNoValueIsShown() {
        assertThatThrownBy(() -> live.open(integration(Fixtures.uniqueMspId(), "halopsa"), new IntegrationSettings(
                Map.of("apiBase", "https://t.halopsa.com/api/", "tokenUrl", "https://t.halopsa.com/auth/token",
                        "clientId", "abc", "replyOutcomeId", "seven"), Map.of("clientSecret", "xyz"))))
                .isInstanceOfSatisfying(InvalidValue.class,
                        e -> assertThat(e.field()).isEqualTo("settings.replyOutcomeId"))
                .hasMessageNotContaining("xyz");
        assertThatThrownBy(() -> live.open(integration(Fixtures.uniqueMspId(), "connectwise"), new IntegrationSettings(
                Map.of("apiBase", "ftp://nope", "companyId", "a", "publicKey", "b"),
                Map.of("privateKey", "c", "clientId", "d"))))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("settings.apiBase"));
    }

    /**
     * The review's reproduction: an http base URL was accepted, so the PSA's credentials (Basic auth, OAuth client
     * secret) would travel in the clear. Every PSA refuses it, before any request, unless the host is loopback or the
     * installation allows plain http.
     */
    @Test
    void aPlainHttpBaseUrlIsRefusedForEveryPsaUnlessLoopbackOrAllowed() {
        Map<String, IntegrationSettings> plain = Map.of(
                "connectwise", new IntegrationSettings(Map.of("apiBase", "http://cw.example/v4_6_release/apis/3.0/",
                        "companyId", "a", "publicKey", "b"), Map.of("privateKey", "c", "clientId", "d")),
                "halopsa", new IntegrationSettings(Map.of("apiBase", "http://t.halopsa.example/api/", "tokenUrl",
                        "https://t.halopsa.example/auth/token", "clientId", "abc", "replyOutcomeId", "1",
                        "noteOutcomeId", "2"), Map.of("clientSecret", "xyz")),
                "autotask", new IntegrationSettings(Map.of("userName", "api@acmemsp.example", "integrationCode", "T",
                        "zoneLookupBase", "http://zones.autotask.example/"), Map.of("secret", "s")));
        plain.forEach((kind, values) -> assertThatThrownBy(() -> live.open(integration(Fixtures.uniqueMspId(),
                kind), values)).as(kind).isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.code()).endsWith(".insecure");
                    assertThat(e.field()).startsWith("settings.");
                    assertThat(e.rule()).contains("https");
                }));

        LiveIntegrations allowing = new LiveIntegrations(kinds, ProviderContext.defaults(Clock.systemUTC())
                .withPlainHttpAllowed(true));
        assertThat(allowing.reopen(integration(Fixtures.uniqueMspId(), "connectwise"), plain.get("connectwise")))
                .as("allowed for the installation").isNotNull();
    }

    @Test
    void aPsaWithoutWebhookSettingsIsPolledAndItsDeliveriesAreRefusedSayingWhy() {
        MspId msp = connected("autotask", new IntegrationSettings(AUTOTASK.settings(), Map.of("secret", "s")));

        assertThat(live.of(msp, "autotask").kind()).isEqualTo("autotask");
        assertThat(live.read(msp, "autotask", new WebhookDelivery(Map.of(), new byte[0])))
                .isInstanceOfSatisfying(WebhookVerdict.Reject.class,
                        r -> assertThat(r.reason()).contains("webhooks are not configured"));
    }

    @Test
    void aConnectionNeverShowsItsSecrets() {
        MspId msp = connected("connectwise", new IntegrationSettings(Map.of("apiBase",
                "https://cw.example/v4_6_release/apis/3.0/", "companyId", "acmemsp", "publicKey", "pub"),
                Map.of("privateKey", "priv-0123456789", "clientId", "guid-0123456789")));

        assertThat(live.of(msp, "connectwise").toString()).doesNotContain("priv-0123456789")
                .doesNotContain("guid-0123456789");
    }

    @Nested
    class AsPsaWebhooks extends PsaWebhooksContract {

        private final MspId msp = anMspWithAConnectedPsa();

        private WebhookDelivery delivery(String ticketId, String key) {
            byte[] body = ("{\"Action\":\"Update\",\"EntityType\":\"Ticket\",\"Id\":" + ticketId + "}")
                    .getBytes(StandardCharsets.UTF_8);
            return new WebhookDelivery(Map.of("X-Hook-Signature", Signatures.base64Hmac("HmacSHA1",
                    key.getBytes(StandardCharsets.UTF_8), body)), body);
        }

        @Override
        protected Subject subject() {
            return new Subject(live, msp, "autotask");
        }

        @Override
        protected WebhookDelivery authenticDeliveryAbout(String ticketId) {
            return delivery(ticketId, "hook-secret");
        }

        @Override
        protected WebhookDelivery forgedDeliveryAbout(String ticketId) {
            return delivery(ticketId, "guess");
        }
    }
}
