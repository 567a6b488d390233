package dev.steward.adapter.duo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.steward.adapter.duo.FakeDuo.Behaviour;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.IdentityVerifier;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.IntegrationProviderContract;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.verification.IdentityVerification.Result;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DuoProviderTest extends IntegrationProviderContract {

    private static final FakeDuo DUO = new FakeDuo();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(DUO)).build();

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final DuoProvider provider = new DuoProvider(HttpClient.newHttpClient(), waits::add);

    @BeforeEach
    void stubDuo() {
        WIREMOCK.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(DUO.getName())));
        DUO.user("dana@contoso.example", Behaviour.ALLOW);
        DUO.user("dana", Behaviour.DENY);
        DUO.user("sam@contoso.example", Behaviour.DENY);
        DUO.user("kim@contoso.example", Behaviour.TIMEOUT);
        DUO.user("lee@contoso.example", Behaviour.NOT_ENROLLED);
        DUO.user("max@contoso.example", Behaviour.NO_PUSH_DEVICE);
        DUO.user("bo@contoso.example", Behaviour.BYPASS);
        DUO.user("al@contoso.example", Behaviour.LOCKED_OUT);
        DUO.user("jo@contoso.example", Behaviour.WAIT_FOREVER);
    }

    private static IntegrationSettings values(String secretKey, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("apiHost", WIREMOCK.baseUrl(),
                "integrationKey", FakeDuo.IKEY));
        settings.putAll(extra);
        return new IntegrationSettings(settings, Map.of("secretKey", secretKey));
    }

    @Override
    protected IntegrationProvider provider() {
        return provider;
    }

    @Override
    protected IntegrationSettings usableValues() {
        return values(FakeDuo.SKEY, Map.of());
    }

    @Override
    protected IntegrationSettings refusedValues() {
        return values("not-the-secret-key-0123456789", Map.of());
    }

    @Override
    protected Map<String, String> argumentsFor(Tool tool) {
        throw new AssertionError("Duo offers no tools");
    }

    private IdentityVerifier verifier(Map<String, String> extra) {
        IntegrationConnection connection = provider.connect(integration(), values(FakeDuo.SKEY, extra), context());
        return connection.identityVerifier().orElseThrow();
    }

    @Test
    void offersOnlyIdentityVerificationMspWide() {
        assertThat(provider.kind().tools()).isEmpty();
        assertThat(provider.kind().setting("secretKey").orElseThrow().secret()).isTrue();
        assertThat(verifier(Map.of())).isNotNull();
    }

    @Test
    void anAllowedPushVerifiesAndItsRequestsAreSignedAsDuoRequires() {
        int signedBefore = DUO.signedRequests();
        int refusedBefore = DUO.refused().size();

        assertThat(verifier(Map.of()).verify("dana@contoso.example", "Helpdesk request 51001 (a+b ~ c/d)"))
                .isEqualTo(Result.VERIFIED);

        assertThat(DUO.refused()).as("requests whose signature the stub refused").hasSize(refusedBefore);
        assertThat(DUO.signedRequests() - signedBefore).as("check, preauth, auth, two auth_status polls")
                .isEqualTo(5);
        assertThat(DUO.pushes()).last().satisfies(push -> {
            assertThat(push.username()).isEqualTo("dana@contoso.example");
            assertThat(push.pushinfo()).isEqualTo("request=Helpdesk%20request%2051001%20%28a%2Bb%20~%20c%2Fd%29");
        });
    }

    @Test
    void eachAnswerOfTheRequesterIsReported() {
        IdentityVerifier verifier = verifier(Map.of());

        assertThat(verifier.verify("sam@contoso.example", "r")).isEqualTo(Result.DENIED);
        assertThat(verifier.verify("kim@contoso.example", "r")).isEqualTo(Result.TIMED_OUT);
        assertThat(verifier.verify("lee@contoso.example", "r")).isEqualTo(Result.NOT_ENROLLED);
        assertThat(verifier.verify("max@contoso.example", "r")).as("no device takes pushes")
                .isEqualTo(Result.NOT_ENROLLED);
        assertThat(verifier.verify("bo@contoso.example", "r")).as("a bypass verifies nobody")
                .isEqualTo(Result.NOT_ENROLLED);
        assertThat(verifier.verify("al@contoso.example", "r")).isEqualTo(Result.DENIED);
        assertThat(verifier.verify("nobody@contoso.example", "r")).as("not a Duo user")
                .isEqualTo(Result.NOT_ENROLLED);
        assertThat(DUO.pushes()).extracting(FakeDuo.Push::username)
                .doesNotContain("lee@contoso.example", "max@contoso.example", "bo@contoso.example",
                        "al@contoso.example", "nobody@contoso.example");
    }

    @Test
    void aPushNobodyAnswersTimesOutAtTheConfiguredBound() {
        assertThat(verifier(Map.of("pushTimeoutSeconds", "1")).verify("jo@contoso.example", "r"))
                .isEqualTo(Result.TIMED_OUT);
    }

    @Test
    void matchesTheRequesterByTheLocalPartWhenToldTo() {
        assertThat(verifier(Map.of("usernameFrom", "localpart")).verify("dana@contoso.example", "r"))
                .as("the Duo user dana denies").isEqualTo(Result.DENIED);
    }

    @Test
    void waitsOutThrottlingWithinItsBound() {
        IdentityVerifier verifier = verifier(Map.of());
        DUO.throttleNext(2);

        assertThat(verifier.verify("dana@contoso.example", "r")).isEqualTo(Result.VERIFIED);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));

        DUO.throttleNext(10);
        assertThatThrownBy(() -> verifier.verify("dana@contoso.example", "r"))
                .isInstanceOfSatisfying(PortFailure.class, f -> assertThat(f.retryable()).isTrue());
        DUO.throttleNext(0);
    }

    @Test
    void aWrongSecretIsRefusedOnConnectAndEveryBadValueIsNamed() {
        assertThatThrownBy(() -> provider.connect(integration(), refusedValues(), context()))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("secrets.secretKey"))
                .hasMessageNotContaining("not-the-secret-key");
        assertThat(DUO.refused()).last().isEqualTo("signature mismatch");
        for (Map.Entry<String, String> bad : Map.of("apiHost", "not a host!", "integrationKey", "short",
                "usernameFrom", "upn", "pushTimeoutSeconds", "0").entrySet()) {
            assertThatThrownBy(() -> provider.connect(integration(), values(FakeDuo.SKEY,
                    Map.of(bad.getKey(), bad.getValue())), context()))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field())
                            .isEqualTo("settings." + bad.getKey()));
        }
    }

    @Test
    void theStubRefusesARequestSignedOverUnsortedParametersAsDuoDoes() throws Exception {
        String date = DuoSigner.date(java.time.ZonedDateTime.now());
        String host = java.net.URI.create(WIREMOCK.baseUrl()).getAuthority();
        String unsorted = String.join("\n", date, "POST", host, "/auth/v2/preauth",
                "username=dana%40contoso.example&async=1");
        java.net.http.HttpResponse<String> answer = HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(WIREMOCK.baseUrl() + "/auth/v2/preauth")).header("Date", date)
                .header("Authorization", DuoSigner.authorization(FakeDuo.IKEY, FakeDuo.SKEY.getBytes(), unsorted))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=dana%40contoso.example&async=1"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"code\":40103");
    }
}