package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.TestServer;
import dev.steward.domain.msp.Msp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two MSPs on one server, each signed in with its own API token: no route reads or changes another MSP's client,
 * by slug or by listing. Another MSP's client is simply "not found".
 */
class TenantIsolationTest {

    private static final String HEADER = "Authorization";
    private TestServer server;
    private Msp other;
    private String otherToken;

    @BeforeEach
    void start() {
        server = TestServer.start();
        other = server.core.registerMsp("Other MSP");
        otherToken = server.core.apiTokens.issue(other.id(), server.core.addUser(other, "admin@other.example",
                "admin").id(), "other", java.util.Optional.of("admin")).secret();
        HttpResponse<String> created = server.post("/api/v1/clients", json(Map.of("name", "Acme", "slug", "acme")),
                HEADER, mine());
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String asOther() {
        return "Bearer " + otherToken;
    }

    private String mine() {
        return "Bearer " + server.apiToken;
    }

    @Test
    void neverShowsAnotherMspsClient() {
        List<String> reads = List.of("/api/v1/clients/acme", "/api/v1/clients/acme/history",
                "/api/v1/clients/acme/prompt", "/api/v1/clients/acme/prompt/preview",
                "/api/v1/clients/acme/diagnostics", "/api/v1/clients/acme/activity",
                "/api/v1/clients/acme/activity.csv", "/clients/acme", "/clients/acme/prompt",
                "/clients/acme/diagnostics", "/clients/acme/activity");
        for (String path : reads) {
            assertThat(server.get(path, HEADER, asOther()).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(parse(server.get("/api/v1/clients", HEADER, asOther())).path("items").isEmpty()).isTrue();
        assertThat(parse(server.get("/api/v1/clients?search=acme", HEADER, asOther())).path("items").isEmpty())
                .isTrue();
        assertThat(server.get("/clients", HEADER, asOther()).body()).doesNotContain("data-client=\"acme\"");
        assertThat(server.get("/activity?client=acme", HEADER, asOther(), "Accept", "text/html").statusCode())
                .isEqualTo(422);
    }

    @Test
    void neverChangesAnotherMspsClient() {
        assertThat(server.put("/api/v1/clients/acme/mode", json(Map.of("mode", "execute")), HEADER, asOther())
                .statusCode()).isEqualTo(404);
        assertThat(server.put("/api/v1/clients/acme/prompt", json(Map.of("prompt", "x")), HEADER, asOther())
                .statusCode()).isEqualTo(404);
        assertThat(server.post("/api/v1/clients/acme/retry", "", HEADER, asOther()).statusCode()).isEqualTo(404);
        assertThat(server.delete("/api/v1/clients/acme", json(Map.of("confirmName", "Acme")), HEADER, asOther())
                .statusCode()).isEqualTo(404);
        server.put("/api/v1/msp", json(Map.of("defaultMode", "execute")), HEADER, asOther());
        server.put("/api/v1/msp/prompt", json(Map.of("prompt", "other MSP's rules")), HEADER, asOther());

        var mine = parse(server.get("/api/v1/clients/acme", HEADER, mine()));
        assertThat(mine.path("status").asText()).isEqualTo("creating");
        assertThat(mine.path("mode").asText()).isEqualTo("inherit");
        assertThat(mine.path("effectiveMode").asText()).as("the other MSP's default does not apply").isEqualTo("plan");
        assertThat(mine.path("version").asLong()).isEqualTo(1);
        assertThat(parse(server.get("/api/v1/clients/acme/prompt/preview", HEADER, mine()))
                .path("text").asText()).doesNotContain("other MSP's rules");
    }

    @Test
    void neverShowsOrChangesAnotherMspsWorkflows() {
        Map<String, Object> printer = Map.of("name", "Printer", "trigger", "A \"printer\" issue.",
                "instructions", "Restart the spooler.");
        String id = parse(server.post("/api/v1/workflows", json(printer), HEADER, mine())).path("id").asText();
        server.post("/api/v1/clients/acme/workflows", json(printer), HEADER, mine());

        assertThat(server.put("/api/v1/workflows/" + id, json(Map.of("name", "Mine now", "trigger", "x",
                "instructions", "y")), HEADER, asOther()).statusCode()).isEqualTo(404);
        assertThat(server.post("/api/v1/workflows/" + id + "/status", json(Map.of("status", "active")), HEADER,
                asOther()).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/workflows/" + id, HEADER, asOther()).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/clients/acme/workflows", HEADER, asOther()).statusCode()).isEqualTo(404);
        assertThat(server.post("/api/v1/clients/acme/workflows", json(printer), HEADER, asOther()).statusCode())
                .isEqualTo(404);
        assertThat(parse(server.get("/api/v1/workflows", HEADER, asOther())).path("items").isEmpty()).isTrue();
        assertThat(parse(server.get("/api/v1/workflows", HEADER, mine())).path("items").get(0).path("name").asText())
                .isEqualTo("Printer");
    }

    @Test
    void neverShowsOrRevokesAnotherMspsApiTokens() {
        String myTokenId = parse(server.get("/api/v1/tokens", HEADER, mine())).path("items").get(0).path("id")
                .asText();

        assertThat(parse(server.get("/api/v1/tokens", HEADER, asOther())).path("items").toString())
                .doesNotContain(myTokenId);
        assertThat(server.delete("/api/v1/tokens/" + myTokenId, "", HEADER, asOther()).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/clients", HEADER, mine()).statusCode()).isEqualTo(200);
    }

    @Test
    void aBrowserSessionOfTheOtherMspSeesNoneOfOurs() {
        var otherSession = server.core.signIn.signIn(new dev.steward.application.signin.SignInCommand(
                "admin@other.example", dev.steward.adapter.web.InMemoryCore.PASSWORD, "127.0.0.1"));
        String cookie = TestServer.cookie(otherSession.sessionToken());

        assertThat(server.get("/clients/acme", "Cookie", cookie, "Accept", "text/html").statusCode()).isEqualTo(404);
        assertThat(server.get("/clients", "Cookie", cookie, "Accept", "text/html").body())
                .doesNotContain("data-client=\"acme\"");
        assertThat(server.formAs(cookie, "/clients/acme/mode", Map.of("mode", "execute", "_csrf",
                otherSession.caller().csrfToken().orElseThrow())).statusCode()).isEqualTo(404);
    }

    @Test
    void letsEachMspUseTheSameSlug() {
        HttpResponse<String> theirs = server.post("/api/v1/clients", json(Map.of("name", "Their Acme", "slug", "acme")),
                HEADER, asOther());

        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(parse(server.get("/api/v1/clients/acme", HEADER, asOther())).path("name").asText())
                .isEqualTo("Their Acme");
        assertThat(parse(server.get("/api/v1/clients/acme", HEADER, mine())).path("name")
                .asText()).isEqualTo("Acme");
    }

    @Test
    void keepsIdempotencyKeysPerMsp() {
        HttpResponse<String> mine = server.post("/api/v1/clients", json(Map.of("name", "Keyed", "slug", "keyed")),
                HEADER, mine(), "Idempotency-Key", "same-key");
        HttpResponse<String> theirs = server.post("/api/v1/clients", json(Map.of("name", "Keyed", "slug", "keyed")),
                HEADER, asOther(), "Idempotency-Key", "same-key");

        assertThat(mine.statusCode()).isEqualTo(201);
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(theirs.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(parse(theirs).path("id").asText()).isNotEqualTo(parse(mine).path("id").asText());
    }
}
