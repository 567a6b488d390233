package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.ServerPerTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mapping clients to entries of an integration's directory over the API, with the in-memory {@code tenants} kind
 * standing for Microsoft 365: browse, map (checked against the directory), refuse what must be refused, remove.
 */
class ClientMappingApiTest extends ServerPerTest {

    private String tenants;

    @BeforeEach
    void connectTheTenantsKind() {
        HttpResponse<String> connected = server.post("/api/v1/integrations", json(Map.of("kind", "tenants",
                "settings", Map.of(), "secrets", Map.of())));
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
        tenants = parse(connected).path("id").asText();
        server.createClient("Acme", "acme");
    }

    private HttpResponse<String> put(String slug, String externalId, String... headers) {
        return server.put("/api/v1/clients/" + slug + "/mappings/tenants", json(Map.of("externalId", externalId)),
                headers);
    }

    @Test
    void browsesTheDirectoryPageByPageAndBySearch() {
        JsonNode first = parse(server.get("/api/v1/integrations/" + tenants + "/directory?limit=2"));
        assertThat(first.path("kind").asText()).isEqualTo("tenants");
        assertThat(first.path("entries").findValuesAsText("label")).containsExactly("Contoso Ltd", "Fabrikam Inc");
        JsonNode second = parse(server.get("/api/v1/integrations/" + tenants + "/directory?limit=2&cursor="
                + first.path("next").asText()));
        assertThat(second.path("entries").findValuesAsText("id")).containsExactly("t-300");
        assertThat(second.path("next").isNull()).isTrue();
        assertThat(parse(server.get("/api/v1/integrations/" + tenants + "/directory?search=FAB")).path("entries")
                .findValuesAsText("id")).containsExactly("t-200");
    }

    @Test
    void refusesABadPageRequestNamingTheParameter() {
        String base = "/api/v1/integrations/" + tenants + "/directory";
        assertThat(fieldOf(server.get(base + "?cursor=forged"), 422)).isEqualTo("cursor");
        assertThat(fieldOf(server.get(base + "?limit=0"), 422)).isEqualTo("limit");
        assertThat(fieldOf(server.get(base + "?limit=many"), 422)).isEqualTo("limit");
        assertThat(server.get("/api/v1/integrations/" + java.util.UUID.randomUUID() + "/directory").statusCode())
                .isEqualTo(404);
        String docs = parse(server.post("/api/v1/clients/acme/integrations", json(Map.of("kind", "hudu",
                "settings", Map.of("baseUrl", "https://docs.example"), "secrets", Map.of("apiKey", "k")))))
                .path("id").asText();
        HttpResponse<String> none = server.get("/api/v1/integrations/" + docs + "/directory");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(parse(none).path("code").asText()).isEqualTo("integration.no-directory");
    }

    @Test
    void mapsAClientToAnEntryWithTheDirectorysLabelAndRemovesIt() {
        JsonNode before = parse(server.get("/api/v1/clients/acme/mappings")).path("items");
        assertThat(before).singleElement().satisfies(choice -> {
            assertThat(choice.path("kind").asText()).isEqualTo("tenants");
            assertThat(choice.path("integrationId").asText()).isEqualTo(tenants);
            assertThat(choice.path("mapping").isNull()).isTrue();
        });

        HttpResponse<String> mapped = put("acme", "t-200");

        assertThat(mapped.statusCode()).isEqualTo(200);
        assertThat(parse(mapped).path("label").asText()).isEqualTo("Fabrikam Inc");
        assertThat(mapped.headers().firstValue("ETag")).contains("\"m.dC0yMDA\"");
        JsonNode choice = parse(server.get("/api/v1/clients/acme/mappings")).path("items").get(0);
        assertThat(choice.path("mapping").path("externalId").asText()).isEqualTo("t-200");
        assertThat(choice.path("etag").asText()).isEqualTo("\"m.dC0yMDA\"");
        assertThat(server.core.mappings.find(server.msp.id(), server.core.get.get(server.msp.id(), "acme").client()
                .id(), "tenants")).isPresent();

        assertThat(server.delete("/api/v1/clients/acme/mappings/tenants", "").statusCode()).isEqualTo(204);
        assertThat(parse(server.get("/api/v1/clients/acme/mappings")).path("items").get(0).path("mapping").isNull())
                .isTrue();
        assertThat(server.delete("/api/v1/clients/acme/mappings/tenants", "").statusCode()).isEqualTo(204);
    }

    @Test
    void refusesAnEntryTheDirectoryDoesNotHaveAKindWithoutOneAndAnEmptyId() {
        assertThat(fieldOf(put("acme", "t-999"), 422)).isEqualTo("externalId");
        assertThat(fieldOf(put("acme", " "), 422)).isEqualTo("externalId");
        assertThat(fieldOf(server.put("/api/v1/clients/acme/mappings/m365", json(Map.of("externalId", "t-100"))),
                422)).isEqualTo("kind");
        assertThat(put("nobody", "t-100").statusCode()).isEqualTo(404);
        assertThat(parse(server.get("/api/v1/clients/acme/mappings")).path("items").get(0).path("mapping").isNull())
                .isTrue();
    }

    @Test
    void anEntryIsOneClientsOnly() {
        server.createClient("Globex", "globex");
        assertThat(put("acme", "t-100").statusCode()).isEqualTo(200);

        HttpResponse<String> taken = put("globex", "t-100");

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(parse(taken).path("code").asText()).isEqualTo("mapping.taken");
        assertThat(put("globex", "t-300").statusCode()).isEqualTo(200);
    }

    @Test
    void aStaleIfMatchIsAFailedPreconditionAndChangesNothing() {
        String none = parse(server.get("/api/v1/clients/acme/mappings")).path("items").get(0).path("etag").asText();
        assertThat(none).isEqualTo("\"m.\"");
        String contoso = put("acme", "t-100", "If-Match", none).headers().firstValue("ETag").orElseThrow();

        assertThat(put("acme", "t-200", "If-Match", none).statusCode()).isEqualTo(412);
        assertThat(server.delete("/api/v1/clients/acme/mappings/tenants", "", "If-Match", none).statusCode())
                .isEqualTo(412);
        assertThat(put("acme", "t-200", "If-Match", "\"7\"").statusCode()).isEqualTo(422);
        assertThat(parse(server.get("/api/v1/clients/acme/mappings")).path("items").get(0).path("mapping")
                .path("externalId").asText()).isEqualTo("t-100");

        assertThat(put("acme", "t-200", "If-Match", contoso).statusCode()).isEqualTo(200);
    }

    private static String fieldOf(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return parse(response).path("errors").get(0).path("field").asText();
    }
}
