package dev.steward.adapter.m365;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TenantTokensTest extends CloudSupport {

    private TenantTokens tokens(Map<String, String> values) {
        return new TenantTokens(M365Settings.from(values), Graph.defaultClient(), HttpPolicy.DEFAULT, clock);
    }

    @Test
    void issuesOneTokenPerTenantAndReusesItUntilShortlyBeforeItExpires() {
        FakeTenant contoso = CLOUD.addCustomer("Contoso Tokens");
        FakeTenant fabrikam = CLOUD.addCustomer("Fabrikam Tokens");
        TenantTokens tokens = tokens(values());

        String first = tokens.token(contoso.id());
        String other = tokens.token(fabrikam.id());
        clock.advance(Duration.ofMinutes(54));

        assertThat(tokens.token(contoso.id())).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(CLOUD.tokensIssued(contoso.id())).isEqualTo(1);
        assertThat(CLOUD.tokensIssued(fabrikam.id())).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));   // 55 of 59:59 minutes: inside the five-minute margin
        assertThat(tokens.token(contoso.id())).isNotEqualTo(first);
        assertThat(CLOUD.tokensIssued(contoso.id())).isEqualTo(2);
    }

    @Test
    void aShortLivedTokenIsRenewedAtHalfItsLife() {
        FakeTenant tenant = CLOUD.addCustomer("Short Lived");
        CLOUD.tokenLifetime(300);
        try {
            TenantTokens tokens = tokens(values());
            String first = tokens.token(tenant.id());
            clock.advance(Duration.ofSeconds(149));
            assertThat(tokens.token(tenant.id())).isEqualTo(first);
            clock.advance(Duration.ofSeconds(1));
            assertThat(tokens.token(tenant.id())).isNotEqualTo(first);
        } finally {
            CLOUD.tokenLifetime(3599);
        }
    }

    @Test
    void concurrentCallersForOneTenantShareOneTokenRequest() throws Exception {
        FakeTenant tenant = CLOUD.addCustomer("Busy Tenant");
        TenantTokens tokens = tokens(values());
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Callable<String>> callers = IntStream.range(0, 20).<Callable<String>>mapToObj(
                    i -> () -> tokens.token(tenant.id())).toList();
            List<String> issued = pool.invokeAll(callers).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).distinct().toList();
            assertThat(issued).hasSize(1);
        }
        assertThat(CLOUD.tokensIssued(tenant.id())).isEqualTo(1);
    }

    @Test
    void aRejectedTokenIsForgottenSoTheNextCallGetsANewOne() {
        FakeTenant tenant = CLOUD.addCustomer("Forgetful");
        TenantTokens tokens = tokens(values());
        String first = tokens.token(tenant.id());
        tokens.forget(tenant.id(), "some other token");
        assertThat(tokens.token(tenant.id())).isEqualTo(first);
        tokens.forget(tenant.id(), first);
        assertThat(tokens.token(tenant.id())).isNotEqualTo(first);
    }

    @Test
    void sortsTheTokenEndpointsRefusals() {
        FakeTenant unconsented = CLOUD.addCustomer("Never Consented").withoutConsent();
        Map<String, String> badSecret = values();
        badSecret.put(M365Settings.CLIENT_SECRET, "wrong-secret");
        Map<String, String> badClient = values();
        badClient.put(M365Settings.CLIENT_ID, "11111111-2222-3333-4444-555555555555");

        assertThatThrownBy(() -> tokens(values()).token("nosuchtenant.onmicrosoft.com"))
                .isInstanceOfSatisfying(TokenRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(TokenRefused.Reason.UNKNOWN_TENANT);
                    assertThat(e.description()).startsWith("AADSTS90002: Tenant 'nosuchtenant.onmicrosoft.com' not found")
                            .doesNotContain("Trace ID");
                });
        assertThatThrownBy(() -> tokens(badSecret).token(FakeMicrosoftCloud.PARTNER_TENANT))
                .isInstanceOfSatisfying(TokenRefused.class, e -> assertThat(e.reason())
                        .isEqualTo(TokenRefused.Reason.BAD_SECRET));
        assertThatThrownBy(() -> tokens(badClient).token(FakeMicrosoftCloud.PARTNER_TENANT))
                .isInstanceOfSatisfying(TokenRefused.class, e -> assertThat(e.reason())
                        .isEqualTo(TokenRefused.Reason.APP_NOT_IN_TENANT));
        assertThatThrownBy(() -> tokens(values()).token(unconsented.id()))
                .isInstanceOfSatisfying(TokenRefused.class, e -> assertThat(e.asToolFailure("tenant Never Consented")
                        .getMessage()).contains("has no consent in tenant Never Consented", "admin consent"));
    }

    @Test
    void theSecretNeverLeavesTheFormNorAppearsInAnyMessage() {
        Map<String, String> badSecret = values();
        badSecret.put(M365Settings.CLIENT_SECRET, "wrong-secret-value-123");
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                () -> tokens(badSecret).token(FakeMicrosoftCloud.PARTNER_TENANT));
        assertThat(refused.getMessage()).doesNotContain("wrong-secret-value-123");
        assertThat(M365Settings.from(values()).toString()).doesNotContain(FakeMicrosoftCloud.CLIENT_SECRET);
    }

    @Test
    void signsInWithACertificateInsteadOfTheSecret() throws Exception {
        CertificatePem certificate = CertificatePem.generate("steward-app");
        CLOUD.registerCertificate(certificate.certificate());
        FakeTenant tenant = CLOUD.addCustomer("Certificate Tenant");
        Map<String, String> values = values();
        values.remove(M365Settings.CLIENT_SECRET);
        values.put(M365Settings.CERTIFICATE, certificate.pem());

        // the identity platform checks the assertion's times against its own clock: sign with the real one
        TenantTokens tokens = new TenantTokens(M365Settings.from(values), Graph.defaultClient(), HttpPolicy.DEFAULT,
                java.time.Clock.systemUTC());
        assertThat(tokens.token(tenant.id())).isNotBlank();
        assertThat(CLOUD.requests().getLast().body()).contains("client_assertion=").doesNotContain("client_secret");

        CertificatePem other = CertificatePem.generate("not-registered");
        values.put(M365Settings.CERTIFICATE, other.pem());
        TenantTokens unregistered = new TenantTokens(M365Settings.from(values), Graph.defaultClient(),
                HttpPolicy.DEFAULT, java.time.Clock.systemUTC());
        assertThatThrownBy(() -> unregistered.token(tenant.id()))
                .isInstanceOfSatisfying(TokenRefused.class, e -> assertThat(e.reason())
                        .isEqualTo(TokenRefused.Reason.BAD_CERTIFICATE));
    }
}
