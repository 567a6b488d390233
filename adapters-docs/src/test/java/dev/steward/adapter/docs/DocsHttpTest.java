package dev.steward.adapter.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.ProviderContext;
import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Throttling, refused keys, regional hosts and unusable addresses. */
class DocsHttpTest {

    @RegisterExtension
    static final StubExtension STUBS = new StubExtension();

    private final List<Duration> waits = new ArrayList<>();
    private final HttpPolicy policy = new HttpPolicy(Duration.ofSeconds(10), 4, Duration.ofSeconds(30),
            Duration.ofMillis(500));

    private Hudu hudu() {
        return new Hudu(new DocsHttp("hudu", "Hudu", URI.create(StubExtension.baseUrl() + "/hudu/"),
                FakeHudu.API_KEY, "application/json", HttpClient.newHttpClient(), policy, waits::add), "People");
    }

    private ItGlue itGlue() {
        return new ItGlue(new DocsHttp("itglue", "IT Glue", URI.create(StubExtension.baseUrl() + "/itglue/"),
                FakeItGlue.API_KEY, "application/vnd.api+json", HttpClient.newHttpClient(), policy, waits::add));
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterSeconds() {
        StubExtension.ITGLUE.organization("Contoso");
        StubExtension.ITGLUE.throttle(2, 7);

        assertThat(itGlue().companies("", 1, 10).items()).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    void a429WithoutRetryAfterBacksOffExponentially() {
        StubExtension.HUDU.company("Contoso");
        StubExtension.HUDU.throttle(3, null);

        assertThat(hudu().companies("", 1, 10).items()).hasSize(1);
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(750));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(3000));
    }

    @Test
    void throttlingBeyondTheBoundFailsRetryableWithoutWaitingIt() {
        StubExtension.HUDU.throttle(1, 3600);

        assertThatThrownBy(() -> hudu().companies("", 1, 10)).isInstanceOfSatisfying(PortFailure.class,
                e -> assertThat(e.retryable()).isTrue()).hasMessageContaining("throttling");
        assertThat(waits).isEmpty();
    }

    @Test
    void aRefusedKeyOrAWrongAddressIsRefusedOnConnectNamingItsField() {
        ProviderContext context = ProviderContext.defaults(Clock.systemUTC());
        assertThatThrownBy(() -> new HuduProvider().connect(HuduDirectoryTest.integration("hudu"),
                StubExtension.huduValues("wrong"), context))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("secrets.apiKey"));
        assertThatThrownBy(() -> new HuduProvider().connect(HuduDirectoryTest.integration("hudu"),
                new IntegrationSettings(Map.of("url", StubExtension.baseUrl() + "/nothing-here"),
                        Map.of("apiKey", FakeHudu.API_KEY)), context))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("settings.url"));
        for (String url : List.of("ftp://docs.example.com", "http://docs.example.com", "docs.example.com",
                "https://user:pw@docs.example.com")) {
            assertThatThrownBy(() -> new HuduProvider().connect(HuduDirectoryTest.integration("hudu"),
                    new IntegrationSettings(Map.of("url", url), Map.of("apiKey", "k")), context))
                    .as(url).isInstanceOfSatisfying(InvalidValue.class,
                            e -> assertThat(e.field()).isEqualTo("settings.url"));
        }
        assertThatThrownBy(() -> new HuduProvider().connect(HuduDirectoryTest.integration("hudu"),
                new IntegrationSettings(Map.of("url", "http://docs.example.com"), Map.of("apiKey", "k")), context))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code()).isEqualTo("settings.url.insecure"));
        Throwable allowed = org.assertj.core.api.Assertions.catchThrowable(() -> new HuduProvider().connect(
                HuduDirectoryTest.integration("hudu"), new IntegrationSettings(Map.of("url",
                        "http://docs.example.invalid"), Map.of("apiKey", "k")), context.withPlainHttpAllowed(true)));
        assertThat(allowed).as("allowed: the live check runs and finds no such host").isNotNull()
                .satisfies(e -> assertThat(e instanceof InvalidValue v && v.code().endsWith("insecure")).isFalse());
    }

    @Test
    void itGlueReachesTheRegionsHost() {
        assertThat(ItGlueProvider.base(Map.of())).hasToString("https://api.itglue.com/");
        assertThat(ItGlueProvider.base(Map.of("region", "eu"))).hasToString("https://api.eu.itglue.com/");
        assertThat(ItGlueProvider.base(Map.of("region", "AU"))).hasToString("https://api.au.itglue.com/");
        assertThatThrownBy(() -> ItGlueProvider.base(Map.of("region", "mars")))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("settings.region"));
    }

    @Test
    void itGlueWithoutPasswordAccessSaysSoInsteadOfRevealingNothing() {
        long organization = StubExtension.ITGLUE.organization("Contoso");
        long password = StubExtension.ITGLUE.password(organization, "Domain admin", "admin", "x-secret-1");
        StubExtension.ITGLUE.withoutPasswordAccess();

        assertThatThrownBy(() -> new DocsTools(itGlue()).run("get-password", Long.toString(organization), "IT Glue",
                Map.of("id", Long.toString(password)))).isInstanceOf(PortFailure.class)
                .hasMessageContaining("Password Access");
        assertThat(StubExtension.ITGLUE.requests()).anySatisfy(r -> assertThat(r.query())
                .containsEntry("show_password", "true"));
    }

    @Test
    void theApiKeyTravelsInItsHeaderOnly() {
        StubExtension.HUDU.company("Contoso");
        hudu().companies("", 1, 10);
        assertThat(StubExtension.HUDU.requests()).allSatisfy(r -> {
            assertThat(r.apiKey()).isEqualTo(FakeHudu.API_KEY);
            assertThat(r.query().values()).doesNotContain(FakeHudu.API_KEY);
        });
    }
}
