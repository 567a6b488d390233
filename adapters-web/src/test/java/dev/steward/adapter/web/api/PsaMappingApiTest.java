package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.ServerPerTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mapping a client to its PSA company over the API: set, refuse a taken or half-given company, remove. */
class PsaMappingApiTest extends ServerPerTest {

    private HttpResponse<String> put(String slug, Map<String, String> body, String... headers) {
        return server.put("/api/v1/clients/" + slug + "/psa-mapping", json(body), headers);
    }

    @Test
    void setsShowsAndRemovesTheMapping() {
        server.createClient("Acme", "acme");

        HttpResponse<String> mapped = put("acme", Map.of("integrationKind", "connectwise", "companyId", "250"));

        assertThat(mapped.statusCode()).isEqualTo(200);
        assertThat(mapped.headers().firstValue("ETag")).isPresent();
        JsonNode mapping = parse(server.get("/api/v1/clients/acme")).path("psaMapping");
        assertThat(mapping.path("integrationKind").asText()).isEqualTo("connectwise");
        assertThat(mapping.path("companyId").asText()).isEqualTo("250");

        HttpResponse<String> removed = server.delete("/api/v1/clients/acme/psa-mapping", "");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(parse(removed).path("psaMapping").isNull()).isTrue();
    }

    @Test
    void refusesACompanyAnotherClientIsAndHalfAMapping() {
        server.createClient("Acme", "acme");
        server.createClient("Globex", "globex");
        put("acme", Map.of("integrationKind", "halopsa", "companyId", "12"));

        HttpResponse<String> taken = put("globex", Map.of("integrationKind", "halopsa", "companyId", "12"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(parse(taken).path("errors").get(0).path("field").asText()).isEqualTo("companyId");

        HttpResponse<String> half = put("globex", Map.of("integrationKind", "halopsa"));
        assertThat(half.statusCode()).isEqualTo(422);
        assertThat(parse(half).path("errors").get(0).path("field").asText()).isEqualTo("companyId");
        assertThat(put("globex", Map.of()).statusCode()).isEqualTo(422);
        assertThat(parse(server.get("/api/v1/clients/globex")).path("psaMapping").isNull()).isTrue();
    }

    @Test
    void aStaleIfMatchIsAFailedPrecondition() {
        server.createClient("Acme", "acme");
        String before = server.get("/api/v1/clients/acme").headers().firstValue("ETag").orElseThrow();
        put("acme", Map.of("integrationKind", "autotask", "companyId", "7"), "If-Match", before);

        HttpResponse<String> stale = put("acme", Map.of("integrationKind", "autotask", "companyId", "8"),
                "If-Match", before);

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(parse(server.get("/api/v1/clients/acme")).path("psaMapping").path("companyId").asText())
                .isEqualTo("7");
    }
}
