package dev.steward.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import dev.steward.application.inmemory.InMemoryAgentCheckIns;
import dev.steward.application.inmemory.InMemoryAgentCredentials;
import dev.steward.application.inmemory.InMemoryClientRepository;
import dev.steward.application.inmemory.InMemoryMetricsRecorder;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.provisioning.ProvisioningReconciler;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.Client;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The speed claims of docs/benchmarks.md ("Docker runtime"), measured on the real engine. Slow and heavy (it starts
 * 1,000 containers), so it runs only on request:
 * {@code ./mvnw -pl adapters-docker -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=DockerRuntimeBenchmarkIT -Dsteward.bench=true [-Dsteward.bench.clients=1000]}.
 */
@EnabledIfSystemProperty(named = "steward.bench", matches = "true")
class DockerRuntimeBenchmarkIT {

    private static final int STARTS = 10;
    private static DockerClient docker;

    @BeforeAll
    static void connect() {
        docker = TestEngine.connect();
        TestEngine.ensureTestImage(docker);
    }

    @AfterAll
    static void removeEverything() {
        List<Container> left = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(ContainerLabels.ofInstallation(DockerSettings.DEFAULT_INSTALLATION)).exec();
        long start = System.nanoTime();
        for (Container container : left) {
            docker.removeContainerCmd(container.getId()).withForce(true).exec();
        }
        System.out.printf("BENCH teardown: %d containers removed in %d ms%n", left.size(), millisSince(start));
    }

    /** ensure() until observe() says READY, against create+start of the same image and health check until healthy. */
    @Test
    void ensureToReadyStaysWithinOneAndAHalfTimesABareDockerRun() {
        DockerSettings settings = TestEngine.settings(TestEngine.host());
        DockerAgentRuntime runtime = new DockerAgentRuntime(docker, settings, new InMemoryAgentCredentials(),
                Clock.systemUTC());
        bareRunUntilHealthy(settings); // warm-up
        List<Long> bare = new ArrayList<>();
        List<Long> ours = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            bare.add(bareRunUntilHealthy(settings));
            AgentSpec spec = new AgentSpec(new dev.steward.domain.client.ClientId(java.util.UUID.randomUUID()),
                    Fixtures.uniqueMspId(), Fixtures.uniqueSlug(), 1);
            long start = System.nanoTime();
            runtime.ensure(spec);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> runtime.observe().stream().anyMatch(a -> a.client().equals(spec.client())
                            && a.runs(1)));
            ours.add(millisSince(start));
            runtime.destroy(spec.client());
        }
        long bareMedian = median(bare);
        long oursMedian = median(ours);
        System.out.printf("BENCH start: bare docker create+start until healthy median %d ms %s; "
                + "DockerAgentRuntime.ensure until observed READY median %d ms %s; ratio %.2f%n",
                bareMedian, bare, oursMedian, ours, (double) oursMedian / bareMedian);
        assertThat(oursMedian).isLessThanOrEqualTo(Math.round(bareMedian * 1.5));
    }

    private static long bareRunUntilHealthy(DockerSettings settings) {
        long start = System.nanoTime();
        String id = TestEngine.run(List.of("docker", "run", "-d", "--init", "--health-cmd",
                settings.healthCommand(), "--health-interval", settings.healthInterval().toMillis() + "ms",
                "--health-retries", "3", "--health-start-period", "30s", TestEngine.IMAGE), null).strip();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> "healthy".equals(docker.inspectContainerCmd(id).exec().getState().getHealth()
                        .getStatus()));
        long took = millisSince(start);
        docker.removeContainerCmd(id).withForce(true).exec();
        return took;
    }

    /**
     * A full reconciler pass over N converged clients: one engine list call, no other engine call, under 2 s. The
     * containers are made directly with our labels (an idle {@code sleep}, no health check), as {@code ensure} would
     * leave them once healthy, so that setting up 1,000 of them does not swamp a small machine with health checks.
     */
    @Test
    void reconcilingConvergedClientsTakesOneListCall() {
        int count = Integer.getInteger("steward.bench.clients", 1_000);
        Map<String, AtomicInteger> engineCalls = new ConcurrentHashMap<>();
        DockerAgentRuntime runtime = new DockerAgentRuntime(counting(docker, engineCalls),
                TestEngine.settings(TestEngine.host()), new InMemoryAgentCredentials(), Clock.systemUTC());
        InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
        InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
        long createStart = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Client client = clients.add(Fixtures.aClient().active().build());
            AgentSpec spec = new AgentSpec(client.id(), client.msp(), client.slug(), client.configVersion());
            String id = docker.createContainerCmd(TestEngine.IMAGE).withName(ContainerLabels.containerName(spec))
                    .withLabels(ContainerLabels.of(spec, DockerSettings.DEFAULT_INSTALLATION)).withCmd("sleep", "86400")
                    .withHostConfig(HostConfig.newHostConfig().withInit(true).withMemory(16L << 20)).exec().getId();
            docker.startContainerCmd(id).exec();
        }
        System.out.printf("BENCH setup: %d labelled agent containers created and started in %d ms%n", count,
                millisSince(createStart));
        ProvisioningReconciler reconciler = new ProvisioningReconciler(clients, runtime, new InMemoryAgentCheckIns(),
                unitOfWork, Clock.systemUTC(), new InMemoryMetricsRecorder());
        reconciler.reconcileAll(); // warm-up
        List<Long> passes = new ArrayList<>();
        int changed = 0;
        engineCalls.clear();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            changed += reconciler.reconcileAll();
            passes.add(millisSince(start));
        }
        System.out.printf("BENCH reconcile: %d converged clients, full pass median %d ms %s, engine calls over 5"
                + " passes %s, clients changed %d%n", count, median(passes), passes, engineCalls, changed);
        assertThat(changed).isZero();
        assertThat(engineCalls).containsOnlyKeys("listContainersCmd");
        assertThat(engineCalls.get("listContainersCmd").get()).isEqualTo(5);
        assertThat(median(passes)).isLessThan(2_000);
    }

    /** Counts the engine commands the runtime builds (each command built is one engine call). */
    private static DockerClient counting(DockerClient docker, Map<String, AtomicInteger> calls) {
        return (DockerClient) Proxy.newProxyInstance(DockerClient.class.getClassLoader(),
                new Class<?>[] {DockerClient.class}, (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), name -> new AtomicInteger()).incrementAndGet();
                    try {
                        return method.invoke(docker, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
