package dev.steward.adapter.web.dashboard;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.ServerPerTest;
import dev.steward.application.inmemory.InMemoryTicketSystem;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's Integrations tab says which company of a connected PSA the client is. */
class PsaMappingDashboardTest extends ServerPerTest {

    private void connectPsa() {
        server.post("/api/v1/integrations", json(Map.of("kind", "connectwise",
                "settings", Map.of("apiBase", "https://cw.example", "companyId", "msp"),
                "secrets", Map.of("privateKey", "cw-private-key-0123"))));
        server.core.ticketSystems.connect(server.msp.id(), new InMemoryTicketSystem("connectwise", Clock.systemUTC()));
    }

    @Test
    void withoutAConnectedPsaTheTabSaysToConnectOneFirst() {
        server.createClient("Acme", "acme");

        assertThat(server.page("/clients/acme/integrations").body()).contains("Connect a PSA on the")
                .doesNotContain("action=\"/clients/acme/psa-mapping\"");
    }

    @Test
    void mapsShowsAnErrorOnTheFieldAndRemoves() {
        connectPsa();
        server.createClient("Acme", "acme");
        server.createClient("Globex", "globex");

        HttpResponse<String> saved = server.form("/clients/acme/psa-mapping",
                Map.of("integrationKind", "connectwise", "companyId", "250"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(server.page("/clients/acme/integrations").body())
                .contains("<option value=\"connectwise\" selected>").contains("value=\"250\"");

        HttpResponse<String> taken = server.form("/clients/globex/psa-mapping",
                Map.of("integrationKind", "connectwise", "companyId", "250"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("id=\"companyId-error\"").contains("already client &#39;acme&#39;");

        HttpResponse<String> empty = server.form("/clients/globex/psa-mapping",
                Map.of("integrationKind", "connectwise", "companyId", " "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"companyId-error\"");

        assertThat(server.form("/clients/acme/psa-mapping", Map.of("remove", "true")).statusCode()).isEqualTo(303);
        assertThat(parse(server.get("/api/v1/clients/acme")).path("psaMapping").isNull()).isTrue();
    }
}
