package dev.steward.adapter.web.dashboard;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.ServerPerTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's Integrations tab maps the client to an entry of a directory with the picker. */
class MappingDashboardTest extends ServerPerTest {

    @Test
    void withoutAnIntegrationOfferingADirectoryTheTabShowsNoPicker() {
        server.createClient("Acme", "acme");
        assertThat(server.page("/clients/acme/integrations").body()).doesNotContain("Tenants and companies");
        assertThat(server.page("/clients/acme/mappings/tenants").statusCode()).isEqualTo(404);
    }

    @Test
    void searchesMapsShowsARefusalAndRemoves() {
        server.post("/api/v1/integrations", json(Map.of("kind", "tenants", "settings", Map.of(), "secrets", Map.of())));
        server.createClient("Acme", "acme");
        server.createClient("Globex", "globex");

        assertThat(server.page("/clients/acme/integrations").body()).contains("Tenants and companies")
                .contains("not mapped").contains("href=\"/clients/acme/mappings/tenants\"");
        String picker = server.page("/clients/acme/mappings/tenants?search=tail").body();
        assertThat(picker).contains("Tailspin Toys").doesNotContain("Contoso Ltd")
                .contains("<input type=\"hidden\" name=\"externalId\" value=\"t-300\">");

        HttpResponse<String> mapped = server.form("/clients/acme/mappings/tenants",
                Map.of("externalId", "t-300", "expected", ""));
        assertThat(mapped.statusCode()).isEqualTo(303);
        assertThat(server.page("/clients/acme/integrations").body()).contains("Tailspin Toys <code>t-300</code>");
        assertThat(server.page("/clients/acme/mappings/tenants").body()).contains("<span class=\"badge\">mapped</span>");

        HttpResponse<String> taken = server.form("/clients/globex/mappings/tenants",
                Map.of("externalId", "t-300", "expected", ""));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("role=\"alert\"").contains("Tailspin Toys");

        HttpResponse<String> stale = server.form("/clients/acme/mappings/tenants",
                Map.of("externalId", "t-100", "expected", ""));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed by someone else");

        assertThat(server.form("/clients/acme/mappings/tenants/remove", Map.of("expected", "t-300")).statusCode())
                .isEqualTo(303);
        assertThat(parse(server.get("/api/v1/clients/acme/mappings")).path("items").get(0).path("mapping").isNull())
                .isTrue();
    }
}
