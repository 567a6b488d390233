package dev.steward.adapter.m365;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.IntegrationProviderContract;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The m365 provider passes the provider kit against the Microsoft cloud stub, and refuses what it must. */
class M365IntegrationProviderTest extends IntegrationProviderContract {

    private static final FakeMicrosoftCloud CLOUD = new FakeMicrosoftCloud();
    private static final AtomicInteger STARTERS = new AtomicInteger();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(CLOUD)).build();

    private static FakeTenant contoso;

    @BeforeAll
    static void aCustomerTenant() {
        contoso = CLOUD.addCustomer("Contoso Provider");
        String dana = contoso.addUser("dana", "Dana Reyes");
        contoso.addGroup("Sales", "security", false);
        contoso.addSku("SPE_E3", 1000);
        contoso.addMethod(dana, "microsoftAuthenticatorAuthenticationMethod", "Pixel 8");
        contoso.signIn(dana, "Outlook", 50126, "Invalid username or password", Instant.parse("2026-11-22T08:01:00Z"));
    }

    @BeforeEach
    void routeToTheCloud() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FakeMicrosoftCloud.NAME)));
    }

    private static IntegrationSettings values(Map<String, String> changes) {
        Map<String, String> settings = new HashMap<>(Map.of(M365Settings.TENANT, FakeMicrosoftCloud.PARTNER_DOMAIN,
                M365Settings.CLIENT_ID, FakeMicrosoftCloud.CLIENT_ID, M365Settings.AUTHORITY_URL, WIREMOCK.baseUrl(),
                M365Settings.GRAPH_URL, WIREMOCK.baseUrl()));
        Map<String, String> secrets = new HashMap<>(Map.of(M365Settings.CLIENT_SECRET, FakeMicrosoftCloud.CLIENT_SECRET));
        changes.forEach((key, value) -> (key.equals(M365Settings.CLIENT_SECRET) ? secrets : settings).put(key, value));
        return new IntegrationSettings(settings, secrets);
    }

    @Override
    protected IntegrationProvider provider() {
        return new M365IntegrationProvider();
    }

    @Override
    protected IntegrationSettings usableValues() {
        return values(Map.of());
    }

    @Override
    protected IntegrationSettings refusedValues() {
        return values(Map.of(M365Settings.CLIENT_SECRET, "not-the-secret"));
    }

    @Override
    protected Optional<String> mappedEntry() {
        return Optional.of(contoso.id());
    }

    @Override
    protected Map<String, String> argumentsFor(Tool tool) {
        String dana = "dana@" + contoso.domain();
        return switch (tool.name().action()) {
            case "find-user" -> Map.of("query", "Dana");
            case "list-groups", "list-sign-ins", "get-user", "reset-password", "revoke-sessions", "block-sign-in",
                 "unblock-sign-in", "reset-mfa", "create-temporary-access-pass", "offboard-user" -> Map.of("user", dana);
            case "list-licences" -> Map.of();
            case "add-to-group", "remove-from-group" -> Map.of("user", dana, "group", "Sales");
            case "assign-licence", "remove-licence" -> Map.of("user", dana, "licence", "SPE_E3");
            case "create-user" -> Map.of("displayName", "New Starter", "userPrincipalName", "starter"
                    + STARTERS.incrementAndGet() + "@" + contoso.domain(), "usageLocation", "GB", "licence", "SPE_E3",
                    "groups", "[\"Sales\"]");
            default -> throw new IllegalArgumentException("no arguments for " + tool.name());
        };
    }

    @Test
    void isFoundOnTheClassPath() {
        assertThat(ServiceLoader.load(IntegrationProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(M365IntegrationProvider.class);
    }

    @Test
    void marksTheFourToolsThatOpenAnAccountSensitive() {
        assertThat(provider().kind().tools()).filteredOn(Tool::sensitive).extracting(t -> t.name().action())
                .containsExactlyInAnyOrder("reset-password", "reset-mfa", "create-temporary-access-pass",
                        "unblock-sign-in");
        Tool reset = provider().kind().tools().stream().filter(t -> t.name().action().equals("reset-password"))
                .findFirst().orElseThrow();
        assertThat(reset.input().check(Map.of("user", "not an address"))).extracting(InvalidValue::code)
                .containsExactly("arguments.user.malformed");
        assertThat(reset.input().jsonSchema()).contains("\"required\":[\"user\"]", "\"pattern\"");
    }

    @Test
    void refusesEachWrongValueNamingItsField() {
        IntegrationProvider provider = provider();
        assertThatThrownBy(() -> provider.connect(integration(), values(Map.of(M365Settings.TENANT,
                "nosuch.onmicrosoft.com")), context())).isInstanceOfSatisfying(InvalidValue.class,
                e -> assertThat(e.field()).isEqualTo("settings.tenant"));
        assertThatThrownBy(() -> provider.connect(integration(), values(Map.of(M365Settings.CLIENT_ID,
                "11111111-2222-3333-4444-555555555555")), context())).isInstanceOfSatisfying(InvalidValue.class,
                e -> assertThat(e.field()).isEqualTo("settings.clientId"));
        assertThatThrownBy(() -> provider.connect(integration(), refusedValues(), context()))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("secrets.clientSecret");
                    assertThat(e.getMessage()).contains("AADSTS7000215").doesNotContain("not-the-secret");
                });
        assertThatThrownBy(() -> provider.connect(integration(), values(Map.of(M365Settings.GRAPH_URL,
                "http://graph.example.com")), context())).isInstanceOfSatisfying(InvalidValue.class,
                e -> assertThat(e.field()).isEqualTo("settings.graphUrl"));
    }

    @Test
    void refusesAnAppThatMayNotListTheCustomers() {
        CLOUD.partner().withoutPermission("DelegatedAdminRelationship.Read.All");
        try {
            assertThatThrownBy(() -> provider().connect(integration(), usableValues(), context()))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> {
                        assertThat(e.field()).isEqualTo("settings.clientId");
                        assertThat(e.getMessage()).contains("DelegatedAdminRelationship.Read.All");
                    });
        } finally {
            CLOUD.partner().permissions.add("DelegatedAdminRelationship.Read.All");
        }
    }

    @Test
    void offersThePartnersActiveCustomersAsItsDirectory() {
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            var page = connection.directory().orElseThrow().list("contoso prov", Optional.empty(), 10);
            assertThat(page.entries()).singleElement().satisfies(entry -> {
                assertThat(entry.id()).isEqualTo(contoso.id());
                assertThat(entry.label()).isEqualTo("Contoso Provider");
                assertThat(entry.detail()).isEqualTo("GDAP active until 2028-11-22");
            });
        }
    }

    @Test
    void aCallForAnUnmappedClientOrAnEndedRelationshipReachesNoTenant() {
        FakeTenant former = CLOUD.addCustomer("Former Customer");
        former.addUser("dana", "Dana Reyes");
        CLOUD.relationships().removeIf(r -> r.path("customer").path("tenantId").asText().equals(former.id()));
        CLOUD.addRelationship(former.id(), former.name(), "terminated");
        MspId msp = new MspId(UUID.randomUUID());
        ClientId client = new ClientId(UUID.randomUUID());
        ToolName getUser = ToolName.of("m365:get-user");
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            CLOUD.forgetRequests();
            assertThatThrownBy(() -> connection.execute(new ToolCall(msp, client, Optional.empty(), UUID.randomUUID(),
                    "dana", getUser, Map.of("user", "dana@" + former.domain()))))
                    .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.getMessage())
                            .contains("not mapped to a Microsoft 365 customer tenant"));
            for (String tenant : new String[] {former.id(), "00000000-0000-4000-8000-000000000000", "contoso.example"}) {
                ClientMapping mapping = new ClientMapping(msp, client, "m365", tenant, "Former");
                assertThatThrownBy(() -> connection.execute(new ToolCall(msp, client, Optional.of(mapping),
                        UUID.randomUUID(), "dana", getUser, Map.of("user", "dana@" + former.domain()))))
                        .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.getMessage())
                                .contains("is not an active GDAP customer"));
            }
            assertThat(CLOUD.graphRequests(former.id())).isEmpty();
            assertThat(CLOUD.tokensIssued(former.id())).isZero();
        }
    }

    @Test
    void aTemporaryPasswordIsOnlyInTheValuesToReveal() {
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            ToolResult result = connection.execute(call(ToolName.of("m365:reset-password"),
                    Map.of("user", "dana@" + contoso.domain())));
            String password = result.reveal().get("temporaryPassword");
            assertThat(password).isNotBlank();
            assertThat(result.summary()).doesNotContain(password);
            assertThat(result.toString()).doesNotContain(password);
            assertThat(contoso.passwordOf("dana@" + contoso.domain())).contains(password);
        }
    }
}
