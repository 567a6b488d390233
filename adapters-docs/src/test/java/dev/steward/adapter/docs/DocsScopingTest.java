package dev.steward.adapter.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client A is mapped to company A and client B's company B holds documents, assets, contacts and passwords of its
 * own: whatever ids or words A's calls carry, they never return B's records, also when the platform ignores the
 * company filter; a client without a mapping gets "no documentation company mapped".
 */
class DocsScopingTest {

    @RegisterExtension
    static final StubExtension STUBS = new StubExtension();

    private final MspId msp = new MspId(UUID.randomUUID());
    private final ClientId clientA = new ClientId(UUID.randomUUID());
    private IntegrationConnection connection;

    /** Seeds one platform's stub and connects to it. */
    interface World {
        String kind();

        long company(String name);

        long article(long company, String name, String html);

        long asset(long company, String name);

        long contact(long company, String name);

        long password(long company, String name, String value);

        void ignoreCompanyFilter();

        IntegrationProvider provider();

        IntegrationSettings values();
    }

    static Stream<Arguments> platforms() {
        return Stream.of(Arguments.of(new World() {
            public String kind() { return "hudu"; }
            public long company(String name) { return StubExtension.HUDU.company(name); }
            public long article(long c, String n, String h) { return StubExtension.HUDU.article(c, n, h); }
            public long asset(long c, String n) { return StubExtension.HUDU.asset(c, n, "Server", Map.of("IP", "10.9.9.9")); }
            public long contact(long c, String n) { return StubExtension.HUDU.asset(c, n, "People", Map.of("Email", n + "@x")); }
            public long password(long c, String n, String v) { return StubExtension.HUDU.password(c, n, "admin", v); }
            public void ignoreCompanyFilter() { StubExtension.HUDU.ignoreCompanyFilter(); }
            public IntegrationProvider provider() { return new HuduProvider(); }
            public IntegrationSettings values() { return StubExtension.huduValues(FakeHudu.API_KEY); }
            public String toString() { return "Hudu"; }
        }), Arguments.of(new World() {
            public String kind() { return "itglue"; }
            public long company(String name) { return StubExtension.ITGLUE.organization(name); }
            public long article(long c, String n, String h) { return StubExtension.ITGLUE.document(c, n, h); }
            public long asset(long c, String n) { return StubExtension.ITGLUE.configuration(c, n, "Server", "10.9.9.9"); }
            public long contact(long c, String n) { return StubExtension.ITGLUE.contact(c, n, "B", n + "@x"); }
            public long password(long c, String n, String v) { return StubExtension.ITGLUE.password(c, n, "admin", v); }
            public void ignoreCompanyFilter() { StubExtension.ITGLUE.ignoreCompanyFilter(); }
            public IntegrationProvider provider() { return new ItGlueProvider(); }
            public IntegrationSettings values() { return StubExtension.itGlueValues(FakeItGlue.API_KEY); }
            public String toString() { return "IT Glue"; }
        }));
    }

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
        }
    }

    private ToolResult call(World world, Optional<String> company, String tool, Map<String, String> arguments) {
        if (connection == null) {
            connection = world.provider().connect(HuduDirectoryTest.integration(world.kind()), world.values(),
                    ProviderContext.defaults(Clock.systemUTC()));
        }
        return connection.execute(new ToolCall(msp, clientA, company.map(id -> new ClientMapping(msp, clientA,
                world.kind(), id, "Contoso")), UUID.randomUUID(), "dana@contoso.example",
                ToolName.of(world.kind() + ":" + tool), arguments));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void aCallForClientANeverReturnsCompanyBsRecordsWhateverIdsItCarries(World world) {
        long a = world.company("Contoso");
        long b = world.company("Fabrikam");
        world.article(a, "VPN runbook", "<p>Contoso VPN: restart the client</p>");
        long bArticle = world.article(b, "VPN secrets of Fabrikam", "<p>Fabrikam VPN runbook</p>");
        long bAsset = world.asset(b, "FAB-DC01");
        world.contact(b, "Mulder");
        long bPassword = world.password(b, "Fabrikam admin", "Fabrikam-pass-1");
        Optional<String> mappedToA = Optional.of(Long.toString(a));

        for (boolean platformIgnoresTheFilter : new boolean[] {false, true}) {
            if (platformIgnoresTheFilter) {
                world.ignoreCompanyFilter();
            }
            assertThat(call(world, mappedToA, "search-articles", Map.of("query", "vpn")).summary())
                    .contains("VPN runbook").doesNotContain("Fabrikam");
            assertThat(call(world, mappedToA, "list-contacts", Map.of()).summary()).doesNotContain("Mulder");
            String assets = world.kind().equals("hudu") ? "list-assets" : "list-configurations";
            assertThat(call(world, mappedToA, assets, Map.of()).summary()).doesNotContain("FAB-DC01");
            for (var byId : Map.of("get-article", bArticle, "get-asset", bAsset, "get-password", bPassword)
                    .entrySet()) {
                assertThatThrownBy(() -> call(world, mappedToA, byId.getKey(),
                        Map.of("id", Long.toString(byId.getValue()))))
                        .as("%s of company B", byId.getKey()).isInstanceOf(NotFound.class)
                        .hasMessageNotContaining("Fabrikam");
            }
            assertThatThrownBy(() -> call(world, mappedToA, "get-password", Map.of("name", "Fabrikam admin")))
                    .isInstanceOf(NotFound.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void aClientWithoutAMappingIsToldNoDocumentationCompanyIsMapped(World world) {
        world.company("Contoso");

        assertThatThrownBy(() -> call(world, Optional.empty(), "search-articles", Map.of()))
                .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("No documentation company mapped");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void aPasswordGoesOnlyToTheApprovingTechnicianNeverIntoTheSummary(World world) {
        long a = world.company("Contoso");
        world.password(a, "Domain admin", "Sup3r-secret!");

        ToolResult result = call(world, Optional.of(Long.toString(a)), "get-password", Map.of("name", "domain admin"));

        assertThat(result.reveal()).containsEntry("password", "Sup3r-secret!");
        assertThat(result.summary()).contains("Domain admin").contains("approving technician")
                .doesNotContain("Sup3r-secret!").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(result.toString()).doesNotContain("Sup3r-secret!");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void articlesArePlainTextPagedAndBounded(World world) {
        long a = world.company("Contoso");
        long big = world.article(a, "Huge", "<script>alert('x')</script><style>p{}</style><h2>Steps</h2><ol><li>One"
                + " &amp; two</li></ol><p>" + "word ".repeat(10_000) + "</p>");
        for (int i = 0; i < 30; i++) {
            world.article(a, "Note " + i, "<p>note</p>");
        }
        Optional<String> mapped = Optional.of(Long.toString(a));

        String article = call(world, mapped, "get-article", Map.of("id", Long.toString(big))).summary();
        assertThat(article).contains("Steps\n").contains("- One & two").doesNotContain("<").doesNotContain("alert")
                .contains("more characters)");
        assertThat(article.length()).isLessThan(DocsTools.MAX_ARTICLE + 300);

        String first = call(world, mapped, "search-articles", Map.of()).summary();
        assertThat(first).startsWith("25 articles in ").contains("more on page 2");
        String second = call(world, mapped, "search-articles", Map.of("page", "2")).summary();
        assertThat(second).startsWith("6 articles in ").doesNotContain("more on page");
        assertThatThrownBy(() -> call(world, mapped, "get-article", Map.of("id", "../companies")))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("arguments.id"));
    }
}
