package dev.steward.adapter.psa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.steward.adapter.psa.common.TicketSystemFactory;
import dev.steward.domain.problem.InvalidValue;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PsaModuleTest {

    private final Map<String, TicketSystemFactory> factories = Guice.createInjector(new PsaModule())
            .getInstance(Key.get(new TypeLiteral<Map<String, TicketSystemFactory>>() {}));

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
