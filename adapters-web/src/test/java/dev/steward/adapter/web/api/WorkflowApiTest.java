package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.ServerPerTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Workflows over the API: created MSP-wide and per client, listed per scope, edited and moved through their statuses
 * with every version's author, and every bad field named with nothing stored.
 */
class WorkflowApiTest extends ServerPerTest {

    private static Map<String, Object> printer(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("trigger", "The requester's \"printer\" is offline or \"won't print\".");
        body.put("instructions", "List the user's printers, then restart the spooler.");
        body.put("checks", List.of(Map.of("tool", "intune:list-printers", "arguments", Map.of("user", "{requester}"))));
        body.put("actions", List.of(Map.of("tool", "intune:restart-spooler", "arguments", Map.of(),
                "reason", "a stuck spooler is the usual cause")));
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static List<String> names(HttpResponse<String> list) {
        List<String> names = new ArrayList<>();
        parse(list).path("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private static List<String> fields(HttpResponse<String> problem) {
        List<String> fields = new ArrayList<>();
        parse(problem).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private String technicianToken() {
        return parse(server.post("/api/v1/tokens", json(Map.of("name", "tech", "role", "technician"))))
                .path("token").asText();
    }

    @Test
    void createsAnMspWideAndAClientsWorkflowAndListsEachScope() {
        server.createClient("Acme", "acme");

        HttpResponse<String> mspWide = server.post("/api/v1/workflows", json(printer("Printer")));
        HttpResponse<String> acme = server.post("/api/v1/clients/acme/workflows",
                json(with(printer("Acme printer"), "status", "active")));

        assertThat(mspWide.statusCode()).isEqualTo(201);
        assertThat(mspWide.headers().firstValue("Location").orElse(""))
                .isEqualTo("/api/v1/workflows/" + parse(mspWide).path("id").asText());
        assertThat(acme.statusCode()).isEqualTo(201);
        JsonNode stored = parse(acme);
        assertThat(stored.path("scope").asText()).isEqualTo("client");
        assertThat(stored.path("client").asText()).isEqualTo("acme");
        assertThat(stored.path("status").asText()).isEqualTo("active");
        assertThat(stored.path("phrases").toString()).isEqualTo("[\"printer\",\"won't print\"]");
        assertThat(stored.path("checks").get(0).path("arguments").path("user").asText()).isEqualTo("{requester}");
        assertThat(stored.path("actions").get(0).path("reason").asText()).isEqualTo("a stuck spooler is the usual cause");
        assertThat(stored.path("version").asInt()).isEqualTo(1);
        assertThat(stored.path("changedBy").asText()).isEqualTo("api-token:tests");
        assertThat(parse(mspWide).path("status").asText()).as("a draft unless asked").isEqualTo("draft");
        assertThat(parse(mspWide).path("client").isNull()).isTrue();
        assertThat(names(server.get("/api/v1/workflows"))).containsExactly("Printer");
        assertThat(names(server.get("/api/v1/clients/acme/workflows"))).containsExactly("Acme printer");
        assertThat(server.get("/api/v1/clients/nobody/workflows").statusCode()).isEqualTo(404);
        assertThat(names(server.get("/api/v1/workflows/built-in"))).contains("Locked out", "Password reset");
    }

    @Test
    void everyEditAndStatusChangeIsANewVersionWithWhoAndWhen() {
        String id = parse(server.post("/api/v1/workflows", json(printer("Printer")))).path("id").asText();

        HttpResponse<String> renamed = server.put("/api/v1/workflows/" + id, json(with(printer("Printers"),
                "version", 1)));
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(parse(renamed).path("version").asInt()).isEqualTo(2);
        HttpResponse<String> active = server.post("/api/v1/workflows/" + id + "/status",
                json(Map.of("status", "active")));
        assertThat(active.statusCode()).isEqualTo(200);
        assertThat(parse(active).path("status").asText()).isEqualTo("active");

        JsonNode one = parse(server.get("/api/v1/workflows/" + id));
        assertThat(one.path("name").asText()).isEqualTo("Printers");
        assertThat(one.path("history")).hasSize(3);
        assertThat(one.path("history").get(2).path("version").asInt()).isEqualTo(3);
        assertThat(one.path("history").get(2).path("changedBy").asText()).isEqualTo("api-token:tests");

        HttpResponse<String> stale = server.put("/api/v1/workflows/" + id, json(with(printer("Again"), "version", 1)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(parse(stale).path("code").asText()).isEqualTo("version.stale");
        assertThat(server.get("/api/v1/workflows/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/workflows/not-a-uuid").statusCode()).isEqualTo(404);
    }

    @Test
    void anArchivedWorkflowCannotBecomeADraft() {
        String id = parse(server.post("/api/v1/workflows", json(printer("Printer")))).path("id").asText();
        server.post("/api/v1/workflows/" + id + "/status", json(Map.of("status", "archived")));

        HttpResponse<String> refused = server.post("/api/v1/workflows/" + id + "/status",
                json(Map.of("status", "draft")));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(parse(refused).path("code").asText()).isEqualTo("status.illegal-transition");
        assertThat(parse(refused).path("detail").asText()).isEqualTo("a workflow cannot move from archived to draft");
        assertThat(parse(server.get("/api/v1/workflows/" + id)).path("status").asText()).isEqualTo("archived");
        HttpResponse<String> unknown = server.post("/api/v1/workflows/" + id + "/status",
                json(Map.of("status", "paused")));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(fields(unknown)).containsExactly("status");
    }

    @Test
    void namesEveryBadFieldAsAProblemAndKeepsNothing() {
        HttpResponse<String> bad = server.post("/api/v1/workflows", json(Map.of("name", "Printer",
                "trigger", "",
                "checks", List.of(Map.of("tool", "Not A Tool")),
                "actions", List.of(Map.of("tool", "intune:restart-spooler")))));

        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(fields(bad)).containsExactlyInAnyOrder("trigger", "instructions", "checks[0].tool",
                "actions[0].reason");
        assertThat(names(server.get("/api/v1/workflows"))).isEmpty();
    }

    @Test
    void aDuplicateNameInAScopeIsAConflictOnTheName() {
        server.createClient("Acme", "acme");
        server.post("/api/v1/workflows", json(printer("Printer")));

        HttpResponse<String> duplicate = server.post("/api/v1/workflows", json(printer("PRINTER")));

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(parse(duplicate).path("code").asText()).isEqualTo("workflow.name-taken");
        assertThat(duplicate.body()).contains("\"name\"");
        assertThat(server.post("/api/v1/clients/acme/workflows", json(printer("Printer"))).statusCode())
                .as("another scope").isEqualTo(201);
    }

    @Test
    void mspWideWorkflowsAreForAdminsAndAClientsForTechniciansToo() {
        server.createClient("Acme", "acme");
        String mspWideId = parse(server.post("/api/v1/workflows", json(printer("Printer")))).path("id").asText();
        String technician = "Bearer " + technicianToken();

        assertThat(server.post("/api/v1/workflows", json(printer("Mine")), "Authorization", technician).statusCode())
                .isEqualTo(403);
        assertThat(server.post("/api/v1/workflows/" + mspWideId + "/status", json(Map.of("status", "active")),
                "Authorization", technician).statusCode()).isEqualTo(403);
        assertThat(server.put("/api/v1/workflows/" + mspWideId, json(printer("Mine")), "Authorization", technician)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> clients = server.post("/api/v1/clients/acme/workflows", json(printer("Acme printer")),
                "Authorization", technician);
        assertThat(clients.statusCode()).isEqualTo(201);
        assertThat(server.post("/api/v1/workflows/" + parse(clients).path("id").asText() + "/status",
                json(Map.of("status", "active")), "Authorization", technician).statusCode()).isEqualTo(200);
        assertThat(parse(server.get("/api/v1/workflows/" + mspWideId)).path("status").asText()).isEqualTo("draft");
    }
}
