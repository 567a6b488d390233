package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.m365.FakeMicrosoftCloud;
import dev.steward.adapter.m365.FakeTenant;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft 365 through GDAP, end to end through the real server (embedded PostgreSQL, in-process runtime, runbook
 * reasoner) against {@link FakeMicrosoftCloud}: the {@code m365} integration connected over the API (wrong values
 * refused naming their field, nothing kept), the client mapped to its customer tenant over the API, and a ticket's
 * diagnosis calling {@code m365:get-user} through the tool gateway, which reaches Graph in that tenant only, with that
 * tenant's token, and shows in the client's activity.
 */
class M365IT {

    private static final String KIND = "halopsa";
    private static PlanModeWorld world;

    @BeforeAll
    static void start() throws Exception {
        world = PlanModeWorld.start(Map.of(), List.of(new StubHaloPsa()));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return StubPsa.JSON.readTree(response.body());
    }

    private static JsonNode m365Integration() throws Exception {
        return StreamSupport.stream(json(world.api("GET", "/api/v1/integrations", null)).path("items").spliterator(),
                false).filter(i -> i.path("kind").asText().equals("m365")).findFirst().orElse(null);
    }

    private static String connectBody(String tenant, String secret) {
        String graph = world.cloudUrl();
        return "{\"kind\":\"m365\",\"settings\":{\"tenant\":\"" + tenant + "\",\"clientId\":\""
                + FakeMicrosoftCloud.CLIENT_ID + "\",\"authorityUrl\":\"" + graph + "\",\"graphUrl\":\"" + graph
                + "\"},\"secrets\":{\"clientSecret\":\"" + secret + "\"}}";
    }

    @Test
    void wrongValuesAreRefusedNamingTheFieldAndNothingIsKeptThenTheRightOnesConnect() throws Exception {
        JsonNode connected = m365Integration();
        assertThat(world.api("DELETE", "/api/v1/integrations/" + connected.path("id").asText(), null).statusCode())
                .isEqualTo(204);

        HttpResponse<String> badSecret = world.api("POST", "/api/v1/integrations",
                connectBody(FakeMicrosoftCloud.PARTNER_DOMAIN, "not-the-secret"));
        assertThat(badSecret.statusCode()).isEqualTo(422);
        assertThat(json(badSecret).path("errors").get(0).path("field").asText()).isEqualTo("secrets.clientSecret");
        assertThat(badSecret.body()).doesNotContain("not-the-secret");
        HttpResponse<String> badTenant = world.api("POST", "/api/v1/integrations",
                connectBody("nosuch.onmicrosoft.com", FakeMicrosoftCloud.CLIENT_SECRET));
        assertThat(badTenant.statusCode()).isEqualTo(422);
        assertThat(json(badTenant).path("errors").get(0).path("field").asText()).isEqualTo("settings.tenant");
        assertThat(m365Integration()).as("nothing kept").isNull();

        HttpResponse<String> good = world.api("POST", "/api/v1/integrations",
                connectBody(FakeMicrosoftCloud.PARTNER_DOMAIN, FakeMicrosoftCloud.CLIENT_SECRET));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(201);
        assertThat(json(good).path("secrets").path("clientSecret").path("set").asBoolean(true)).isTrue();
        assertThat(good.body()).doesNotContain(FakeMicrosoftCloud.CLIENT_SECRET);
        assertThat(json(good).path("tools").findValuesAsText("name")).contains("m365:get-user",
                "m365:reset-password", "m365:offboard-user");
    }

    @Test
    void theClientIsMappedToOneOfThePartnersCustomersOverTheApi() throws Exception {
        String slug = PlanModeWorld.slugOf(KIND);
        FakeTenant mine = world.tenantOf(KIND);
        JsonNode choice = json(world.api("GET", "/api/v1/clients/" + slug + "/mappings", null)).path("items")
                .get(0);
        assertThat(choice.path("kind").asText()).isEqualTo("m365");
        assertThat(choice.path("mapping").path("externalId").asText()).isEqualTo(mine.id());
        assertThat(choice.path("mapping").path("label").asText()).isEqualTo(mine.name());

        JsonNode page = json(world.api("GET", "/api/v1/integrations/" + choice.path("integrationId").asText()
                + "/directory?search=contoso", null));
        assertThat(page.path("entries").findValuesAsText("id")).contains(mine.id());

        HttpResponse<String> unknown = world.api("PUT", "/api/v1/clients/" + slug + "/mappings/m365",
                "{\"externalId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json(unknown).path("errors").get(0).path("field").asText()).isEqualTo("externalId");
        assertThat(world.api("POST", "/api/v1/clients", "{\"name\":\"Second\",\"slug\":\"second-m365\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> taken = world.api("PUT", "/api/v1/clients/second-m365/mappings/m365",
                "{\"externalId\":\"" + mine.id() + "\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
    }

    @Test
    void aTicketsDiagnosisReadsTheUserInTheMappedTenantOnlyAndShowsInActivity() throws Exception {
        FakeTenant mine = world.tenantOf(KIND);
        FakeTenant other = world.cloud().addCustomer("Unmapped Neighbour", "contoso.example");
        other.addUser("dana", "Dana Elsewhere");
        mine.signIn("dana@contoso.example", "Outlook", 50126, "Invalid username or password",
                Instant.parse("2026-11-22T08:01:00Z"));
        StubPsa psa = world.psa(KIND);
        long ticket = world.newTicket(KIND, "I'm locked out, my password does not work");

        assertThat(world.webhook(KIND, psa.ticketCreated(ticket)).statusCode()).isEqualTo(202);
        psa.firstNote(ticket).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> world.activityOf(KIND, ticket).stream()
                .anyMatch(e -> e.path("tool").asText().equals("m365:get-user")));

        JsonNode call = world.activityOf(KIND, ticket).stream()
                .filter(e -> e.path("tool").asText().equals("m365:get-user")).findFirst().orElseThrow();
        assertThat(call.path("outcome").asText()).isEqualTo("ok");
        assertThat(call.path("summary").asText()).contains("Dana Reyes", "sign-in: enabled",
                "Microsoft Authenticator (Pixel 8)").doesNotContain("Dana Elsewhere");
        assertThat(world.cloud().graphRequests(mine.id())).extracting(FakeMicrosoftCloud.Recorded::line)
                .anyMatch(line -> line.equals("GET /v1.0/users/dana@contoso.example"));
        assertThat(world.cloud().graphRequests(other.id())).as("the neighbour's tenant is never called").isEmpty();
        assertThat(world.cloud().tokensIssued(other.id())).isZero();
        assertThat(world.cloud().tokensIssued(mine.id())).isPositive();
        assertThat(psa.notesOf(ticket).getFirst().toString()).contains("m365:get-user");
    }
}
