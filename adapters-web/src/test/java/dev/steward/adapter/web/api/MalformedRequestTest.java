package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.TestServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input never reaches a use case and never ends in a 500: each gets its own clear 4xx problem. */
class MalformedRequestTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        JsonNode problem = parse(response);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    private static String field(JsonNode problem) {
        assertThat(problem.path("errors").size()).isEqualTo(1);
        return problem.path("errors").get(0).path("field").asText();
    }

    @Test
    void refusesMalformedJsonWith400() {
        JsonNode problem = problem(server.post("/api/v1/clients", "{\"name\": \"Acme\", "), 400, "body.malformed-json");
        assertThat(problem.path("detail").asText()).contains("line 1");
    }

    @Test
    void refusesTrailingDataAfterTheObject() {
        problem(server.post("/api/v1/clients", "{\"name\": \"Acme\", \"slug\": \"acme\"} {}"), 400,
                "body.malformed-json");
    }

    @Test
    void refusesDuplicateKeys() {
        problem(server.post("/api/v1/clients", "{\"name\": \"Acme\", \"name\": \"Evil\", \"slug\": \"dup-key\"}"), 400,
                "body.malformed-json");
    }

    @Test
    void refusesAWrongJsonTypeNamingTheField() {
        JsonNode problem = problem(server.post("/api/v1/clients", "{\"name\": 5, \"slug\": \"acme-type\"}"), 422,
                "body.wrong-type");
        assertThat(field(problem)).isEqualTo("name");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("must be a string");

        JsonNode nested = problem(server.post("/api/v1/clients", "{\"name\": {\"a\": 1}, \"slug\": \"acme-type\"}"),
                422, "body.wrong-type");
        assertThat(field(nested)).isEqualTo("name");
        JsonNode bool = problem(server.put("/api/v1/msp", "{\"defaultMode\": true}"), 422, "body.wrong-type");
        assertThat(field(bool)).isEqualTo("defaultMode");
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        JsonNode problem = problem(server.post("/api/v1/clients", "[\"Acme\", \"acme\"]"), 422, "body.wrong-type");
        assertThat(field(problem)).isEqualTo("body");
        problem(server.post("/api/v1/clients", "null"), 400, "body.missing");
    }

    @Test
    void refusesAnUnknownFieldNamingItAndTheKnownOnes() {
        JsonNode problem = problem(server.post("/api/v1/clients",
                "{\"name\": \"Acme\", \"slug\": \"acme-unknown\", \"status\": \"active\"}"), 422, "body.unknown-field");
        assertThat(field(problem)).isEqualTo("status");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("name, slug");
        assertThat(server.get("/api/v1/clients/acme-unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAMissingBodyWith400() {
        problem(server.post("/api/v1/clients", ""), 400, "body.missing");
        problem(server.raw("DELETE", "/api/v1/clients/whoever", BodyPublishers.noBody(),
                "Content-Type", "application/json"), 400, "body.missing");
    }

    @Test
    void refusesAnotherContentTypeWith415() {
        problem(server.raw("POST", "/api/v1/clients", BodyPublishers.ofString("name=Acme&slug=acme"),
                "Content-Type", "application/x-www-form-urlencoded"), 415, "request.unsupported-media-type");
        problem(server.raw("POST", "/api/v1/clients", BodyPublishers.ofString("{\"name\":\"A\",\"slug\":\"a\"}")),
                415, "request.unsupported-media-type");
        problem(server.raw("POST", "/api/v1/clients", BodyPublishers.ofString("{\"name\":\"A\",\"slug\":\"a\"}"),
                "Content-Type", "application/json; charset=latin1"), 415, "request.unsupported-media-type");
    }

    @Test
    void acceptsJsonWithAUtf8Charset() {
        HttpResponse<String> response = server.raw("POST", "/api/v1/clients",
                BodyPublishers.ofString("{\"name\":\"Charset\",\"slug\":\"charset-ok\"}"),
                "Content-Type", "application/json; charset=UTF-8");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void refusesAnOversizedBodyWith413() {
        String huge = "{\"name\": \"" + "x".repeat((int) TestServer.MAX_BODY * 2) + "\", \"slug\": \"huge\"}";
        problem(server.post("/api/v1/clients", huge), 413, "request.too-large");
        problem(server.raw("POST", "/api/v1/clients", BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                "Content-Type", "application/json"), 413, "request.too-large");
        assertThat(server.get("/api/v1/clients/huge").statusCode()).isEqualTo(404);
    }

    @Test
    void answersAnUnknownRouteWithA404Problem() {
        problem(server.get("/api/v1/nothing-here"), 404, "route.not-found");
    }
}
