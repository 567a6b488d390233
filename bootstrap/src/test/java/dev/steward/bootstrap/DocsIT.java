package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.adapter.docs.FakeHudu;
import dev.steward.adapter.docs.FakeItGlue;
import dev.steward.adapter.docs.FakePlatform;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Documentation platforms end to end through the real server (embedded PostgreSQL, in-process runtime, runbook
 * reasoner): Hudu and IT Glue connected MSP-wide over the API against their stateful stubs (a wrong key refused naming
 * its field), each client mapped to its own company over the generic mapping API, a runbook whose checks search the
 * client's documentation for the phrase that matched, and a ticket from each client's PSA (a signed webhook) whose one
 * internal note carries what its own company's documentation says — never the other company's — with every call in
 * the activity API. A client with no IT Glue organization gets the gateway's "No documentation company mapped" (IT Glue
 * never called for it) and its note is still written.
 */
class DocsIT {

    /** Client A: its tickets come from ConnectWise; client B's from HaloPSA. */
    private static final String A = "connectwise";
    private static final String B = "halopsa";
    private static final FakeHudu HUDU = new FakeHudu();
    private static final FakeItGlue ITGLUE = new FakeItGlue();
    private static final List<WireMockServer> STUBS = new ArrayList<>();
    private static PlanModeWorld world;
    private static long contoso;
    private static long fabrikam;
    private static long contosoOrganization;

    @BeforeAll
    static void start() throws Exception {
        String hudu = PlanModeWorld.serve(HUDU, STUBS).baseUrl();
        String itglue = PlanModeWorld.serve(ITGLUE, STUBS).baseUrl();
        world = PlanModeWorld.start(Map.of(), List.of(new StubConnectWise(), new StubHaloPsa()));
        contoso = HUDU.company("Contoso");
        fabrikam = HUDU.company("Fabrikam");
        HUDU.article(contoso, "VPN runbook", "<h1>VPN</h1><p>Reconnect with <b>GlobalProtect</b> to gw.contoso"
                + ".example</p><script>alert(1)</script>");
        HUDU.article(fabrikam, "VPN runbook (Fabrikam)", "<p>Fabrikam uses WireGuard on vpn.fabrikam.example</p>");
        contosoOrganization = ITGLUE.organization("Contoso Ltd");
        ITGLUE.document(contosoOrganization, "VPN escalation", "<p>Call Contoso's ISP after two drops</p>");
        ITGLUE.document(ITGLUE.organization("Fabrikam Inc"), "VPN escalation (Fabrikam)", "<p>Fabrikam's ISP</p>");

        HttpResponse<String> wrongKey = world.api("POST", "/api/v1/integrations", "{\"kind\":\"hudu\",\"settings\":"
                + "{\"url\":\"" + hudu + "\"},\"secrets\":{\"apiKey\":\"not-the-key\"}}");
        assertThat(wrongKey.statusCode()).isEqualTo(422);
        assertThat(json(wrongKey).path("errors").get(0).path("field").asText()).isEqualTo("secrets.apiKey");
        assertThat(wrongKey.body()).doesNotContain("not-the-key");
        connect("{\"kind\":\"hudu\",\"settings\":{\"url\":\"" + hudu + "\"},\"secrets\":{\"apiKey\":\""
                + FakeHudu.API_KEY + "\"}}");
        connect("{\"kind\":\"itglue\",\"settings\":{\"apiUrl\":\"" + itglue + "\"},\"secrets\":{\"apiKey\":\""
                + FakeItGlue.API_KEY + "\"}}");
        map(A, "hudu", contoso);
        map(B, "hudu", fabrikam);
        map(A, "itglue", contosoOrganization);
        HttpResponse<String> workflow = world.api("POST", "/api/v1/workflows", """
                {"name":"VPN trouble","trigger":"The requester's \\"vpn\\" drops.","instructions":"Search the docs.",
                 "status":"active","checks":[
                 {"tool":"hudu:search-articles","arguments":{"query":"{trigger}"}},
                 {"tool":"itglue:search-articles","arguments":{"query":"{trigger}"}}]}""");
        assertThat(workflow.statusCode()).as(workflow.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
        STUBS.forEach(WireMockServer::stop);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return StubPsa.JSON.readTree(response.body());
    }

    private static void connect(String body) throws Exception {
        HttpResponse<String> connected = world.api("POST", "/api/v1/integrations", body);
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
    }

    private static void map(String psa, String kind, long entry) throws Exception {
        HttpResponse<String> mapped = world.api("PUT", "/api/v1/clients/" + PlanModeWorld.slugOf(psa) + "/mappings/"
                + kind, "{\"externalId\":\"" + entry + "\"}");
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
    }

    private static JsonNode integration(String kind) throws Exception {
        return StreamSupport.stream(json(world.api("GET", "/api/v1/integrations", null)).path("items").spliterator(),
                false).filter(i -> i.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    /** A ticket of the PSA's client, delivered by a signed webhook; its one internal note and its tool calls. */
    private static Handled ticket(String psa, String summary) throws Exception {
        StubPsa stub = world.psa(psa);
        long ticket = world.newTicket(psa, summary);
        assertThat(world.webhook(psa, stub.ticketCreated(ticket)).statusCode()).isEqualTo(202);
        stub.firstNote(ticket).get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> world.activityOf(psa, ticket).stream()
                .anyMatch(e -> e.path("kind").asText().equals("note")));
        assertThat(stub.notesOf(ticket)).singleElement().satisfies(n -> assertThat(stub.internal(n)).isTrue());
        List<JsonNode> calls = world.activityOf(psa, ticket).stream()
                .filter(e -> e.path("kind").asText().equals("tool-call")).toList();
        return new Handled(stub.notesOf(ticket).getFirst().toString(), calls);
    }

    private record Handled(String note, List<JsonNode> calls) {
        JsonNode call(String tool) {
            return calls.stream().filter(c -> c.path("tool").asText().equals(tool)).findFirst().orElseThrow();
        }
    }

    @Test
    void aTicketsRunbookCheckSearchesItsOwnCompanysDocumentationAndTheNoteCarriesWhatWasFound() throws Exception {
        int huduCallsBefore = HUDU.requests().size();

        Handled handled = ticket(A, "My VPN drops every hour");

        JsonNode hudu = handled.call("hudu:search-articles");
        assertThat(hudu.path("outcome").asText()).isEqualTo("ok");
        assertThat(hudu.path("arguments").path("query").asText()).isEqualTo("vpn");
        assertThat(hudu.path("summary").asText()).contains("Hudu company Contoso", "VPN runbook",
                "GlobalProtect").doesNotContain("<b>", "alert(1)", "Fabrikam", "WireGuard");
        JsonNode itglue = handled.call("itglue:search-articles");
        assertThat(itglue.path("outcome").asText()).isEqualTo("ok");
        assertThat(itglue.path("summary").asText()).contains("VPN escalation", "Contoso's ISP")
                .doesNotContain("Fabrikam");
        assertThat(handled.note()).contains("hudu:search-articles", "GlobalProtect", "VPN escalation")
                .doesNotContain("WireGuard", "Fabrikam");
        assertThat(HUDU.requests().subList(huduCallsBefore, HUDU.requests().size())).filteredOn(r -> r.path().equals("/api/v1/articles"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.query()).containsEntry("company_id", Long.toString(contoso)));
    }

    @Test
    void clientBsTicketSeesOnlyItsCompanyAndWithoutAnItGlueOrganizationTheGatewayRefusesBeforeItGlue()
            throws Exception {
        int itGlueCallsBefore = ITGLUE.requests().size();

        Handled handled = ticket(B, "The VPN is down again");

        JsonNode hudu = handled.call("hudu:search-articles");
        assertThat(hudu.path("outcome").asText()).isEqualTo("ok");
        assertThat(hudu.path("summary").asText()).contains("Hudu company Fabrikam", "WireGuard")
                .doesNotContain("Contoso", "GlobalProtect");
        JsonNode itglue = handled.call("itglue:search-articles");
        assertThat(itglue.path("outcome").asText()).isEqualTo("refused_by_policy");
        assertThat(itglue.path("summary").asText()).startsWith("No documentation company mapped")
                .contains("IT Glue", "mappings/itglue");
        assertThat(ITGLUE.requests()).as("IT Glue is never called for an unmapped client")
                .hasSize(itGlueCallsBefore);
        assertThat(handled.note()).contains("WireGuard", "No documentation company mapped")
                .doesNotContain("GlobalProtect", "Contoso's ISP");
    }

    @Test
    void theClientsMappingsListTheirCompaniesAndACompanyIsOneClientsOnly() throws Exception {
        JsonNode choices = json(world.api("GET", "/api/v1/clients/" + PlanModeWorld.slugOf(A) + "/mappings", null));
        JsonNode hudu = StreamSupport.stream(choices.path("items").spliterator(), false)
                .filter(c -> c.path("kind").asText().equals("hudu")).findFirst().orElseThrow();
        assertThat(hudu.path("mapping").path("externalId").asText()).isEqualTo(Long.toString(contoso));
        assertThat(hudu.path("mapping").path("label").asText()).isEqualTo("Contoso");
        JsonNode page = json(world.api("GET", "/api/v1/integrations/" + integration("hudu").path("id").asText()
                + "/directory?search=fabri", null));
        assertThat(page.path("entries").findValuesAsText("id")).containsExactly(Long.toString(fabrikam));

        HttpResponse<String> taken = world.api("PUT", "/api/v1/clients/" + PlanModeWorld.slugOf(B)
                + "/mappings/hudu", "{\"externalId\":\"" + contoso + "\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
        HttpResponse<String> unknown = world.api("PUT", "/api/v1/clients/" + PlanModeWorld.slugOf(B)
                + "/mappings/itglue", "{\"externalId\":\"999999\"}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json(unknown).path("errors").get(0).path("field").asText()).isEqualTo("externalId");
    }

    @Test
    void getPasswordIsDisabledOnConnectAndCanNeverBeSetToRunAutomatically() throws Exception {
        JsonNode hudu = integration("hudu");
        JsonNode password = StreamSupport.stream(hudu.path("tools").spliterator(), false)
                .filter(t -> t.path("name").asText().equals("hudu:get-password")).findFirst().orElseThrow();
        assertThat(password.path("policy").asText()).isEqualTo("disabled");
        String path = "/api/v1/integrations/" + hudu.path("id").asText() + "/tools/hudu:get-password/policy";

        HttpResponse<String> auto = world.api("PUT", path, "{\"policy\":\"auto\"}");

        assertThat(auto.statusCode()).as(auto.body()).isEqualTo(422);
        assertThat(json(auto).path("errors").get(0).path("field").asText()).isEqualTo("policy");
        assertThat(json(auto).path("errors").get(0).path("message").asText()).contains("sensitive");
        assertThat(StreamSupport.stream(integration("hudu").path("tools").spliterator(), false)
                .filter(t -> t.path("name").asText().equals("hudu:get-password")).findFirst().orElseThrow()
                .path("policy").asText()).as("nothing changed").isEqualTo("disabled");
    }
}
