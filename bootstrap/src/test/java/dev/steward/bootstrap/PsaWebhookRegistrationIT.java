package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 15's webhook registration end to end, on the real server (embedded PostgreSQL, in-process runtime) reached at
 * its STEWARD_PUBLIC_URL: connecting the ConnectWise and Autotask stubs over the API registers their webhooks at the
 * stubs, pointed at that URL with loop prevention at the source; the stub then calls its webhook for a ticket the way
 * the vendor does (HTTP POST, signed), the agent works the ticket (its internal note), the integration shows the
 * accepted delivery; a change by Steward's own API identity calls nothing; disconnecting removes the webhook at the
 * stub. The control plane is restarted first: what it stored (the webhooks' ids, Autotask's secret) is all the later
 * deliveries and removals have.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PsaWebhookRegistrationIT {

    /** A technician of the MSP (ConnectWise member 77, an Autotask resource other than the API user). */
    private static final long TECHNICIAN = 77;
    private static final long AUTOTASK_TECHNICIAN = 29682999;

    private static PlanModeWorld world;
    private static String publicUrl;
    private static StubConnectWise connectWise;
    private static StubAutotask autotask;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        publicUrl = "http://127.0.0.1:" + port;
        connectWise = new StubConnectWise();
        autotask = new StubAutotask().registeringWebhooks();
        world = PlanModeWorld.start(Map.of("STEWARD_HTTP_PORT", Integer.toString(port), "STEWARD_PUBLIC_URL",
                publicUrl), List.of(connectWise, autotask));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    @Order(1)
    void aRestartRegistersNothingAgainAndStillShowsTheWebhooks() throws Exception {
        world.restartControlPlane();

        assertThat(connectWise.callbacks()).hasSize(1);
        assertThat(autotask.webhooks()).hasSize(1);
        for (String kind : List.of("connectwise", "autotask")) {
            assertThat(integration(kind).path("webhook").path("setup").asText()).as(kind).isEqualTo("registered");
        }
    }

    @Test
    @Order(2)
    void connectWiseRegistersASelfSuppressedCallbackThatWorksATicketAndIsRemovedOnDisconnect() throws Exception {
        JsonNode integration = integration("connectwise");
        String url = integration.path("webhook").path("url").asText();
        assertThat(url).startsWith(publicUrl + "/hooks/psa/").endsWith("/connectwise");
        assertThat(integration.path("webhook").path("setup").asText()).isEqualTo("registered");
        assertThat(connectWise.callbacks()).singleElement().satisfies(callback -> {
            assertThat(callback.path("url").asText()).isEqualTo(url);
            assertThat(callback.path("isSelfSuppressedFlag").asBoolean()).isTrue();
        });

        worksATicketFromItsWebhook("connectwise", id -> connectWise.fire(id, TECHNICIAN),
                id -> connectWise.fire(id, StubConnectWise.API_MEMBER));

        disconnect(integration);
        assertThat(connectWise.callbacks()).as("removed at ConnectWise").isEmpty();
    }

    @Test
    @Order(3)
    void autotaskRegistersAWebhookExcludingItsApiUserThatWorksATicketAndIsDeletedOnDisconnect() throws Exception {
        JsonNode integration = integration("autotask");
        String url = integration.path("webhook").path("url").asText();
        assertThat(url).startsWith(publicUrl + "/hooks/psa/").endsWith("/autotask");
        assertThat(integration.path("webhook").path("secret").isNull()).as("a registered secret is never shown")
                .isTrue();
        assertThat(autotask.webhooks()).singleElement().satisfies(webhook -> {
            assertThat(webhook.path("webhookUrl").asText()).isEqualTo(url);
            assertThat(webhook.path("excludedResources").findValuesAsText("resourceID"))
                    .containsExactly(Long.toString(StubAutotask.API_RESOURCE));
            assertThat(webhook.path("secretKey").asText()).hasSizeGreaterThanOrEqualTo(32);
        });

        worksATicketFromItsWebhook("autotask", id -> autotask.fire(id, AUTOTASK_TECHNICIAN),
                id -> autotask.fire(id, StubAutotask.API_RESOURCE));

        disconnect(integration);
        assertThat(autotask.webhooks()).as("deleted at Autotask").isEmpty();
    }

    @FunctionalInterface
    private interface Fire {
        Map<String, Integer> fire(long ticket) throws Exception;
    }

    private static void worksATicketFromItsWebhook(String kind, Fire byTechnician, Fire bySteward) throws Exception {
        assertThat(integration(kind).path("webhook").path("lastDeliveryAt").isNull()).as("no delivery yet").isTrue();
        Instant before = Instant.now();
        long ticket = world.newTicket(kind, "I forgot my password");

        assertThat(byTechnician.fire(ticket).values()).as("the PSA called Steward's public URL").containsExactly(202);

        world.psa(kind).firstNote(ticket).get(30, TimeUnit.SECONDS);
        List<ObjectNode> notes = world.psa(kind).notesOf(ticket);
        assertThat(notes).as("the agent worked the ticket").singleElement()
                .satisfies(note -> assertThat(world.psa(kind).internal(note)).isTrue());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Instant.parse(integration(kind)
                .path("webhook").path("lastDeliveryAt").asText())).isBetween(before, Instant.now()));
        assertThat(bySteward.fire(ticket)).as("Steward's own note and status change call nothing").isEmpty();
    }

    private static JsonNode integration(String kind) throws Exception {
        HttpResponse<String> list = world.api("GET", "/api/v1/integrations", null);
        assertThat(list.statusCode()).isEqualTo(200);
        return StreamSupport.stream(StubPsa.JSON.readTree(list.body()).path("items").spliterator(), false)
                .filter(i -> i.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    private static void disconnect(JsonNode integration) throws Exception {
        assertThat(world.api("DELETE", "/api/v1/integrations/" + integration.path("id").asText(), null).statusCode())
                .isEqualTo(204);
    }
}
