package dev.steward.application.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for the base URLs providers send credentials to. */
class ProviderContextTest {

    private final ProviderContext context = ProviderContext.defaults(Clock.systemUTC());

    @ParameterizedTest
    @ValueSource(strings = {"https://cw.example/v4_6_release/apis/3.0/", "HTTPS://cw.example:8443/api",
            "http://localhost:8080/api", "http://127.0.0.1:9/x", "http://127.8.9.10/", "http://[::1]:8080/"})
    void acceptsHttpsAndPlainHttpToLoopback(String url) {
        assertThat(context.baseUrl("settings.apiBase", " " + url + " ")).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://cw.example/api", "http://10.0.0.5/api", "http://localhost.evil.example/",
            "http://127.0.0.1.nip.io/", "http://169.254.169.254/latest"})
    void refusesPlainHttpElsewhere(String url) {
        assertThatThrownBy(() -> context.baseUrl("settings.apiBase", url))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.code()).isEqualTo("settings.apiBase.insecure");
                    assertThat(e.rule()).contains("STEWARD_INTEGRATIONS_ALLOW_HTTP");
                });
        assertThat(context.withPlainHttpAllowed(true).baseUrl("settings.apiBase", url)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cw.example", "ftp://cw.example/", "https://user:pw@cw.example/", "https:///path",
            "javascript:alert(1)", "https://cw example/"})
    void refusesWhatIsNoHttpsUrlAtAll(String url) {
        assertThatThrownBy(() -> context.withPlainHttpAllowed(true).baseUrl("settings.apiBase", url))
                .isInstanceOfSatisfying(InvalidValue.class,
                        e -> assertThat(e.code()).isEqualTo("settings.apiBase.malformed"));
    }

    @Test
    void buildsThePsaWebhookUrlFromThePublicUrlAndHasNoneWithoutOne() {
        dev.steward.domain.msp.MspId msp = dev.steward.domain.msp.MspId.parse("6f1c0d5e-0000-4000-8000-000000000001");

        assertThat(context.withPublicUrl(java.util.Optional.of("https://steward.example.com/"))
                .psaWebhookUrl(msp, "autotask"))
                .contains("https://steward.example.com/hooks/psa/6f1c0d5e-0000-4000-8000-000000000001/autotask");
        assertThat(context.withPublicUrl(java.util.Optional.of("http://10.0.0.5:8080/steward"))
                .psaWebhookUrl(msp, "connectwise")).as("a path prefix (behind a proxy) is kept")
                .contains("http://10.0.0.5:8080/steward/hooks/psa/6f1c0d5e-0000-4000-8000-000000000001/connectwise");
        assertThat(context.psaWebhookUrl(msp, "autotask")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"steward.example.com", "ftp://steward.example.com", "https://", "https://a b.example",
            "https://steward.example.com/?x=1", "https://user@steward.example.com", " "})
    void refusesAPublicUrlThatIsNotAnAbsoluteHttpUrl(String url) {
        assertThatThrownBy(() -> context.withPublicUrl(java.util.Optional.of(url)))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code()).isEqualTo("publicUrl.malformed"));
    }
}
