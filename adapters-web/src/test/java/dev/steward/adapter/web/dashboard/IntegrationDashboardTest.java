package dev.steward.adapter.web.dashboard;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.ServerPerTest;
import dev.steward.adapter.web.WebFixtures;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.ApprovalState;
import dev.steward.domain.client.Slug;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrationDashboardTest extends ServerPerTest {

    private static final String XSS = "<script>alert(1)</script>";
    private static final String KEY = "cw-private-key-0123-WXYZ";

    private HttpResponse<String> connectPsaForm(String apiBase) {
        return server.form("/integrations", Map.of("kind", "connectwise", "settings.apiBase", apiBase,
                "settings.companyId", XSS, "secrets.privateKey", KEY));
    }

    private String connectedPsa() {
        return parse(server.post("/api/v1/integrations", json(Map.of("kind", "connectwise",
                "settings", Map.of("apiBase", "https://cw.example", "companyId", XSS),
                "secrets", Map.of("privateKey", KEY))))).path("id").asText();
    }

    @Test
    void aRefusedConnectShowsTheErrorOnItsFieldKeepsThePlainValuesAndNeverEchoesTheSecret() {
        HttpResponse<String> refused = connectPsaForm("ftp://cw.example");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"connect-connectwise-apiBase-error\"")
                .contains("must be an https URL")
                .contains("value=\"ftp://cw.example\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(XSS)
                .doesNotContain(KEY)
                .contains("<details class=\"connect\" data-kind=\"connectwise\" open>");

        HttpResponse<String> connected = connectPsaForm("https://cw.example");
        assertThat(connected.statusCode()).isEqualTo(303);
        String location = connected.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = server.page(location);
        assertThat(page.body()).contains("set (…WXYZ)").doesNotContain(KEY).doesNotContain(XSS)
                .contains("Policy of connectwise:update-status");
    }

    @Test
    void theClientTabListsItsOwnAndTheMspWideIntegrationsAndConnectsAKindOfItsOwn() {
        server.createClient("Acme", "acme");
        connectedPsa();

        HttpResponse<String> tab = server.page("/clients/acme/integrations");
        assertThat(tab.statusCode()).isEqualTo(200);
        assertThat(tab.body()).contains("aria-current=\"page\">Integrations</a>")
                .contains("data-integration=\"connectwise\"").contains("Connect Hudu")
                .doesNotContain("Connect ConnectWise Manage");

        HttpResponse<String> connected = server.form("/clients/acme/integrations", Map.of("kind", "hudu",
                "settings.baseUrl", "https://docs.example", "secrets.apiKey", "k"));
        assertThat(connected.statusCode()).isEqualTo(303);
        assertThat(server.page("/clients/acme/integrations").body()).contains("data-integration=\"hudu\"");
    }

    @Test
    void anMcpServerIsConnectedByFormUnderTheNameTypedAndItsToolsCanBeListedAgain() {
        HttpResponse<String> refused = server.form("/integrations", Map.of("kind", "mcp", "server", "My RMM",
                "settings.url", "https://rmm.example/mcp"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("<details class=\"connect\" data-kind=\"mcp\" open>")
                .contains("id=\"connect-mcp-server-error\"").contains("must name the MCP server")
                .contains("value=\"My RMM\"").contains("value=\"https://rmm.example/mcp\"");
        assertThat(parse(server.get("/api/v1/integrations")).path("items")).as("nothing kept").isEmpty();

        HttpResponse<String> connected = server.form("/integrations", Map.of("kind", "mcp", "server", "rmm",
                "settings.url", "https://rmm.example/mcp"));
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(303);
        String location = connected.headers().firstValue("Location").orElseThrow();
        assertThat(server.page(location).body()).contains("<code>mcp:rmm</code>")
                .contains("action=\"" + location + "/refresh\"");

        HttpResponse<String> refreshed = server.form(location + "/refresh", Map.of());
        assertThat(refreshed.statusCode()).isEqualTo(303);
        assertThat(refreshed.headers().firstValue("Location")).contains(location);
        HttpResponse<String> again = server.form("/integrations", Map.of("kind", "mcp", "server", "rmm",
                "settings.url", "https://rmm.example/mcp"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("role=\"alert\"").contains("mcp:rmm is already connected");
    }

    @Test
    void setsAToolPolicyByFormAndShowsAStaleVersionAsAnAlert() {
        String id = connectedPsa();
        String action = "/integrations/" + id + "/tools/connectwise:update-status/policy";

        assertThat(server.form(action, Map.of("policy", "auto", "version", "1")).statusCode()).isEqualTo(303);
        assertThat(server.page("/integrations/" + id).body()).contains("data-policy=\"auto\"");

        HttpResponse<String> stale = server.form(action, Map.of("policy", "disabled", "version", "1"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("role=\"alert\"").contains("changed by someone else");
        HttpResponse<String> unknown = server.form(action, Map.of("policy", "sometimes", "version", "2"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("aria-describedby=\"policy-1-error\"");
    }

    @Test
    void disconnectsOnlyAfterTheConfirmationStep() {
        String id = connectedPsa();

        HttpResponse<String> confirm = server.page("/integrations/" + id + "/disconnect");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Disconnect ConnectWise Manage?").contains("cannot be undone");
        assertThat(server.get("/api/v1/integrations/" + id).statusCode()).as("a GET changes nothing").isEqualTo(200);

        HttpResponse<String> done = server.form("/integrations/" + id + "/disconnect", Map.of());
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains("/integrations");
        assertThat(server.get("/api/v1/integrations/" + id).statusCode()).isEqualTo(404);
        assertThat(server.page("/integrations/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void approvesFromTheApprovalsViewAsTheCallerAndExplainsARequestDecidedMeanwhile() {
        server.createClient("Acme", "acme");
        ApprovalRequest request = WebFixtures.pendingApproval(server.core,
                server.core.clients.find(server.msp.id(), Slug.of("acme")).orElseThrow(), "Reset " + XSS);

        HttpResponse<String> page = server.page("/approvals");
        assertThat(page.body()).contains("data-approval=\"" + request.id() + "\"").contains("m365:reset-password")
                .contains("[redacted]").doesNotContain("Winter2026!").doesNotContain(XSS)
                .contains("Reset &lt;script&gt;");

        HttpResponse<String> approved = server.form("/approvals/" + request.id() + "/decide",
                Map.of("decision", "approve", "reason", "called back"));
        assertThat(approved.statusCode()).isEqualTo(303);
        ApprovalState state = server.core.approvals.find(server.msp.id(), request.id()).orElseThrow().state();
        assertThat(state).isInstanceOfSatisfying(ApprovalState.Approved.class, a -> {
            assertThat(a.by()).as("the signed-in technician").isEqualTo(server.user.email().value());
            assertThat(a.reason()).isEqualTo("called back");
        });

        HttpResponse<String> again = server.form("/approvals/" + request.id() + "/decide", Map.of("decision", "deny"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("role=\"alert\"").contains("already decided")
                .contains("No approval requests are waiting.");
        assertThat(server.form("/approvals/" + request.id() + "/decide", Map.of("decision", "maybe")).statusCode())
                .isEqualTo(422);
    }

    @Test
    void aPsasPageShowsItsWebhookAndTheListShowsTheLastDelivery() {
        server.core.psaProvider.registeringWebhooks();
        String id = connectedPsa();

        assertThat(server.page("/integrations").body()).contains("Last webhook delivery")
                .contains("<span data-last-delivery>none yet</span>");
        assertThat(server.page("/integrations/" + id).body()).contains("data-webhook=\"registered\"")
                .contains("registered by Steward")
                .contains("<code data-webhook-url>https://steward.test/hooks/psa/" + server.msp.id()
                        + "/connectwise</code>")
                .doesNotContain("data-webhook-secret");

        server.core.psaWebhooks.register(server.msp.id(), "connectwise", "s3cret");
        server.raw("POST", "/hooks/psa/" + server.msp.id() + "/connectwise",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"ticketId\":\"51001\"}"),
                "Content-Type", "application/json", "X-Steward-Secret", "s3cret");

        assertThat(server.page("/integrations").body()).contains("<time data-last-delivery datetime=\"");
    }

    @Test
    void aWebhookThePsaRefusedToRegisterIsShownOnTheConnectFormAndNothingIsConnected() {
        server.core.psaProvider.checking(values -> {
            throw dev.steward.domain.problem.InvalidValue.of("webhook", "not-registered", "could not be registered "
                    + "with ConnectWise: HTTP 403. Nothing was saved");
        });

        HttpResponse<String> refused = connectPsaForm("https://cw.example");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("could not be registered with ConnectWise: HTTP 403. Nothing was saved")
                .doesNotContain(KEY);
        assertThat(parse(server.get("/api/v1/integrations")).path("items").isEmpty()).isTrue();
    }
}
