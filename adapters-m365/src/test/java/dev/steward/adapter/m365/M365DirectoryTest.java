package dev.steward.adapter.m365;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.steward.application.spi.Directory;
import dev.steward.application.spi.DirectoryContract;
import dev.steward.application.testkit.MutableClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The partner's customer tenants pass the directory kit, read from a cloud of their own. */
class M365DirectoryTest extends DirectoryContract {

    private static final FakeMicrosoftCloud CLOUD = new FakeMicrosoftCloud();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(CLOUD)).build();

    private static List<Directory.Entry> expected;

    @BeforeAll
    static void customers() {
        FakeTenant adatum = CLOUD.addCustomer("Adatum Corporation");
        FakeTenant contoso = CLOUD.addCustomer("Contoso Ltd");
        FakeTenant fabrikam = CLOUD.addCustomer("Fabrikam Inc");
        FakeTenant tailspin = CLOUD.addCustomer("Tailspin Toys");
        CLOUD.addRelationship("4b827261-d21f-4aa9-b7db-7fa1f56fb163", "Pending Customer", "approvalPending");
        expected = List.of(adatum, contoso, fabrikam, tailspin).stream()
                .map(t -> new Directory.Entry(t.id(), t.name(), "GDAP active until 2028-11-22")).toList();
    }

    @BeforeEach
    void routeToTheCloud() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FakeMicrosoftCloud.NAME)));
    }

    @Override
    protected Directory directory() {
        M365Settings settings = M365Settings.from(Map.of(M365Settings.TENANT, FakeMicrosoftCloud.PARTNER_TENANT,
                M365Settings.CLIENT_ID, FakeMicrosoftCloud.CLIENT_ID, M365Settings.CLIENT_SECRET,
                FakeMicrosoftCloud.CLIENT_SECRET, M365Settings.AUTHORITY_URL, WIREMOCK.baseUrl(),
                M365Settings.GRAPH_URL, WIREMOCK.baseUrl()));
        MutableClock clock = MutableClock.startingAt("2026-11-22T09:00:00Z");
        TenantTokens tokens = new TenantTokens(settings, Graph.defaultClient(), HttpPolicy.DEFAULT, clock);
        Graph graph = new Graph(settings, tokens, Graph.defaultClient(), HttpPolicy.DEFAULT, Sleeper.REAL);
        return new M365Directory(new CustomerTenants(new TenantGraph(graph, settings.partnerTenant(), "partner"),
                clock));
    }

    @Override
    protected List<Directory.Entry> expected() {
        return expected;
    }
}
