package dev.steward.adapter.psa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.steward.adapter.psa.common.TicketSystemFactory;
import dev.steward.application.port.PsaWebhooks;
import dev.steward.application.port.TicketSystems;
import dev.steward.application.port.WebhookDelivery;
import dev.steward.application.port.WebhookVerdict;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PsaModuleTest {

    private final Injector injector = Guice.createInjector(new PsaModule(),
            binder -> binder.bind(Clock.class).toInstance(Clock.systemUTC()));
    private final Map<String, TicketSystemFactory> factories = injector
            .getInstance(Key.get(new TypeLiteral<Map<String, TicketSystemFactory>>() {}));

    @Test
    void oneConnectedPsasServesTicketSystemsAndWebhooks() {
        ConnectedPsas psas = injector.getInstance(ConnectedPsas.class);
        assertThat(injector.getInstance(TicketSystems.class)).isSameAs(psas);
        assertThat(injector.getInstance(PsaWebhooks.class)).isSameAs(psas);

        MspId msp = Fixtures.uniqueMspId();
        psas.connect(msp, "autotask", Map.of("userName", "api@x.example", "integrationCode", "T1", "secret", "s"));
        assertThat(psas.of(msp, "autotask").kind()).isEqualTo("autotask");
        assertThat(psas.read(msp, "autotask", new WebhookDelivery(Map.of(), new byte[0])))
                .isInstanceOfSatisfying(WebhookVerdict.Reject.class,
                        r -> assertThat(r.reason()).contains("webhooks are not configured"));
        assertThatThrownBy(() -> psas.of(msp, "halopsa")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> psas.connect(msp, "kaseya", Map.of())).isInstanceOfSatisfying(InvalidValue.class,
                e -> assertThat(e.getMessage()).contains("autotask, connectwise, halopsa"));
    }

    @Test
    void bindsOneFactoryPerPsaKind() {
        assertThat(factories).containsOnlyKeys("connectwise", "halopsa", "autotask");
        factories.forEach((kind, factory) -> assertThat(factory.kind()).isEqualTo(kind));
    }

    @Test
    void buildsAConnectWiseSystemFromSettings() {
        var system = factories.get("connectwise").create(Map.of("apiBase", "https://cw.example/v4_6_release/apis/3.0/",
                "companyId", "acmemsp", "publicKey", "pub", "privateKey", "priv", "clientId", "guid"),
                Clock.systemUTC());
        assertThat(system.kind()).isEqualTo("connectwise");
        assertThat(system.toString()).doesNotContain("priv").doesNotContain("guid");
    }

    @Test
    void aMissingSettingIsNamedAndItsNeighboursValuesAreNotShown() {
        assertThatThrownBy(() -> factories.get("halopsa").create(Map.of("apiBase", "https://t.halopsa.com/api/",
                "tokenUrl", "https://t.halopsa.com/auth/token?tenant=t", "clientId", "abc", "clientSecret", "xyz"),
                Clock.systemUTC()))
                .isInstanceOfSatisfying(InvalidValue.class,
                        e -> assertThat(e.field()).isEqualTo("settings.replyOutcomeId"))
                .hasMessageNotContaining("xyz");
        assertThatThrownBy(() -> factories.get("autotask").create(Map.of("userName", "api@x.example",
                "integrationCode", "T1"), Clock.systemUTC()))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("settings.secret"));
    }

    @Test
    void aMalformedUrlIsRefusedWithItsKey() {
        assertThatThrownBy(() -> factories.get("connectwise").create(Map.of("apiBase", "ftp://nope", "companyId", "a",
                "publicKey", "b", "privateKey", "c", "clientId", "d"), Clock.systemUTC()))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("settings.apiBase"));
    }
}
