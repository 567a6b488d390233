package dev.steward.adapter.psa.autotask;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import dev.steward.adapter.psa.common.PsaProviderContract;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.port.psa.TicketSystemContract.TicketSeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class AutotaskProviderTest extends PsaProviderContract {

    private static final FakeAutotask FAKE = new FakeAutotask();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

    @BeforeEach
    void stubTheApi() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FAKE.getName())));
    }

    @Override
    protected WireMockExtension wiremock() {
        return WIREMOCK;
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
    protected String seed(TicketSeed ticket) {
        return FAKE.seed(ticket);
    }

    @Override
    protected String seedContact(String company, String first, String last, String email, boolean active) {
        return FAKE.seedContact(company, first, last, email, active);
    }

    @Override
    protected IntegrationSettings stubValues() {
        return values(WIREMOCK.baseUrl() + "/atservicesrest/");
    }

    @Override
    protected IntegrationSettings refusedValues() {
        return values("ftp://autotask.example/atservicesrest/");
    }

    @Override
    protected String seedCompany(String name) {
        return FAKE.seedCompany(name, FakeAutotask.CUSTOMER, true);
    }

    @Override
    protected String seedUnlistedCompany(String name) {
        return FAKE.seedCompany(name, FakeAutotask.VENDOR, true);
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
}
