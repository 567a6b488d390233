package dev.steward.adapter.web.http;

import static dev.steward.adapter.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.ServerPerTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The review's reproduction: a NUL in a search, a prompt or a setting went to PostgreSQL, whose refusal came back as
 * a 503 quoting the database. Now every control character is refused at the edge, 422 naming the field.
 */
class ControlCharactersTest extends ServerPerTest {

    @BeforeEach
    void client() {
        server.createClient("Acme", "acme");
    }

    private static void refusedNaming(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"").contains("control-character")
                .doesNotContainIgnoringCase("database").doesNotContainIgnoringCase("byte sequence");
    }

    @Test
    void inQueryAndPathParameters() {
        refusedNaming(server.get("/api/v1/clients?search=ac%00me"), "search");
        refusedNaming(server.get("/api/v1/activity?client=acme%0d%0aForged:%20line"), "client");
        refusedNaming(server.get("/api/v1/clients/ac%01me"), "slug");
    }

    @Test
    void inJsonStringsAndMemberNamesAtAnyDepth() {
        refusedNaming(server.put("/api/v1/clients/acme/prompt", json(Map.of("prompt", "Be brief.\u0000"))), "prompt");
        refusedNaming(server.post("/api/v1/integrations", json(Map.of("kind", "connectwise", "settings",
                Map.of("apiBase", "https://cw.example/\u001b[2J"), "secrets", Map.of()))), "settings.apiBase");
        refusedNaming(server.post("/api/v1/workflows", json(Map.of("name", "Printer", "trigger", "A \"printer\".",
                "instructions", "x", "checks", java.util.List.of(Map.of("tool", "m365:get-user"),
                        Map.of("tool", "toner\u007f"))))), "checks[1].tool");
        HttpResponse<String> keyed = server.post("/api/v1/tokens", "{\"na\\u0000me\":\"x\"}");
        assertThat(keyed.statusCode()).isIn(400, 422);
    }

    @Test
    void linesAndTabsStayTextInBodiesAndForms() {
        assertThat(server.put("/api/v1/clients/acme/prompt", json(Map.of("prompt", "Line one.\r\n\tLine two.")))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> form = server.form("/clients/acme/prompt", Map.of("prompt", "Be kind.\u0000"));
        assertThat(form.statusCode()).isEqualTo(422);
        assertThat(form.body()).contains("must not contain control characters");
    }
}
