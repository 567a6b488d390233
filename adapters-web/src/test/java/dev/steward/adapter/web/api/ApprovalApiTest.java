package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.ServerPerTest;
import dev.steward.adapter.web.WebFixtures;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ApprovalApiTest extends ServerPerTest {

    private Client client(String slug) {
        server.createClient(slug, slug);
        return server.core.clients.find(server.msp.id(), Slug.of(slug)).orElseThrow();
    }

    @Test
    void listsPendingRequestsWithRedactedArgumentsOptionallyOfOneClient() {
        ApprovalRequest acme = WebFixtures.pendingApproval(server.core, client("acme"), "Reset Jane's password");
        WebFixtures.pendingApproval(server.core, client("globex"), "Unlock Bob");

        JsonNode all = parse(server.get("/api/v1/approvals"));
        JsonNode only = parse(server.get("/api/v1/approvals?client=acme"));

        assertThat(all.path("items")).hasSize(2);
        assertThat(only.path("items")).hasSize(1);
        JsonNode item = only.path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo(acme.id().toString());
        assertThat(item.path("client").asText()).isEqualTo("acme");
        assertThat(item.path("state").asText()).isEqualTo("pending");
        assertThat(item.path("arguments").path("password").asText()).isEqualTo("[redacted]");
        assertThat(server.get("/api/v1/approvals").body()).doesNotContain("Winter2026!");
        assertThat(server.get("/api/v1/approvals?client=nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void approvingRecordsTheCallerAndTheReasonAndADecidedRequestIsAConflict() {
        ApprovalRequest request = WebFixtures.pendingApproval(server.core, client("acme"), "Reset Jane's password");

        HttpResponse<String> approved = server.post("/api/v1/approvals/" + request.id() + "/approve",
                json(Map.of("reason", "called Jane back", "decidedBy", "forged")));
        assertThat(approved.statusCode()).as("the decider comes from the caller, never the body").isEqualTo(422);

        approved = server.post("/api/v1/approvals/" + request.id() + "/approve",
                json(Map.of("reason", "called Jane back")));
        assertThat(approved.statusCode()).isEqualTo(200);
        JsonNode decided = parse(approved);
        assertThat(decided.path("state").asText()).isEqualTo("approved");
        assertThat(decided.path("decidedBy").asText()).as("the API token's actor").isEqualTo("api-token:tests");
        assertThat(decided.path("decidedAt").asText()).isNotEmpty();
        assertThat(decided.path("reason").asText()).isEqualTo("called Jane back");

        HttpResponse<String> again = server.raw("POST", "/api/v1/approvals/" + request.id() + "/deny",
                java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(parse(again).path("code").asText()).isEqualTo("approval.already-decided");
        assertThat(parse(server.get("/api/v1/approvals")).path("items")).isEmpty();
        assertThat(server.post("/api/v1/approvals/" + java.util.UUID.randomUUID() + "/deny", "").statusCode())
                .isEqualTo(404);
    }

    @Test
    void ofTwoDecidersAtOnceOneGets200AndTheOther409() {
        Client acme = client("acme");
        for (int round = 0; round < 20; round++) {
            ApprovalRequest request = WebFixtures.pendingApproval(server.core, acme, "round " + round);
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (String verb : List.of("approve", "deny")) {
                calls.add(CompletableFuture.supplyAsync(() -> server.raw("POST",
                        "/api/v1/approvals/" + request.id() + "/" + verb,
                        java.net.http.HttpRequest.BodyPublishers.noBody())));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)
                    .sorted().toList();
            assertThat(statuses).as("round %s", round).containsExactly(200, 409);
        }
    }
}
