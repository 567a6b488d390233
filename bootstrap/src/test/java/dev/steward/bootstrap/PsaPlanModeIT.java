package dev.steward.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.adapter.psa.ConnectedPsas;
import dev.steward.application.inmemory.InMemoryToolExecutor;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.IntegrationRepository;
import dev.steward.application.port.ToolExecutor;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.msp.Msp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5's "done means", through the real server (embedded PostgreSQL, in-process runtime, runbook reasoner): for
 * each of ConnectWise, HaloPSA and Autotask, a stub of the PSA's API connected for the MSP, a client in plan mode
 * mapped to the PSA company, and a signed webhook POSTed to {@code /hooks/psa/{msp}/{kind}} → exactly one internal
 * note on the ticket, and the activity API shows the request, the read-only tool calls and the note; a replayed
 * webhook adds nothing. Then webhook → note over 200 tickets per PSA, p50/p99 printed (docs/benchmarks.md).
 */
class PsaPlanModeIT {

    static final long COMPANY = 250;
    static final int TIMED_TICKETS = 200;
    private static final AtomicLong TICKET_IDS = new AtomicLong(51_000);
    private static final Map<String, StubPsa> STUBS = new LinkedHashMap<>();
    private static final List<WireMockServer> WIREMOCKS = new ArrayList<>();

    private static StewardServer server;
    private static ServerApi api;
    private static Msp msp;
    private static InMemoryToolExecutor tools;

    @BeforeAll
    static void start() throws Exception {
        server = StewardServer.start(StewardConfig.from(Map.of("STEWARD_HTTP_PORT", "0",
                "STEWARD_RECONCILE_DUE_MS", "50",
                "STEWARD_DATA_DIR", Files.createTempDirectory("steward-psa-e2e").toString())));
        api = new ServerApi(server);
        msp = server.defaultMsp();
        connectM365();
        for (StubPsa stub : List.of(new StubConnectWise(), new StubHaloPsa(), new StubAutotask())) {
            WireMockServer wiremock = new WireMockServer(wireMockConfig().dynamicPort().extensions(stub));
            wiremock.start();
            wiremock.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(stub.getName())));
            WIREMOCKS.add(wiremock);
            stub.serveAt(wiremock.baseUrl());
            STUBS.put(stub.kind(), stub);
            // the integrations API is not built yet: connect the PSA the way it will, through ConnectedPsas
            server.component(ConnectedPsas.class).connect(msp.id(), stub.kind(), stub.settings());
            aPlanModeClientMappedTo(stub.kind());
        }
    }

    @AfterAll
    static void stop() {
        WIREMOCKS.forEach(WireMockServer::stop);
        if (server != null) {
            server.close();
        }
    }

    /** An MSP-wide Microsoft 365 integration whose tools answer in process (no tool adapter exists yet). */
    private static void connectM365() {
        List<Tool> m365 = List.of(Tool.readOnly("m365:get-user", "Read a user"),
                Tool.readOnly("m365:list-auth-methods", "List a user's sign-in methods"),
                Tool.write("m365:revoke-sessions", "Revoke a user's sign-in sessions"),
                Tool.write("m365:reset-password", "Reset a user's password"));
        tools = (InMemoryToolExecutor) server.component(ToolExecutor.class);
        m365.forEach(t -> tools.register(t.name(), args -> t.name().action() + " for " + args.get("user") + ": fine"));
        server.component(IntegrationRepository.class).add(Integration.connect(new IntegrationId(UUID.randomUUID()),
                msp.id(), Optional.empty(), "m365", m365, Map.of(), Instant.now()));
    }

    private static String slugOf(String kind) {
        return kind + "-client";
    }

    /** Created over the API, put in plan mode over the API, then mapped to the PSA company (no API for that yet). */
    private static void aPlanModeClientMappedTo(String kind) throws Exception {
        String slug = slugOf(kind);
        assertThat(api.send("POST", "/api/v1/clients", "{\"name\":\"" + kind + " client\",\"slug\":\"" + slug + "\"}")
                .statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.send("GET", "/api/v1/clients/" + slug, null).body().contains("\"status\":\"active\""));
        assertThat(api.send("PUT", "/api/v1/clients/" + slug + "/mode", "{\"mode\":\"plan\"}").statusCode())
                .isEqualTo(200);
        ClientRepository clients = server.component(ClientRepository.class);
        // the reconciler redeploys after the mode change and may bump the version in between: re-read and retry
        await().atMost(Duration.ofSeconds(30)).ignoreException(Conflict.class).until(() -> {
            Client client = clients.find(msp.id(), new Slug(slug)).orElseThrow();
            clients.update(client.withPsaMapping(Optional.of(new PsaMapping(kind, Long.toString(COMPANY)))));
            return true;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"connectwise", "halopsa", "autotask"})
    void aSignedWebhookEndsWithExactlyOneInternalNoteAndAFullActivityTrail(String kind) throws Exception {
        StubPsa psa = STUBS.get(kind);
        long ticket = psa.seed(TICKET_IDS.incrementAndGet(), COMPANY, "Outlook keeps asking for password",
                "dana@contoso.example");
        StubPsa.Delivery delivery = psa.ticketCreated(ticket);

        assertThat(webhook(kind, delivery).statusCode()).isEqualTo(202);
        psa.firstNote(ticket).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> activityOf(kind, ticket).size() == 4);

        List<ObjectNode> notes = psa.notesOf(ticket);
        assertThat(notes).singleElement().satisfies(note -> assertThat(psa.internal(note)).isTrue());
        assertThat(notes.getFirst().toString()).contains("Plan (not executed: plan mode)")
                .contains("m365:reset-password");
        List<JsonNode> oldestFirst = activityOf(kind, ticket).reversed();
        assertThat(oldestFirst).extracting(e -> e.path("kind").asText())
                .containsExactly("request", "tool-call", "tool-call", "note");
        assertThat(oldestFirst.getFirst().path("summary").asText()).contains("Outlook keeps asking for password");
        assertThat(oldestFirst.subList(1, 3)).extracting(e -> e.path("tool").asText() + " " + e.path("outcome").asText())
                .containsExactly("m365:get-user ok", "m365:list-auth-methods ok");
        assertThat(tools.executed()).allSatisfy(call -> assertThat(call.tool().value())
                .isIn("m365:get-user", "m365:list-auth-methods"));

        int readsBeforeReplay = psa.reads(ticket);
        assertThat(webhook(kind, delivery).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> psa.reads(ticket) > readsBeforeReplay);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() ->
                psa.notesOf(ticket).size() == 1 && activityOf(kind, ticket).size() == 4);

        StubPsa.Delivery forged = delivery.with(psa.authenticationHeader(), "Basic c3Rld2FyZDpndWVzcw==");
        assertThat(webhook(kind, forged).statusCode()).as("a forged delivery").isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"connectwise", "halopsa", "autotask"})
    void webhookToNoteOverTwoHundredTickets(String kind) throws Exception {
        StubPsa psa = STUBS.get(kind);
        for (int i = 0; i < 10; i++) {
            timedTicket(kind, psa); // warm-up: JIT, connection pools, the adapter's token/zone/picklist caches
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < TIMED_TICKETS; i++) {
            micros.add(timedTicket(kind, psa));
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("%s webhook -> internal note over %d tickets (real server, embedded PostgreSQL, runbook "
                        + "reasoner): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", kind, sorted.size(),
                sorted.get(sorted.size() / 2 - 1) / 1000.0, sorted.get(sorted.size() * 99 / 100 - 1) / 1000.0,
                sorted.getLast() / 1000.0);
        assertThat(sorted.get(sorted.size() * 99 / 100 - 1)).as("p99 in microseconds, generous for a loaded machine")
                .isLessThan(Duration.ofSeconds(10).toNanos() / 1_000);
    }

    /** One ticket, webhook POSTed → its one internal note stored by the stub; the elapsed microseconds. */
    private static long timedTicket(String kind, StubPsa psa) throws Exception {
        long ticket = psa.seed(TICKET_IDS.incrementAndGet(), COMPANY, "I am locked out, password expired",
                "dana@contoso.example");
        StubPsa.Delivery delivery = psa.ticketCreated(ticket);
        long started = System.nanoTime();
        assertThat(webhook(kind, delivery).statusCode()).isEqualTo(202);
        long noted = psa.firstNote(ticket).get(30, TimeUnit.SECONDS);
        assertThat(psa.notesOf(ticket)).singleElement().satisfies(n -> assertThat(psa.internal(n)).isTrue());
        return (noted - started) / 1_000;
    }

    private static HttpResponse<String> webhook(String kind, StubPsa.Delivery delivery) throws Exception {
        HttpRequest request = delivery.applyTo(api.request("/hooks/psa/" + msp.id() + "/" + kind)).build();
        return api.http().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The ticket's activity as the API serves it, newest first. */
    private static List<JsonNode> activityOf(String kind, long ticket) throws Exception {
        JsonNode page = StubPsa.JSON.readTree(api.send("GET", "/api/v1/clients/" + slugOf(kind) + "/activity?ticket="
                + ticket + "&limit=100", null).body());
        return StreamSupport.stream(page.path("items").spliterator(), false).toList();
    }
}
