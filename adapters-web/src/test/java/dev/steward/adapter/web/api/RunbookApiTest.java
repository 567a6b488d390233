package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.ServerPerTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runbooks over the API: write them MSP-wide and per client, list each scope, replace, delete, bad fields named. */
class RunbookApiTest extends ServerPerTest {

    private static Map<String, Object> printer(String name) {
        return Map.of("name", name, "triggers", List.of("printer"),
                "diagnosis", List.of(Map.of("tool", "intune:list-printers",
                        "arguments", Map.of("user", "{requester}"))),
                "plan", List.of(Map.of("tool", "intune:restart-spooler", "arguments", Map.of(),
                        "reason", "a stuck spooler is the usual cause")));
    }

    private static List<String> names(HttpResponse<String> list) {
        List<String> names = new ArrayList<>();
        parse(list).path("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    @Test
    void writesAnMspWideAndAClientsRunbookAndListsEachScope() {
        server.createClient("Acme", "acme");

        HttpResponse<String> mspWide = server.post("/api/v1/runbooks", json(printer("Printer")));
        HttpResponse<String> acme = server.post("/api/v1/clients/acme/runbooks", json(printer("Acme printer")));

        assertThat(mspWide.statusCode()).isEqualTo(200);
        assertThat(acme.statusCode()).isEqualTo(200);
        JsonNode stored = parse(acme);
        assertThat(stored.path("scope").asText()).isEqualTo("client");
        assertThat(stored.path("client").asText()).isEqualTo("acme");
        assertThat(stored.path("diagnosis").get(0).path("arguments").path("user").asText()).isEqualTo("{requester}");
        assertThat(stored.path("plan").get(0).path("reason").asText()).isEqualTo("a stuck spooler is the usual cause");
        assertThat(parse(mspWide).path("client").isNull()).isTrue();
        assertThat(names(server.get("/api/v1/runbooks"))).containsExactly("Printer");
        assertThat(names(server.get("/api/v1/clients/acme/runbooks"))).containsExactly("Acme printer");
        assertThat(server.get("/api/v1/clients/nobody/runbooks").statusCode()).isEqualTo(404);
    }

    @Test
    void replacesByIdAndDeletes() {
        String id = parse(server.post("/api/v1/runbooks", json(printer("Printer")))).path("id").asText();

        HttpResponse<String> renamed = server.put("/api/v1/runbooks/" + id, json(printer("Printers")));
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(parse(renamed).path("id").asText()).isEqualTo(id);
        assertThat(names(server.get("/api/v1/runbooks"))).containsExactly("Printers");

        assertThat(server.delete("/api/v1/runbooks/" + id, "").statusCode()).isEqualTo(204);
        assertThat(server.delete("/api/v1/runbooks/" + id, "").statusCode()).isEqualTo(404);
        assertThat(server.put("/api/v1/runbooks/" + id, json(printer("Printer"))).statusCode()).isEqualTo(404);
        assertThat(names(server.get("/api/v1/runbooks"))).isEmpty();
    }

    @Test
    void namesEveryBadFieldAsAProblemAndKeepsNothing() {
        HttpResponse<String> bad = server.post("/api/v1/runbooks", json(Map.of("name", "Printer",
                "triggers", List.of(),
                "diagnosis", List.of(Map.of("tool", "Not A Tool")),
                "plan", List.of(Map.of("tool", "intune:restart-spooler")))));

        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        parse(bad).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("triggers", "diagnosis[0].tool", "plan[0].reason");
        assertThat(names(server.get("/api/v1/runbooks"))).isEmpty();
    }

    @Test
    void renamingOntoATakenNameIsAConflict() {
        server.post("/api/v1/runbooks", json(printer("Printer")));
        String vpn = parse(server.post("/api/v1/runbooks", json(printer("VPN")))).path("id").asText();

        HttpResponse<String> taken = server.put("/api/v1/runbooks/" + vpn, json(printer("Printer")));

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(names(server.get("/api/v1/runbooks"))).containsExactly("Printer", "VPN");
    }
}
