package dev.steward.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.adapter.m365.FakeMicrosoftCloud;
import dev.steward.adapter.m365.FakeTenant;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.msp.Msp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;

/**
 * The real server (embedded PostgreSQL in a fresh data directory, in-process runtime) with stub PSAs connected for its
 * MSP over the integrations API, one plan-mode client per PSA mapped to company {@value #COMPANY}, and the MSP-wide
 * Microsoft 365 integration (the real {@code m365} provider) connected over the API against {@link FakeMicrosoftCloud},
 * each client mapped over the API to a customer tenant of its own whose user is the tickets' requester.
 */
final class PlanModeWorld implements AutoCloseable {

    static final long COMPANY = 250;
    private static final AtomicLong TICKET_IDS = new AtomicLong(51_000);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, String> environment;
    private StewardServer server;
    private ApiCaller api;
    private final Msp msp;
    private final Map<String, StubPsa> psas = new LinkedHashMap<>();
    private final FakeMicrosoftCloud cloud = new FakeMicrosoftCloud();
    private final Map<String, FakeTenant> tenants = new LinkedHashMap<>();
    private String cloudUrl;
    private final List<WireMockServer> wiremocks = new ArrayList<>();

    private PlanModeWorld(Map<String, String> environment, StewardServer server) {
        this.environment = environment;
        this.server = server;
        this.api = ApiCaller.of(server);
        this.msp = server.defaultMsp();
    }

    /** Starts the server with {@code environment} on top of the embedded defaults, then connects {@code stubs}. */
    static PlanModeWorld start(Map<String, String> environment, List<StubPsa> stubs) throws Exception {
        // the timed runs send hundreds of deliveries for one MSP within seconds, far above the default rate
        Map<String, String> env = new HashMap<>(Map.of("STEWARD_HTTP_PORT", "0", "STEWARD_RECONCILE_DUE_MS", "50",
                "STEWARD_DATA_DIR", Files.createTempDirectory("steward-plan-mode").toString(),
                "STEWARD_WEBHOOK_DELIVERIES_PER_MINUTE", "1000000"));
        env.putAll(environment);
        PlanModeWorld world = new PlanModeWorld(Map.copyOf(env), StewardServer.start(StewardConfig.from(env)));
        try {
            world.connectM365();
            for (StubPsa stub : stubs) {
                world.connect(stub);
            }
            return world;
        } catch (Exception | AssertionError e) {
            world.close();
            throw e;
        }
    }

    /** A stub WireMock serves on a free port (stopped with the world). */
    static WireMockServer serve(com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2 stub,
                                List<WireMockServer> into) {
        WireMockServer wiremock = new WireMockServer(wireMockConfig().dynamicPort().extensions(stub));
        wiremock.start();
        wiremock.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(stub.getName())));
        into.add(wiremock);
        return wiremock;
    }

    private void connectM365() throws Exception {
        cloudUrl = serve(cloud, wiremocks).baseUrl();
        String graph = cloudUrl;
        connect("m365", Map.of("tenant", FakeMicrosoftCloud.PARTNER_DOMAIN, "clientId", FakeMicrosoftCloud.CLIENT_ID,
                "clientSecret", FakeMicrosoftCloud.CLIENT_SECRET, "authorityUrl", graph, "graphUrl", graph));
    }

    private void connect(StubPsa stub) throws Exception {
        stub.serveAt(serve(stub, wiremocks).baseUrl());
        psas.put(stub.kind(), stub);
        connect(stub.kind(), stub.settings());
        aPlanModeClientMappedTo(stub.kind());
        mapToItsOwnTenant(stub.kind());
    }

    /** A customer tenant of the partner whose user Dana is the requester of this client's tickets. */
    private void mapToItsOwnTenant(String kind) throws Exception {
        FakeTenant tenant = cloud.addCustomer("Contoso (" + kind + ")", "contoso.example");
        String dana = tenant.addUser("dana", "Dana Reyes");
        tenant.addMethod(dana, "microsoftAuthenticatorAuthenticationMethod", "Pixel 8");
        tenants.put(kind, tenant);
        HttpResponse<String> mapped = api.send("PUT", "/api/v1/clients/" + slugOf(kind) + "/mappings/m365",
                "{\"externalId\":\"" + tenant.id() + "\"}");
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
    }

    /** Connects an MSP-wide integration over the API, each value under settings or secrets as its kind says. */
    void connect(String kind, Map<String, String> values) throws Exception {
        IntegrationKind spec = server.component(IntegrationKinds.class).kind(kind).orElseThrow();
        var body = StubPsa.JSON.createObjectNode().put("kind", kind);
        var settings = body.putObject("settings");
        var secrets = body.putObject("secrets");
        values.forEach((key, value) -> (spec.setting(key).orElseThrow().secret() ? secrets : settings)
                .put(key, value));
        HttpResponse<String> connected = api.send("POST", "/api/v1/integrations", body.toString());
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
    }

    static String slugOf(String kind) {
        return kind + "-client";
    }

    /** Created over the API, put in plan mode over the API, then mapped to the PSA company. */
    private void aPlanModeClientMappedTo(String kind) throws Exception {
        String slug = slugOf(kind);
        assertThat(api.send("POST", "/api/v1/clients", "{\"name\":\"" + kind + " client\",\"slug\":\"" + slug + "\"}")
                .statusCode()).isEqualTo(201);
        // a container on the Docker or Swarm runtime takes longer than a virtual thread, and much longer on a loaded machine
        await().atMost(DockerSupport.AGENT_START).until(() ->
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

    /** One of the running control plane's components (its store's Jdbi, say), for measurements. */
    <T> T component(Class<T> type) {
        return server.component(type);
    }

    /** A call to the server's API as the MSP's technician. */
    HttpResponse<String> api(String method, String path, String json) throws Exception {
        return api.send(method, path, json);
    }

    StubPsa psa(String kind) {
        return psas.get(kind);
    }

    /** The Microsoft cloud the m365 integration talks to. */
    FakeMicrosoftCloud cloud() {
        return cloud;
    }

    /** Where the stub serves both the sign-in authority and Graph. */
    String cloudUrl() {
        return cloudUrl;
    }

    /** The customer tenant the PSA's client is mapped to. */
    FakeTenant tenantOf(String kind) {
        return tenants.get(kind);
    }

    /** A new open ticket of the mapped company in the stub PSA. */
    long newTicket(String kind, String summary) {
        return newTicket(kind, summary, "dana@contoso.example");
    }

    /** A new open ticket of the mapped company in the stub PSA, raised by {@code requester}. */
    long newTicket(String kind, String summary, String requester) {
        return psa(kind).seed(TICKET_IDS.incrementAndGet(), COMPANY, summary, requester);
    }

    /** Serves {@code stub} on a free port until the world closes; its base URL. */
    String serve(com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2 stub) {
        return serve(stub, wiremocks).baseUrl();
    }

    /** The running control plane. */
    StewardServer server() {
        return server;
    }

    /** POSTs the delivery as the PSA would: no Steward credentials, only the PSA's own signature or secret. */
    HttpResponse<String> webhook(String kind, StubPsa.Delivery delivery) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/hooks/psa/" + msp.id() + "/" + kind)).timeout(Duration.ofSeconds(10));
        return HTTP.send(delivery.applyTo(request).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The ticket's activity as the API serves it, newest first. */
    List<JsonNode> activityOf(String kind, long ticket) throws Exception {
        JsonNode page = StubPsa.JSON.readTree(api.send("GET", "/api/v1/clients/" + slugOf(kind) + "/activity?ticket="
                + ticket + "&limit=100", null).body());
        return StreamSupport.stream(page.path("items").spliterator(), false).toList();
    }

    /** One new ticket, its webhook POSTed → its one internal note stored by the stub; the elapsed microseconds. */
    long webhookToNoteMicros(String kind, String summary) throws Exception {
        StubPsa psa = psa(kind);
        long ticket = newTicket(kind, summary);
        StubPsa.Delivery delivery = psa.ticketCreated(ticket);
        long started = System.nanoTime();
        assertThat(webhook(kind, delivery).statusCode()).isEqualTo(202);
        long noted = psa.firstNote(ticket).get(60, TimeUnit.SECONDS);
        assertThat(psa.notesOf(ticket)).singleElement().satisfies(n -> assertThat(psa.internal(n)).isTrue());
        return (noted - started) / 1_000;
    }

    /** {@code tickets} timed runs after 10 warm-up ones (JIT, pools, the adapters' token/zone/picklist caches). */
    List<Long> timeWebhookToNote(String kind, String summary, int tickets) throws Exception {
        for (int i = 0; i < 10; i++) {
            webhookToNoteMicros(kind, summary);
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            micros.add(webhookToNoteMicros(kind, summary));
        }
        return micros.stream().sorted().toList();
    }

    /** Nearest-rank percentile of sorted microseconds. */
    static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
    }

    /** Stops the control plane and starts it again on the same data directory and port (its agents stay up). */
    void restartControlPlane() throws Exception {
        server.close();
        server = StewardServer.start(StewardConfig.from(environment));
        api = ApiCaller.of(server);
    }

    /** Stops the control plane (its agents stay up); {@link #startControlPlane} brings it back. */
    void stopControlPlane() {
        server.close();
    }

    void startControlPlane() throws Exception {
        server = StewardServer.start(StewardConfig.from(environment));
        api = ApiCaller.of(server);
    }

    @Override
    public void close() {
        wiremocks.forEach(WireMockServer::stop);
        server.close();
    }
}
