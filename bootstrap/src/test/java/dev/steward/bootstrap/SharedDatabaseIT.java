package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.application.client.CreateClientCommand;
import dev.steward.application.client.ListClientsQuery;
import dev.steward.application.diagnostics.GetDiagnosticsUseCase;
import dev.steward.domain.agent.AgentLiveness;
import dev.steward.domain.diagnostics.Diagnostics.HealthState;
import dev.steward.application.inprocess.InProcessAgentRuntime;
import dev.steward.application.msp.ListMspsUseCase;
import dev.steward.application.port.agent.WorkQueue;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.domain.client.Client;
import dev.steward.domain.work.WorkItem;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.StatusChange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several control planes (here in one JVM, each with its own injector, pool and HTTP server) on one external
 * PostgreSQL, as an operator runs them: bugs 8, 10, 11 and 12 of issue 14. The separate-process kill test is
 * {@link MultiInstanceKillIT}.
 */
class SharedDatabaseIT {

    private static SharedPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = SharedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    private static StewardServer start(String url) {
        return StewardServer.start(StewardConfig.from(SharedPostgres.environment(url)));
    }

    /** Bug 10: two instances starting at once on an empty database crashed now and then, or made two first MSPs. */
    @Test
    void twoInstancesStartingAtOnceOnAnEmptyDatabaseMakeOneMspAndOneAdminAndBothRun() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            String url = postgres.newDatabase();
            List<StewardServer> servers = new ArrayList<>();
            try (ExecutorService starting = Executors.newFixedThreadPool(2)) {
                Callable<StewardServer> start = () -> start(url);
                List<Future<StewardServer>> both = List.of(starting.submit(start), starting.submit(start));
                for (Future<StewardServer> server : both) {
                    servers.add(server.get(180, TimeUnit.SECONDS));
                }
                assertThat(servers.stream().filter(s -> s.firstAdmin().isPresent())).as("first admins").hasSize(1);
                assertThat(servers.getFirst().component(ListMspsUseCase.class).list()).as("MSPs").hasSize(1);
                assertThat(servers.get(0).defaultMsp()).isEqualTo(servers.get(1).defaultMsp());
            } finally {
                servers.forEach(StewardServer::close);
            }
        }
    }

    /** Bug 12: another instance accepted a revoked token for writes for up to 5 s. */
    @Test
    void aTokenRevokedOnOneInstanceIsRefusedForWritesByTheOtherAtOnce() throws Exception {
        String url = postgres.newDatabase();
        try (StewardServer a = start(url); StewardServer b = start(url)) {
            String token = ApiCaller.issueToken(a);
            ApiCaller onA = ApiCaller.at(a.port(), token);
            ApiCaller onB = ApiCaller.at(b.port(), token);
            assertThat(onB.send("GET", "/api/v1/clients", null).statusCode()).as("B remembers the caller")
                    .isEqualTo(200);
            String id = a.useCases().apiTokens().list(a.defaultMsp().id()).getFirst().id().toString();

            assertThat(onA.send("DELETE", "/api/v1/tokens/" + id, null).statusCode()).isEqualTo(200);
            HttpResponse<String> write = onB.send("POST", "/api/v1/clients", "{\"name\":\"Acme\",\"slug\":\"acme\"}");

            assertThat(write.statusCode()).as(write.body()).isEqualTo(401);
            assertThat(b.useCases().listClients().list(ListClientsQuery.firstPage(b.defaultMsp().id())).items())
                    .isEmpty();
        }
    }

    /** Bug 8: with the in-process runtime each instance ran its own agent for every client and re-provisioned. */
    @Test
    void twoInstancesRunEachClientsAgentOnceAndNeverReprovisionEachOthers() {
        String url = postgres.newDatabase();
        try (StewardServer a = start(url); StewardServer b = start(url)) {
            for (int i = 0; i < 20; i++) {
                (i % 2 == 0 ? a : b).useCases().createClient()
                        .create(new CreateClientCommand(a.defaultMsp().id(), "Client " + i, "client-" + i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> a.useCases().listClients()
                    .list(ListClientsQuery.firstPage(a.defaultMsp().id())).items().stream()
                    .allMatch(c -> c.client().status() == AgentStatus.ACTIVE));
            InProcessAgentRuntime onA = a.component(InProcessAgentRuntime.class);
            InProcessAgentRuntime onB = b.component(InProcessAgentRuntime.class);
            // several full passes of both instances (every 500 ms here)
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);

            assertThat(onA.runningHere() + onB.runningHere()).as("agents running for 20 clients").isEqualTo(20);
            for (int i = 0; i < 20; i++) {
                List<StatusChange> history = a.useCases().history().history(a.defaultMsp().id(), "client-" + i);
                assertThat(history).as("client-%d provisioned once, never again", i)
                        .filteredOn(change -> change.to() == AgentStatus.PROVISIONING).hasSize(1);
            }
        }
    }

    /**
     * Issue 14: agents are judged alive by their check-ins, which are in PostgreSQL, so each instance sees the
     * check-ins the other received: past the 50 s limit, neither instance takes the other's agents for silent.
     */
    @Test
    void eachInstanceSeesTheCheckInsTheOtherReceivedAndNeitherTakesTheOthersAgentsForSilent() throws Exception {
        String url = postgres.newDatabase();
        try (StewardServer a = start(url); StewardServer b = start(url)) {
            for (int i = 0; i < 6; i++) {
                (i % 2 == 0 ? a : b).useCases().createClient()
                        .create(new CreateClientCommand(a.defaultMsp().id(), "Heard " + i, "heard-" + i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> a.useCases().listClients()
                    .list(ListClientsQuery.firstPage(a.defaultMsp().id())).items().stream()
                    .allMatch(c -> c.client().status() == AgentStatus.ACTIVE));
            assertThat(a.component(InProcessAgentRuntime.class).runningHere()).as("agents on A").isPositive();
            assertThat(b.component(InProcessAgentRuntime.class).runningHere()).as("agents on B").isPositive();
            Instant settled = Instant.now();

            Thread.sleep(AgentLiveness.DEFAULT.limit().plusSeconds(10).toMillis());

            for (int i = 0; i < 6; i++) {
                String slug = "heard-" + i;
                assertThat(a.useCases().history().history(a.defaultMsp().id(), slug))
                        .as("status changes of %s since all were active", slug)
                        .filteredOn(change -> change.at().isAfter(settled)).isEmpty();
                for (StewardServer judge : List.of(a, b)) {
                    assertThat(judge.component(GetDiagnosticsUseCase.class).diagnose(a.defaultMsp().id(), slug, 1)
                            .health().state()).as("%s as each instance's diagnostics see it", slug)
                            .isEqualTo(HealthState.HEALTHY);
                }
            }
        }
    }

    /** Bug 11: /health stayed 200 with PostgreSQL down, and requests hung for the pool's 30 s. */
    @Test
    void whileTheDatabaseIsDownReadinessFailsAndRequestsFailFast() throws Exception {
        SharedPostgres own = SharedPostgres.start();
        String url = own.newDatabase();
        try (StewardServer server = start(url)) {
            ApiCaller api = ApiCaller.of(server);
            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(200);

            own.stopServer();

            await().atMost(Duration.ofSeconds(30)).until(() -> get(server, "/health/ready").statusCode() == 503);
            assertThat(get(server, "/health/ready").body()).contains("the database does not answer");
            assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
            assertThat(get(server, "/health").statusCode()).isEqualTo(200);
            long started = System.nanoTime();
            HttpResponse<String> write = api.send("POST", "/api/v1/clients", "{\"name\":\"Acme\",\"slug\":\"acme\"}");
            assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("failed fast, not after 30 s")
                    .isLessThan(Duration.ofSeconds(15));
        } finally {
            own.close();
        }
    }

    /**
     * Issue 14 item 2: a waiting long poll no longer reads the store every second; work queued through another
     * instance reaches it by this instance's sweep for all of its waiting polls ({@code WorkTiming.sweep}, 1 s), so
     * within 2.5 s here. (Without the sweep it would wait for the poll's own re-check, 10 s, or the agent's next long
     * poll, up to its 5 s heartbeat: five rounds in a row within 2.5 s would not happen.)
     */
    @Test
    void workQueuedThroughOneInstanceReachesTheAgentPollingTheOtherWithinTheSweep() {
        String url = postgres.newDatabase();
        try (StewardServer a = start(url); StewardServer b = start(url)) {
            Client client = a.useCases().createClient().create(new CreateClientCommand(a.defaultMsp().id(), "Acme",
                    "acme")).client();
            await().atMost(Duration.ofSeconds(60)).until(() -> a.component(InProcessAgentRuntime.class)
                    .worker(client.id()).isPresent() || b.component(InProcessAgentRuntime.class).worker(client.id())
                    .isPresent());
            // queued where the agent does not run: that instance's signal reaches no poll
            StewardServer elsewhere = a.component(InProcessAgentRuntime.class).worker(client.id()).isPresent() ? b : a;
            Jdbi store = elsewhere.component(Jdbi.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.withHandle(h -> h.createQuery(
                    "select status from clients where id = :id").bind("id", client.id().value()).mapTo(String.class)
                    .one()).equals("active"));
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true); // the agent back in its long poll
            List<Duration> reached = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                UUID item = UUID.randomUUID();
                long queued = System.nanoTime();
                elsewhere.component(UnitOfWork.class).run(() -> elsewhere.component(WorkQueue.class).add(
                        WorkItem.newTicket(item, client.msp(), client.id(), UUID.randomUUID(), 1, "round " + item,
                                Instant.now())));
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> store
                        .withHandle(h -> h.createQuery("select deliveries from work_items where id = :id")
                                .bind("id", item).mapTo(Integer.class).one()) > 0);
                reached.add(Duration.ofNanos(System.nanoTime() - queued));
            }
            System.out.println("work queued on one instance reached the agent polling the other after " + reached);
            assertThat(reached).as("each round within the sweep").allMatch(d -> d.compareTo(Duration.ofMillis(2500))
                    < 0);
        }
    }

    private static HttpResponse<String> get(StewardServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
