package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.TestServer;
import dev.steward.adapter.web.WebFixtures;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.Msp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two MSPs: no integration or approval route, API or dashboard, reads or changes the other MSP's by id or slug. */
class IntegrationTenantIsolationTest {

    private static final String HEADER = "Authorization";
    private TestServer server;
    private String otherToken;
    private String integration;
    private ApprovalRequest approval;

    @BeforeEach
    void start() {
        server = TestServer.start();
        Msp other = server.core.registerMsp("Other MSP");
        otherToken = server.core.apiTokens.issue(other.id(), server.core.addUser(other, "admin@other.example",
                "admin").id(), "other", java.util.Optional.of("admin")).secret();
        server.post("/api/v1/clients", json(Map.of("name", "Acme", "slug", "acme")));
        integration = parse(server.post("/api/v1/integrations", json(Map.of("kind", "connectwise",
                "settings", Map.of("apiBase", "https://cw.example", "companyId", "northwind"),
                "secrets", Map.of("privateKey", "cw-private-key-0123-WXYZ"))))).path("id").asText();
        approval = WebFixtures.pendingApproval(server.core,
                server.core.clients.find(server.msp.id(), Slug.of("acme")).orElseThrow(), "Reset Jane's password");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String asOther() {
        return "Bearer " + otherToken;
    }

    @Test
    void neverShowsAnotherMspsIntegrationsOrApprovals() {
        for (String path : List.of("/api/v1/integrations/" + integration, "/api/v1/clients/acme/integrations",
                "/api/v1/approvals?client=acme", "/integrations/" + integration, "/clients/acme/integrations")) {
            assertThat(server.get(path, HEADER, asOther()).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(parse(server.get("/api/v1/integrations", HEADER, asOther())).path("items")).isEmpty();
        assertThat(parse(server.get("/api/v1/approvals", HEADER, asOther())).path("items")).isEmpty();
        assertThat(server.get("/approvals", HEADER, asOther()).body()).doesNotContain(approval.id().toString());
        assertThat(server.get("/integrations", HEADER, asOther()).body()).doesNotContain(integration);
    }

    @Test
    void neverChangesAnotherMspsIntegrationsOrApprovals() {
        assertThat(server.put("/api/v1/integrations/" + integration + "/tools/connectwise:get-ticket/policy",
                json(Map.of("policy", "disabled")), HEADER, asOther()).statusCode()).isEqualTo(404);
        assertThat(server.delete("/api/v1/integrations/" + integration, "", HEADER, asOther()).statusCode())
                .isEqualTo(404);
        assertThat(server.post("/api/v1/clients/acme/integrations", json(Map.of("kind", "hudu",
                "settings", Map.of("baseUrl", "https://x.example"), "secrets", Map.of("apiKey", "k"))),
                HEADER, asOther()).statusCode()).isEqualTo(404);
        for (String verb : List.of("approve", "deny")) {
            assertThat(server.post("/api/v1/approvals/" + approval.id() + "/" + verb, "", HEADER, asOther())
                    .statusCode()).isEqualTo(404);
        }

        assertThat(server.get("/api/v1/integrations/" + integration).statusCode()).isEqualTo(200);
        assertThat(parse(server.get("/api/v1/integrations/" + integration)).path("tools").get(0)
                .path("policy").asText()).isEqualTo("auto");
        assertThat(server.core.approvals.find(server.msp.id(), approval.id()).orElseThrow().isPending()).isTrue();
    }
}
