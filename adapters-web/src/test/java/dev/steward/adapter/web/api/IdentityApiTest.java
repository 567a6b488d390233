package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.ServerPerTest;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.session.AgentSession;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityApiTest extends ServerPerTest {

    private ApprovalRequest sensitiveApprovalFor(String requester) {
        server.createClient("Acme", "acme");
        Client acme = server.core.clients.find(server.msp.id(), Slug.of("acme")).orElseThrow();
        AgentSession session = server.core.sessions.addIfAbsent(AgentSession.start(UUID.randomUUID(), acme.id(),
                AgentSession.Channel.TICKET, "CW-1042", requester, EffectiveMode.EXECUTE, 1, Instant.now()));
        ApprovalRequest request = ApprovalRequest.raise(UUID.randomUUID(), acme.msp(), acme.id(), session.id(),
                "CW-1042", ToolName.of("m365:reset-password"), RedactedArguments.of(Map.of("user", requester)),
                "Reset the password", Instant.now());
        server.core.approvals.add(request, java.util.Map.of());
        return request;
    }

    @Test
    void aTechnicianConfirmsTheCallersIdentityAsTheCallerNeverAsTheBodySays() {
        ApprovalRequest request = sensitiveApprovalFor("jane@acme.example");

        HttpResponse<String> confirmed = server.post("/api/v1/approvals/" + request.id() + "/identity", "");

        assertThat(confirmed.statusCode()).isEqualTo(201);
        JsonNode verification = parse(confirmed);
        assertThat(verification.path("requester").asText()).isEqualTo("jane@acme.example");
        assertThat(verification.path("method").asText()).isEqualTo("technician");
        assertThat(verification.path("result").asText()).isEqualTo("verified");
        assertThat(verification.path("by").asText()).isEqualTo("api-token:tests");
        assertThat(verification.path("session").asText()).isEqualTo(request.session().toString());
        assertThat(server.core.verifications.ofSession(server.msp.id(), request.session()))
                .singleElement().satisfies(v -> assertThat(v.verifies(request.session(), "jane@acme.example"))
                        .isTrue());
    }

    @Test
    void anUnknownApprovalIsNotFoundAndASessionWithoutARequesterIsRefusedNamingTheField() {
        assertThat(server.post("/api/v1/approvals/" + UUID.randomUUID() + "/identity", "").statusCode())
                .isEqualTo(404);
        assertThat(server.post("/api/v1/approvals/not-a-uuid/identity", "").statusCode()).isEqualTo(404);

        ApprovalRequest anonymous = sensitiveApprovalFor("");
        HttpResponse<String> refused = server.post("/api/v1/approvals/" + anonymous.id() + "/identity", "");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("requester");
        assertThat(server.core.verifications.ofSession(server.msp.id(), anonymous.session())).isEmpty();
    }

    @Test
    void theApproverSeesTheValuesOfTheirApprovedCallOnceAndNeverFromACache() {
        ApprovalRequest request = sensitiveApprovalFor("jane@acme.example");
        String path = "/api/v1/approvals/" + request.id() + "/revealed-values";
        server.core.revealedValues.hold(server.msp.id(), request.id(), "tech@acme.example",
                Map.of("temporaryPassword", "Kx9#mPq2-other"));
        HttpResponse<String> notTheirs = server.post(path, "");
        assertThat(notTheirs.statusCode()).as("another technician's values").isEqualTo(403);
        assertThat(notTheirs.body()).doesNotContain("Kx9#mPq2-other");

        server.core.revealedValues.hold(server.msp.id(), request.id(), "api-token:tests",
                Map.of("temporaryPassword", "Kx9#mPq2-vT7!"));
        HttpResponse<String> shown = server.post(path, "");

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(parse(shown).path("values").path("temporaryPassword").asText()).isEqualTo("Kx9#mPq2-vT7!");
        assertThat(shown.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> again = server.post(path, "");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).doesNotContain("Kx9#mPq2-vT7!");
        assertThat(server.post("/api/v1/approvals/" + UUID.randomUUID() + "/revealed-values", "").statusCode())
                .isEqualTo(404);
    }
}