package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.ServerPerTest;
import dev.steward.application.spi.Directory;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Importing a connected PSA's companies as clients over the API: one result per row, idempotent, errors per row. */
class ImportCompaniesApiTest extends ServerPerTest {

    private String psa;

    @BeforeEach
    void aPsaWithThreeCompanies() {
        server.core.psaProvider.withDirectory(Directory.of(List.of(
                new Directory.Entry("250", "Contoso Ltd", "contoso.example"),
                new Directory.Entry("251", "Fabrikam, Inc.", "fabrikam.example"),
                new Directory.Entry("252", "Northwind Traders", "northwind.example"))));
        psa = parse(server.post("/api/v1/integrations", json(Map.of("kind", "connectwise",
                "settings", Map.of("apiBase", "https://cw.example/apis/3.0/", "companyId", "northwind"),
                "secrets", Map.of("privateKey", "cw-private-key-0123"))))).path("id").asText();
    }

    private HttpResponse<String> importRows(List<Map<String, String>> rows) {
        return server.post("/api/v1/integrations/" + psa + "/import", json(Map.of("rows", rows)));
    }

    @Test
    void importsTheChosenCompaniesOnceReportingEachRow() {
        server.createClient("Someone", "fabrikam");

        HttpResponse<String> first = importRows(List.of(Map.of("companyId", "250", "slug", ""),
                Map.of("companyId", "251", "slug", "fabrikam"), Map.of("companyId", "252", "slug", "northwind")));

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode result = parse(first);
        assertThat(result.path("created").asInt()).isEqualTo(2);
        assertThat(result.path("refused").asInt()).isEqualTo(1);
        assertThat(result.path("rows").get(0).path("slug").asText()).isEqualTo("contoso-ltd");
        assertThat(result.path("rows").get(1).path("outcome").asText()).isEqualTo("refused");
        assertThat(result.path("rows").get(1).path("errors").get(0).path("field").asText()).isEqualTo("rows[1].slug");
        assertThat(parse(server.get("/api/v1/clients/contoso-ltd")).path("psaMapping").path("companyId").asText())
                .isEqualTo("250");

        JsonNode again = parse(importRows(List.of(Map.of("companyId", "250", "slug", ""),
                Map.of("companyId", "252", "slug", "northwind"))));
        assertThat(again.path("created").asInt()).as("importing twice creates nothing new").isZero();
        assertThat(again.path("alreadyClients").asInt()).isEqualTo(2);
        assertThat(again.path("rows").get(1).path("outcome").asText()).isEqualTo("already-a-client");
    }

    @Test
    void noRowsIsAnErrorOnTheFieldAndAnUnknownIntegrationIsNotFound() {
        HttpResponse<String> empty = importRows(List.of());
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(parse(empty).path("errors").get(0).path("field").asText()).isEqualTo("rows");

        assertThat(server.post("/api/v1/integrations/" + java.util.UUID.randomUUID() + "/import",
                json(Map.of("rows", List.of(Map.of("companyId", "250"))))).statusCode()).isEqualTo(404);
    }
}
