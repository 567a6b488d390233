package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.ServerPerTest;
import dev.steward.application.signin.SignInCommand;
import dev.steward.application.signin.SignedIn;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operators and many MSPs: an operator credential creates, lists, suspends and resumes MSPs and creates each MSP's
 * first admin; it reads nothing inside an MSP; a suspended MSP's users, sessions, tokens, webhooks and agents stop.
 */
class OperatorApiTest extends ServerPerTest {

    private String operator;

    @BeforeEach
    void operator() {
        operator = server.core.operators.add("Hosting Co").secret();
    }

    private HttpResponse<String> asOperator(String method, String path, String body) {
        return server.raw(method, path, BodyPublishers.ofString(body), "Authorization", "Bearer " + operator,
                "Content-Type", "application/json");
    }

    private JsonNode createMsp(String name) {
        HttpResponse<String> created = asOperator("POST", "/api/v1/operator/msps", json(Map.of("name", name)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return parse(created);
    }

    private JsonNode firstAdmin(String mspId, String email) {
        HttpResponse<String> admin = asOperator("POST", "/api/v1/operator/msps/" + mspId + "/admins",
                json(Map.of("email", email, "delivery", "password")));
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(201);
        return parse(admin);
    }

    @Test
    void createsAnMspAndItsFirstAdminWhoStartsWithNothingOfAnyoneElses() {
        server.createClient("Acme", "acme");
        JsonNode northwind = createMsp("Northwind IT");
        String id = northwind.path("id").asText();

        JsonNode admin = firstAdmin(id, "ann@northwind.example");

        assertThat(admin.path("user").path("role").asText()).isEqualTo("admin");
        SignedIn ann = server.core.signIn.signIn(new SignInCommand("ann@northwind.example",
                admin.path("password").asText(), "10.0.0.1"));
        assertThat(ann.caller().msp()).isEqualTo(MspId.parse(id));
        assertThat(server.get("/api/v1/clients", "Cookie", "steward_session=" + ann.sessionToken()).body())
                .doesNotContain("acme");
        HttpResponse<String> second = asOperator("POST", "/api/v1/operator/msps/" + id + "/admins",
                json(Map.of("email", "bob@northwind.example", "delivery", "link")));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("msp.has-users");
        assertThat(parse(asOperator("GET", "/api/v1/operator/msps", "")).path("items").findValuesAsText("name"))
                .contains("Test MSP", "Northwind IT");
    }

    @Test
    void anOperatorReadsNothingInsideAnMspAndNoMspCredentialOpensOperatorRoutes() {
        server.createClient("Acme", "acme");

        for (String path : List.of("/api/v1/clients", "/api/v1/msp", "/api/v1/users", "/api/v1/activity",
                "/api/v1/integrations", "/api/v1/clients/acme")) {
            assertThat(asOperator("GET", path, "").statusCode()).as(path).isEqualTo(401);
        }
        JsonNode listed = parse(asOperator("GET", "/api/v1/operator/msps", ""));
        assertThat(listed.path("items").get(0).properties().stream().map(Map.Entry::getKey).toList())
                .containsExactlyInAnyOrder("id", "name", "createdAt", "suspended", "suspendedAt");
        assertThat(listed.toString()).doesNotContain("acme").doesNotContain("admin@test-msp.example");

        assertThat(server.get("/api/v1/operator/msps").statusCode()).as("an MSP admin's token").isEqualTo(401);
        assertThat(server.raw("GET", "/api/v1/operator/msps", BodyPublishers.noBody(), "Cookie",
                "steward_session=" + server.session.sessionToken()).statusCode()).isEqualTo(401);
        assertThat(server.anonymous("GET", "/api/v1/operator/msps").statusCode()).isEqualTo(401);
        assertThat(server.raw("GET", "/api/v1/operator/msps", BodyPublishers.noBody(), "Authorization",
                "Bearer sto_" + UUID.randomUUID()).statusCode()).isEqualTo(401);
    }

    @Test
    void aSuspendedMspsUsersTokensWebhooksAndAgentsStopAndComeBackOnResume() {
        var client = server.core.create.create(new dev.steward.application.client.CreateClientCommand(
                server.msp.id(), "Acme", "acme")).client();
        String agentToken = server.core.agentCredentials.exchange(server.core.agentCredentials.issue(client.id()))
                .orElseThrow();
        server.core.psaWebhooks.register(server.msp.id(), "connectwise", "s3cret");
        String mine = server.msp.id().toString();

        HttpResponse<String> suspended = asOperator("POST", "/api/v1/operator/msps/" + mine + "/suspend", "");

        assertThat(suspended.statusCode()).isEqualTo(200);
        assertThat(parse(suspended).path("suspended").asBoolean()).isTrue();
        assertThat(server.get("/api/v1/clients").statusCode()).as("API token").isEqualTo(401);
        assertThat(server.page("/clients").statusCode()).as("browser session").isEqualTo(303);
        assertThat(login().statusCode()).as("sign-in").isEqualTo(401);
        assertThat(login().body()).contains("suspended");
        assertThat(webhook().statusCode()).as("webhook").isEqualTo(401);
        assertThat(server.anonymous("GET", "/agent/v1/configuration", "Authorization", "Bearer " + agentToken)
                .statusCode()).as("agent").isEqualTo(401);
        assertThat(server.core.clients.find(server.msp.id(), Slug.of("acme"))).as("its data stays").isPresent();

        assertThat(asOperator("POST", "/api/v1/operator/msps/" + mine + "/resume", "").statusCode()).isEqualTo(200);

        assertThat(server.get("/api/v1/clients").statusCode()).isEqualTo(200);
        assertThat(server.page("/clients").statusCode()).isEqualTo(200);
        assertThat(login().statusCode()).isEqualTo(303);
        assertThat(webhook().statusCode()).isEqualTo(202);
        assertThat(server.anonymous("GET", "/agent/v1/configuration", "Authorization", "Bearer " + agentToken)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void refusesABadMspNameAndAnUnknownMsp() {
        HttpResponse<String> bad = asOperator("POST", "/api/v1/operator/msps", json(Map.of("name", "Evil\u202EMSP")));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"name\"");
        assertThat(asOperator("POST", "/api/v1/operator/msps/" + UUID.randomUUID() + "/suspend", "").statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> login() {
        return server.formAs(null, "/login", Map.of("email", "admin@test-msp.example", "password",
                dev.steward.adapter.web.InMemoryCore.PASSWORD));
    }

    private HttpResponse<String> webhook() {
        return server.raw("POST", "/hooks/psa/" + server.msp.id() + "/connectwise",
                BodyPublishers.ofString("{\"ticketId\":\"" + UUID.randomUUID() + "\"}"), "X-Steward-Secret", "s3cret");
    }
}
