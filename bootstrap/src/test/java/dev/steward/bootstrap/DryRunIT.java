package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dry run through the real server (embedded PostgreSQL, runbook reasoner), against a ticket in a ConnectWise stub
 * and the client's own Microsoft 365 tenant (fake cloud): the reads run for real (the ticket, the user, the sign-ins),
 * the reset is only planned, nothing is posted to the ticket or changed in the tenant, and activity files the run
 * under {@code dry-run:<ticket>}, never under the real ticket.
 */
class DryRunIT {

    private static PlanModeWorld world;

    @BeforeAll
    static void start() throws Exception {
        world = PlanModeWorld.start(Map.of(), List.of(new StubConnectWise()));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void readsForRealPlansTheWritesAndPostsNothing() throws Exception {
        StubPsa psa = world.psa("connectwise");
        long ticket = world.newTicket("connectwise", "I forgot my password");
        String slug = PlanModeWorld.slugOf("connectwise");

        HttpResponse<String> response = world.api("POST", "/api/v1/clients/" + slug + "/dry-runs",
                "{\"ticket\": \"" + ticket + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode run = StubPsa.JSON.readTree(response.body());
        assertThat(run.path("ticket").asText()).isEqualTo("dry-run:" + ticket);
        assertThat(StreamSupport.stream(run.path("toolCalls").spliterator(), false)
                .map(c -> c.path("tool").asText() + " " + c.path("outcome").asText()))
                .containsExactly("connectwise:get-ticket ok", "m365:get-user ok", "m365:list-sign-ins ok");
        assertThat(run.path("toolCalls").get(1).path("result").asText()).as("real data of the user")
                .contains("Dana Reyes");
        assertThat(run.path("note").asText()).contains("m365:reset-password");
        assertThat(run.path("workflows").toString()).contains("Password reset");
        assertThat(psa.notesOf(ticket)).as("nothing posted to the ticket").isEmpty();
        assertThat(world.cloud().changes()).as("nothing changed in the tenant").isEmpty();
        assertThat(world.activityOf("connectwise", ticket)).as("nothing filed under the real ticket").isEmpty();
        JsonNode filed = StubPsa.JSON.readTree(world.api("GET", "/api/v1/clients/" + slug + "/activity?ticket="
                + URLEncoder.encode("dry-run:" + ticket, StandardCharsets.UTF_8) + "&limit=100", null).body());
        assertThat(StreamSupport.stream(filed.path("items").spliterator(), false).map(e -> e.path("kind").asText()))
                .containsExactly("note", "tool-call", "tool-call", "tool-call", "request");

        HttpResponse<String> unknown = world.api("POST", "/api/v1/clients/" + slug + "/dry-runs",
                "{\"ticket\": \"987654321\"}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
        assertThat(StubPsa.JSON.readTree(unknown.body()).path("errors").get(0).path("field").asText())
                .isEqualTo("ticket");
    }
}
