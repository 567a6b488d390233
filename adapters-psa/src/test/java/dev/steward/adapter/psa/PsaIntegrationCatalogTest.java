package dev.steward.adapter.psa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.adapter.psa.autotask.AutotaskTicketSystemFactory;
import dev.steward.adapter.psa.connectwise.ConnectWiseTicketSystemFactory;
import dev.steward.adapter.psa.halopsa.HaloPsaTicketSystemFactory;
import dev.steward.application.port.IntegrationCatalog;
import dev.steward.application.port.IntegrationSettings;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.IntegrationCatalogContract;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.problem.InvalidValue;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PsaIntegrationCatalogTest extends IntegrationCatalogContract {

    private final ConnectedPsas psas = new ConnectedPsas(Map.of("connectwise", new ConnectWiseTicketSystemFactory(),
            "halopsa", new HaloPsaTicketSystemFactory(), "autotask", new AutotaskTicketSystemFactory()),
            Clock.systemUTC());
    private final PsaIntegrationCatalog catalog = new PsaIntegrationCatalog(psas);

    @Override
    protected IntegrationCatalog catalog() {
        return catalog;
    }

    @Override
    protected IntegrationSettings usableValues(IntegrationKind kind) {
        return switch (kind.name()) {
            case "connectwise" -> new IntegrationSettings(Map.of("apiBase", "https://cw.example/v4_6/apis/3.0/",
                    "companyId", "northwind", "publicKey", "pub"), Map.of("privateKey", "priv", "clientId", "guid"));
            case "halopsa" -> new IntegrationSettings(Map.of("apiBase", "https://nw.halopsa.example/api/",
                    "tokenUrl", "https://nw.halopsa.example/auth/token", "clientId", "steward",
                    "replyOutcomeId", "2"), Map.of("clientSecret", "s3cret"));
            case "autotask" -> new IntegrationSettings(Map.of("userName", "api@nw.example",
                    "integrationCode", "TRACK-1"), Map.of("secret", "at-secret", "webhookSecret", "hook"));
            default -> throw new AssertionError(kind.name());
        };
    }

    @Override
    protected IntegrationSettings unusableValues(IntegrationKind kind) {
        IntegrationSettings usable = usableValues(kind);
        Map<String, String> settings = new java.util.HashMap<>(usable.settings());
        settings.put(kind.name().equals("autotask") ? "zoneLookupBase" : "apiBase", "ftp://not-http.example");
        return new IntegrationSettings(settings, usable.secrets());
    }

    @Override
    protected boolean isLive(Integration integration) {
        try {
            return psas.of(integration.msp(), integration.kind()) != null;
        } catch (NotFound e) {
            return false;
        }
    }

    @Test
    void offersTheThreePsasMspWideWithTheirSecretsMarked() {
        assertThat(catalog.kinds()).extracting(IntegrationKind::name)
                .containsExactly("autotask", "connectwise", "halopsa");
        assertThat(catalog.kinds()).allSatisfy(k -> assertThat(k.scopes()).containsExactly(IntegrationScope.MSP));
        IntegrationKind connectwise = catalog.kinds().get(1);
        assertThat(connectwise.setting("privateKey").orElseThrow().secret()).isTrue();
        assertThat(connectwise.setting("apiBase").orElseThrow().secret()).isFalse();
    }

    @Test
    void aSecretTheFactoryRefusesIsNamedUnderSecrets() {
        IntegrationKind connectwise = catalog.kinds().get(1);
        IntegrationSettings usable = usableValues(connectwise);

        assertThatThrownBy(() -> catalog.activate(connected(connectwise), new IntegrationSettings(usable.settings(),
                Map.of("privateKey", " ", "clientId", "guid"))))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("secrets.privateKey");
                    assertThat(e.code()).isEqualTo("secrets.privateKey.required");
                });
    }

    @Test
    void aLiveAutotaskReadsItsWebhooksAndADisconnectedOneRejectsThem() {
        IntegrationKind autotask = catalog.kinds().get(0);
        Integration integration = connected(autotask);
        catalog.activate(integration, usableValues(autotask));
        catalog.deactivate(integration);

        assertThat(psas.read(integration.msp(), "autotask", new dev.steward.application.port.WebhookDelivery(Map.of(),
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOf(dev.steward.application.port.WebhookVerdict.Reject.class);
    }
}
