package dev.steward.adapter.m365;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class M365SettingsTest {

    private static Map<String, String> valid() {
        Map<String, String> values = new HashMap<>();
        values.put("tenant", "northwind.onmicrosoft.com");
        values.put("clientId", "0a4f7c1e-5b2d-4c8e-9f10-2a3b4c5d6e7f");
        values.put("clientSecret", "s3cret-value");
        return values;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> values = valid();
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        return values;
    }

    @Test
    void defaultsToMicrosoftsPublicCloud() {
        M365Settings settings = M365Settings.from(valid());
        assertThat(settings.tokenEndpoint("contoso.example"))
                .isEqualTo(URI.create("https://login.microsoftonline.com/contoso.example/oauth2/v2.0/token"));
        assertThat(settings.scope()).isEqualTo("https://graph.microsoft.com/.default");
        assertThat(settings.isGraph(URI.create("https://graph.microsoft.com/v1.0/users?$skiptoken=x"))).isTrue();
        assertThat(settings.isGraph(URI.create("https://graph.microsoft.com.evil.example/v1.0/users"))).isFalse();
    }

    @Test
    void takesANationalCloudsRoots() {
        M365Settings settings = M365Settings.from(with("graphUrl", "https://graph.microsoft.us"));
        assertThat(settings.scope()).isEqualTo("https://graph.microsoft.us/.default");
    }

    @Test
    void namesEveryBrokenValueByItsField() {
        assertThat(M365Settings.problems(with("tenant", null))).extracting(InvalidValue::code)
                .containsExactly("settings.tenant.required");
        assertThat(M365Settings.problems(with("tenant", "not a tenant"))).extracting(InvalidValue::code)
                .containsExactly("settings.tenant.malformed");
        assertThat(M365Settings.problems(with("clientId", "my-app"))).extracting(InvalidValue::code)
                .containsExactly("settings.clientId.malformed");
        assertThat(M365Settings.problems(with("clientSecret", " "))).extracting(InvalidValue::code)
                .containsExactly("secrets.clientSecret.required");
        assertThat(M365Settings.problems(with("certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END "
                + "CERTIFICATE-----"))).extracting(InvalidValue::field).containsExactly("secrets.certificate");
        assertThat(M365Settings.problems(with("graphUrl", "http://graph.example.com")))
                .extracting(InvalidValue::code).containsExactly("settings.graphUrl.insecure");
        assertThat(M365Settings.problems(with("authorityUrl", "https://login.example.com/tenant")))
                .extracting(InvalidValue::code).containsExactly("settings.authorityUrl.malformed");
        assertThat(M365Settings.problems(with("graphUrl", "http://127.0.0.1:8089"))).isEmpty();
        assertThat(M365Settings.problems(with("graphUrl", "http://graph.example.com"),
                dev.steward.application.spi.ProviderContext.defaults(java.time.Clock.systemUTC())
                        .withPlainHttpAllowed(true))).as("the installation allows plain http").isEmpty();
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(M365Settings.from(valid()).toString()).doesNotContain("s3cret-value");
    }
}
