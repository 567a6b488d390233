package dev.steward.adapter.web.dashboard;

import static dev.steward.adapter.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.ServerPerTest;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.session.AgentSession;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Approvals view: a sensitive call's requester confirmed by a technician, and values shown to their approver once. */
class IdentityDashboardTest extends ServerPerTest {

    private static final String APPROVER = "admin@test-msp.example"; // the test server signs in as its admin
    private static final String TEMPORARY = "Kx9#mPq2-vT7!";

    /** A pending request for a tool the MSP marked sensitive, in a session of jane's. */
    private ApprovalRequest sensitiveRequest() {
        server.post("/api/v1/integrations", json(Map.of("kind", "connectwise",
                "settings", Map.of("apiBase", "https://cw.example", "companyId", "msp"),
                "secrets", Map.of("privateKey", "cw-private-key-0123"))));
        Integration cw = server.core.integrations.list(server.msp.id(), Optional.empty()).getFirst();
        ToolName tool = ToolName.of("connectwise:update-status");
        server.core.integrations.update(cw.withSensitivityMark(tool, true));
        server.createClient("Acme", "acme");
        Client acme = server.core.clients.find(server.msp.id(), Slug.of("acme")).orElseThrow();
        AgentSession session = server.core.sessions.addIfAbsent(AgentSession.start(UUID.randomUUID(), acme.id(),
                AgentSession.Channel.TICKET, "CW-1042", "jane@acme.example", EffectiveMode.EXECUTE, 1, Instant.now()));
        ApprovalRequest request = ApprovalRequest.raise(UUID.randomUUID(), acme.msp(), acme.id(), session.id(),
                "CW-1042", tool, RedactedArguments.of(Map.of("ticket", "1042", "status", "Closed")), "Close it",
                Instant.now());
        server.core.approvals.add(request, java.util.Map.of());
        return request;
    }

    @Test
    void aTechnicianWhoVerifiedTheCallerConfirmsItOnTheRequest() {
        ApprovalRequest request = sensitiveRequest();
        String before = server.page("/approvals").body();
        assertThat(before).contains("data-identity=\"unverified\"").contains("jane@acme.example")
                .contains("action=\"/approvals/" + request.id() + "/identity\"");

        HttpResponse<String> confirmed = server.form("/approvals/" + request.id() + "/identity", Map.of());

        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(server.page("/approvals").body()).contains("data-identity=\"verified\"")
                .contains("identity of jane@acme.example confirmed by " + APPROVER);
        assertThat(server.core.verifications.ofSession(server.msp.id(), request.session())).singleElement()
                .satisfies(v -> assertThat(v.by()).isEqualTo(APPROVER));
    }

    @Test
    void valuesWaitingForTheApproverAreShownOnceOnTheirOwnPage() {
        ApprovalRequest request = sensitiveRequest();
        server.core.revealedValues.hold(server.msp.id(), request.id(), APPROVER, Map.of("temporaryPassword", TEMPORARY));
        String list = server.page("/approvals").body();
        assertThat(list).contains("To hand over").contains("action=\"/approvals/" + request.id() + "/reveal\"")
                .doesNotContain(TEMPORARY);

        HttpResponse<String> shown = server.form("/approvals/" + request.id() + "/reveal", Map.of());

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("data-revealed=\"temporaryPassword\"").contains("Kx9#mPq2-vT7!")
                .contains("Shown once");
        assertThat(shown.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> again = server.form("/approvals/" + request.id() + "/reveal", Map.of());
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).doesNotContain(TEMPORARY);
        assertThat(server.page("/approvals").body()).doesNotContain("To hand over");
    }
}
