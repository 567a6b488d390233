package dev.steward.adapter.web.dashboard;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.ServerPerTest;
import dev.steward.application.inmemory.InMemoryTicketSystem;
import dev.steward.application.spi.Directory;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PSA import screen over HTTP: only a connected PSA has one, and company names are text, never markup. */
class PsaImportDashboardTest extends ServerPerTest {

    private String connect(String kind, Map<String, String> settings, Map<String, String> secrets) {
        return parse(server.post("/api/v1/integrations", json(Map.of("kind", kind, "settings", settings,
                "secrets", secrets)))).path("id").asText();
    }

    @Test
    void anIntegrationThatIsNoPsaHasNoImportScreenAndItsPageNoLinkToOne() {
        String docs = connect("itglue", Map.of(), Map.of());

        HttpResponse<String> page = server.page("/integrations/" + docs + "/import");

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("not a connected PSA");
        assertThat(server.page("/integrations/" + docs).body()).doesNotContain("/import\"");
    }

    @Test
    void showsCompanyNamesAsTextAndSuggestsASlugForEach() {
        server.core.psaProvider.withDirectory(Directory.of(List.of(
                new Directory.Entry("77", "<script>alert(1)</script> & Sons", "acme.example"))));
        String psa = connect("connectwise", Map.of("apiBase", "https://cw.example/apis/3.0/", "companyId", "msp"),
                Map.of("privateKey", "cw-private-key-0123"));
        server.core.ticketSystems.connect(server.msp.id(), new InMemoryTicketSystem("connectwise", Clock.systemUTC()));

        HttpResponse<String> page = server.page("/integrations/" + psa + "/import");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons")
                .doesNotContain("<script>alert(1)").contains("value=\"script-alert-1-script-sons\"");
        assertThat(server.page("/integrations/" + psa).body()).contains("href=\"/integrations/" + psa + "/import\"");
    }
}
