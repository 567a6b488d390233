package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.ServerPerTest;
import dev.steward.application.port.activity.ActivityQuery;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DryRunApiTest extends ServerPerTest {

    @Test
    void answersTheNoteItWouldPostForAPastedTextAndRecordsItAsADryRun() {
        server.createClient("Acme", "acme");

        HttpResponse<String> response = server.post("/api/v1/clients/acme/dry-runs",
                "{\"text\": \"Please reset the password of jane@acme.test\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = parse(response);
        assertThat(body.path("ticket").asText()).isEqualTo("dry-run:text");
        assertThat(body.path("note").asText()).isNotBlank();
        assertThat(body.path("toolCalls").isArray()).isTrue();
        assertThat(body.path("workflows").isArray()).isTrue();
        assertThat(server.core.activityLog.query(ActivityQuery.newest(server.msp.id(), Optional.empty(), 50)))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.ticket()).contains("dry-run:text"));
    }

    @Test
    void refusesATicketNumberTheClientsPsaCannotHaveNamingTheField() {
        server.createClient("Acme", "acme");

        HttpResponse<String> response = server.post("/api/v1/clients/acme/dry-runs", "{\"ticket\": \"4711\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(parse(response).path("errors").get(0).path("field").asText()).isEqualTo("ticket");
        assertThat(server.core.activityLog.query(ActivityQuery.newest(server.msp.id(), Optional.empty(), 10)))
                .as("nothing recorded").isEmpty();
    }

    @Test
    void refusesNeitherTicketNorTextNamingTheField() {
        server.createClient("Acme", "acme");

        HttpResponse<String> response = server.post("/api/v1/clients/acme/dry-runs", "{}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(parse(response).path("errors").get(0).path("field").asText()).isEqualTo("ticket");
    }

    @Test
    void answers404ForAnUnknownClient() {
        assertThat(server.post("/api/v1/clients/ghost/dry-runs", "{\"text\": \"help\"}").statusCode())
                .isEqualTo(404);
    }
}
