package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.adapter.m365.FakeMicrosoftCloud;
import dev.steward.adapter.m365.FakeTenant;
import dev.steward.bootstrap.StubChatModel.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Bad tool input through the real server: the model reasoner ({@code STEWARD_REASONER=openai} on a scripted stub
 * model) asks the tool gateway for calls a careless or manipulated model could make, with the real {@code m365}
 * provider against {@link FakeMicrosoftCloud}: an argument the tool's schema refuses, a secret passed as an argument,
 * a tool nobody offers, a user the tenant does not have, a malformed user principal name, a client mapped to no
 * tenant. Each ends in a clear error the model is told (naming the field where there is one), nothing reaches
 * Graph that should not, nothing changes in the tenant, and the secret is in no activity entry, note or log line.
 */
class ToolBadInputIT {

    private static final String KIND = "connectwise";
    private static final String SECRET = "Hunter2-Sekr1t-0f-Dana";
    private static final List<WireMockServer> MODEL_SERVERS = new ArrayList<>();
    private static final StubChatModel MODEL = StubChatModel.scriptedOnly();
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    private static PlanModeWorld world;

    @BeforeAll
    static void start() throws Exception {
        // Steward's own loggers at DEBUG into the list only (the console stays at WARN), so the check below sees
        // every line Steward writes, not only warnings.
        Logger steward = (Logger) LoggerFactory.getLogger("dev.steward");
        steward.setLevel(Level.DEBUG);
        steward.setAdditive(false);
        steward.addAppender(LOGS);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
        LOGS.start();
        WireMockServer model = PlanModeWorld.serve(MODEL, MODEL_SERVERS);
        world = PlanModeWorld.start(Map.of("STEWARD_REASONER", "openai", "STEWARD_LLM_URL", model.baseUrl(),
                "STEWARD_LLM_MODEL", "qwen2.5-14b-instruct", "STEWARD_LLM_API_KEY", StubChatModel.KEY),
                List.of(new StubConnectWise()));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
        MODEL_SERVERS.forEach(WireMockServer::stop);
        Logger steward = (Logger) LoggerFactory.getLogger("dev.steward");
        steward.detachAppender(LOGS);
        steward.setAdditive(true);
        steward.setLevel(null);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
    }

    @BeforeEach
    void forgetGraphRequests() {
        world.cloud().forgetRequests();
    }

    private FakeTenant tenant() {
        return world.tenantOf(KIND);
    }

    /** Files a ticket whose text carries {@code word}, lets the model follow its script, returns the ticket. */
    private long diagnose(String word, Call... calls) throws Exception {
        MODEL.script(word, calls);
        StubPsa psa = world.psa(KIND);
        long ticket = world.newTicket(KIND, "Something is wrong with my account (" + word + ")");
        assertThat(world.webhook(KIND, psa.ticketCreated(ticket)).statusCode()).isEqualTo(202);
        psa.firstNote(ticket).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> world.activityOf(KIND, ticket).stream()
                .anyMatch(e -> e.path("kind").asText().equals("note")));
        return ticket;
    }

    private JsonNode call(long ticket, String tool) throws Exception {
        return world.activityOf(KIND, ticket).stream().filter(e -> e.path("tool").asText().equals(tool))
                .findFirst().orElseThrow(() -> new AssertionError("no call of " + tool));
    }

    /** What the model was sent last for this ticket: the gateway's answer to its call is in it. */
    private String toldTheModel(String word) {
        return MODEL.requestsAbout(word).getLast();
    }

    @Test
    void aSchemaInvalidArgumentIsRefusedNamingTheFieldAndNothingReachesGraph() throws Exception {
        long ticket = diagnose("schema-invalid", new Call("m365__list-sign-ins",
                "{\"user\":\"dana@contoso.example\",\"limit\":\"many\"}"));

        JsonNode call = call(ticket, "m365:list-sign-ins");
        assertThat(call.path("outcome").asText()).isEqualTo("failed");
        assertThat(call.path("summary").asText()).contains("m365:list-sign-ins was not run", "arguments.limit");
        assertThat(toldTheModel("schema-invalid")).contains("arguments.limit");
        assertThat(world.cloud().graphRequests(tenant().id())).as("nothing was sent").isEmpty();
    }

    @Test
    void aSecretPassedAsAnArgumentIsRefusedAndKeptNowhere() throws Exception {
        long ticket = diagnose("secret-argument", new Call("m365__get-user",
                "{\"user\":\"dana@contoso.example\",\"password\":\"" + SECRET + "\"}"));

        JsonNode call = call(ticket, "m365:get-user");
        assertThat(call.path("outcome").asText()).isEqualTo("failed");
        assertThat(call.path("summary").asText()).contains("arguments.password is not an argument of this tool");
        assertThat(call.path("arguments").path("password").asText()).isEqualTo("[redacted]");
        assertThat(world.cloud().graphRequests(tenant().id())).isEmpty();
        assertThat(world.activityOf(KIND, ticket)).allSatisfy(e -> assertThat(e.toString()).doesNotContain(SECRET));
        assertThat(world.psa(KIND).notesOf(ticket)).allSatisfy(n -> assertThat(n.toString()).doesNotContain(SECRET));
        assertThat(LOGS.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(SECRET));
    }

    @Test
    void aToolNobodyOffersIsNeverRunAndTheModelIsToldSo() throws Exception {
        long ticket = diagnose("unknown-tool", new Call("m365__format-disk", "{\"user\":\"dana@contoso.example\"}"));

        assertThat(toldTheModel("unknown-tool")).contains("unknown tool 'm365__format-disk'");
        assertThat(world.activityOf(KIND, ticket)).noneMatch(e -> e.path("tool").asText().contains("format-disk"));
        assertThat(world.cloud().graphRequests(tenant().id())).isEmpty();
    }

    @Test
    void aUserTheTenantDoesNotHaveIsNotFoundAndNothingChanges() throws Exception {
        long ticket = diagnose("unknown-user", new Call("m365__get-user", "{\"user\":\"nobody@contoso.example\"}"),
                new Call("m365__block-sign-in", "{\"user\":\"nobody@contoso.example\"}"));

        JsonNode read = call(ticket, "m365:get-user");
        assertThat(read.path("outcome").asText()).isEqualTo("failed");
        assertThat(read.path("summary").asText()).containsIgnoringCase("nobody@contoso.example")
                .containsIgnoringCase("not found");
        assertThat(call(ticket, "m365:block-sign-in").path("outcome").asText()).isEqualTo("refused_by_mode");
        assertThat(world.cloud().changes()).isEmpty();
    }

    @Test
    void aMalformedUserPrincipalNameNeverReachesGraph() throws Exception {
        long ticket = diagnose("malformed-upn", new Call("m365__get-user", "{\"user\":\"dana@@contoso..example\"}"));

        JsonNode call = call(ticket, "m365:get-user");
        assertThat(call.path("outcome").asText()).isEqualTo("failed");
        assertThat(call.path("summary").asText()).contains("arguments.user must match");
        assertThat(toldTheModel("malformed-upn")).contains("arguments.user must match");
        assertThat(world.cloud().graphRequests(tenant().id())).isEmpty();
    }

    @Test
    void aClientMappedToNoTenantGetsAClearErrorAndNoTenantIsCalled() throws Exception {
        String slug = PlanModeWorld.slugOf(KIND);
        assertThat(world.api("DELETE", "/api/v1/clients/" + slug + "/mappings/m365", null).statusCode())
                .isEqualTo(204);
        try {
            long ticket = diagnose("no-tenant", new Call("m365__get-user", "{\"user\":\"dana@contoso.example\"}"));

            JsonNode call = call(ticket, "m365:get-user");
            assertThat(call.path("outcome").asText()).isEqualTo("failed");
            assertThat(call.path("summary").asText())
                    .contains("not mapped to a Microsoft 365 customer tenant");
            assertThat(world.cloud().requests()).noneMatch(r -> r.tenant() != null
                    && !r.tenant().equals(FakeMicrosoftCloud.PARTNER_TENANT));
        } finally {
            assertThat(world.api("PUT", "/api/v1/clients/" + slug + "/mappings/m365",
                    "{\"externalId\":\"" + tenant().id() + "\"}").statusCode()).isEqualTo(200);
        }
    }
}
