package dev.steward.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import dev.steward.application.inmemory.InMemoryAgentCredentials;
import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.port.runtime.ObservedAgent;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.diagnostics.Diagnostics.LogLine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Swarm runtime on two nodes (this machine's engine as manager, a second engine in its own network namespace as
 * worker, images from a registry; see {@code .ci/two-node-swarm.sh}): placement, logs and the token secret on the
 * worker, draining it, a missing image, one update per change, and restarts Swarm does on its own.
 */
class SwarmTwoNodeIT {

    private static final String CONTROL_PLANE_URL = "http://10.216.0.1:8080";
    private static DockerClient docker;
    private static DockerClient worker;
    private static TwoNodeSwarm swarm;
    private static String image;
    private final Tokens credentials = new Tokens();
    private final List<ClientId> created = new ArrayList<>();
    private final List<SwarmAgentRuntime> runtimes = new ArrayList<>();

    /** Remembers the last token issued per client, to look for it where it must and must not be. */
    static final class Tokens implements AgentCredentials {
        private final InMemoryAgentCredentials delegate = new InMemoryAgentCredentials();
        final Map<ClientId, String> issued = new ConcurrentHashMap<>();

        @Override
        public String issue(ClientId client) {
            return delegate.issue(client);
        }

        /** The runtime exchanges the bootstrap token itself and hands the agent the session token: remember that. */
        @Override
        public Optional<String> exchange(String bootstrapToken) {
            Optional<String> session = delegate.exchange(bootstrapToken);
            session.flatMap(delegate::verify).ifPresent(client -> issued.put(client, session.get()));
            return session;
        }

        @Override
        public Optional<ClientId> verify(String token) {
            return delegate.verify(token);
        }

        @Override
        public void revoke(ClientId client) {
            delegate.revoke(client);
        }
    }

    @BeforeAll
    static void twoNodes() {
        docker = TestEngine.connectToSwarm();
        swarm = TwoNodeSwarm.up();
        worker = swarm.worker();
        image = swarm.push(docker, "issue16-swarm");
    }

    @AfterAll
    static void workerLeaves() {
        if (swarm != null) {
            swarm.down();
        }
    }

    @AfterEach
    void destroyWhatTheTestCreated() {
        SwarmAgentRuntime cleaner = runtimes.isEmpty() ? runtime(image) : runtimes.getFirst();
        created.forEach(cleaner::destroy);
    }

    private SwarmAgentRuntime runtime(String agentImage, String... constraints) {
        DockerSettings settings = TestEngine.settings(TestEngine.host(), CONTROL_PLANE_URL).withImage(agentImage)
                .withMode(DockerSettings.Mode.SWARM).withSwarmConstraints(List.of(constraints));
        SwarmAgentRuntime runtime = new SwarmAgentRuntime(docker, settings, credentials, Clock.systemUTC());
        runtimes.add(runtime);
        return runtime;
    }

    private AgentSpec aSpec(long version) {
        AgentSpec spec = new AgentSpec(new ClientId(UUID.randomUUID()), Fixtures.uniqueMspId(), Fixtures.uniqueSlug(),
                version);
        created.add(spec.client());
        return spec;
    }

    private static ConditionFactory await(Duration patience) {
        return Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(250)).pollDelay(Duration.ZERO)
                .ignoreExceptionsMatching(e -> e instanceof PortFailure && ((PortFailure) e).retryable());
    }

    private static Optional<ObservedAgent> observed(SwarmAgentRuntime runtime, AgentSpec spec) {
        return runtime.observe().stream().filter(agent -> agent.client().equals(spec.client())).findFirst();
    }

    private static Service serviceOf(AgentSpec spec) {
        List<Service> services = docker.listServicesCmd()
                .withLabelFilter(Map.of(ContainerLabels.CLIENT, spec.client().toString())).exec();
        assertThat(services).hasSize(1);
        return services.getFirst();
    }

    private static List<Task> tasksOf(AgentSpec spec) {
        return docker.listTasksCmd().withServiceFilter(serviceOf(spec).getId()).exec();
    }

    private static Task runningTask(AgentSpec spec) {
        return tasksOf(spec).stream().filter(task -> task.getStatus().getState() == TaskState.RUNNING).findFirst()
                .orElseThrow();
    }

    private static String cli(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return TestEngine.run(command, null).strip();
    }

    @Test
    void anAgentPlacedOnTheWorkerRunsThereWithItsLogsAndItsTokenOnlyInASecret() throws Exception {
        SwarmAgentRuntime runtime = runtime(image, "node.id==" + swarm.workerNode());
        AgentSpec spec = aSpec(1);

        runtime.ensure(spec);

        await(Duration.ofSeconds(90)).until(() -> observed(runtime, spec).map(a -> a.runs(1)).orElse(false));
        assertThat(runningTask(spec).getNodeId()).isEqualTo(swarm.workerNode());
        Diagnostics diagnostics = await(Duration.ofSeconds(30)).until(() -> runtime.diagnose(spec.client(), 50,
                Optional.empty()), d -> !d.logs().isEmpty());
        assertThat(diagnostics.health().running()).isTrue();
        assertThat(diagnostics.health().detail()).startsWith("running").contains("on node");
        assertThat(diagnostics.health().image()).as("pinned to its digest").startsWith(image + "@sha256:");
        assertThat(diagnostics.logs()).extracting(LogLine::text).anyMatch(text -> text.startsWith("[task ")
                && text.contains("agent " + spec.slug() + " started with configuration v1"));

        String token = credentials.issued.get(spec.client());
        String inspected = cli("service", "inspect", serviceOf(spec).getId());
        assertThat(inspected).as("the token is nowhere in the service spec").doesNotContain(token)
                .contains("STEWARD_AGENT_TOKEN_FILE=" + SwarmAgentRuntime.TOKEN_FILE)
                .doesNotContain("STEWARD_AGENT_TOKEN=");
        assertThat(cli("service", "inspect", "--format", "{{json .Spec.TaskTemplate.Placement.Platforms}}",
                serviceOf(spec).getId())).as("the image's platform").contains("amd64").contains("linux");
        assertThat(cli("service", "inspect", "--format", "{{.Spec.TaskTemplate.RestartPolicy.Window}}",
                serviceOf(spec).getId())).as("restart attempts count within a window").isEqualTo("10m0s");
        String container = runningTask(spec).getStatus().getContainerStatus().getContainerID();
        String mounted = TestEngine.run(List.of("docker", "-H", swarm.workerDockerHost(), "exec", container, "cat",
                SwarmAgentRuntime.TOKEN_FILE), null).strip();
        assertThat(mounted).as("the worker's task reads the token from the secret's file").isEqualTo(token);
        assertThat(credentials.verify(mounted)).as("a session token: a restarted task gets in with it")
                .contains(spec.client());

        runtime.destroy(spec.client());
        assertThat(docker.listSecretsCmd().withLabelFilter(Map.of(ContainerLabels.CLIENT, spec.client().toString()))
                .exec()).as("the secret goes with the client").isEmpty();
    }

    @Test
    void drainingTheWorkerMovesEveryAgentToTheManagerAndAllConverge() {
        SwarmAgentRuntime runtime = runtime(image);
        List<AgentSpec> specs = List.of(aSpec(1), aSpec(1), aSpec(1), aSpec(1));
        specs.forEach(runtime::ensure);
        await(Duration.ofSeconds(120)).until(() -> specs.stream().allMatch(spec ->
                observed(runtime, spec).map(a -> a.runs(1)).orElse(false)));
        long onWorker = specs.stream().filter(spec -> swarm.workerNode().equals(runningTask(spec).getNodeId())).count();
        assertThat(onWorker).as("Swarm spreads new agents onto the empty worker").isPositive();
        String manager = docker.infoCmd().exec().getSwarm().getNodeID();

        cli("node", "update", "--availability", "drain", swarm.workerNode());
        long drained = System.nanoTime();
        try {
            await(Duration.ofSeconds(120)).until(() -> specs.stream().allMatch(spec -> {
                Optional<Task> running = tasksOf(spec).stream()
                        .filter(task -> task.getStatus().getState() == TaskState.RUNNING).findFirst();
                return running.isPresent() && manager.equals(running.get().getNodeId())
                        && observed(runtime, spec).map(a -> a.runs(1)).orElse(false);
            }));
            System.out.printf("worker drained: %d of %d agents moved to the manager, all running again in %d ms%n",
                    onWorker, specs.size(), (System.nanoTime() - drained) / 1_000_000);
        } finally {
            cli("node", "update", "--availability", "active", swarm.workerNode());
        }
        for (AgentSpec spec : specs) {
            assertThat(serviceOf(spec).getSpec().getTaskTemplate().getForceUpdate())
                    .as("Swarm moved them itself: Steward forced nothing").isZero();
        }
    }

    @Test
    void aMissingImageEndsInAClearErrorNamingTheNodeAndRecoversOnceTheImageIsBack() throws Exception {
        String tag = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        String gone = swarm.pushVariant(docker, tag);
        SwarmAgentRuntime runtime = runtime(gone, "node.id==" + swarm.workerNode());
        runtime.observe(); // pins the image while the registry has it
        deleteFromRegistry("steward/busybox-agent-test", tag);
        AgentSpec spec = aSpec(1);

        long started = System.nanoTime();
        try {
            runtime.ensure(spec);
        } catch (PortFailure fine) {
            // either way the next calls tell
        }
        PortFailure failure = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    try {
                        runtime.ensure(spec);
                        return null;
                    } catch (PortFailure e) {
                        return e.retryable() ? null : e;
                    }
                }, e -> e != null);
        Duration toError = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("missing image on the worker -> permanent error in %d ms%n", toError.toMillis());
        assertThat(toError).isLessThan(Duration.ofMinutes(1));
        assertThat(failure.getMessage()).startsWith("image " + gone + " not found on node ")
                .contains(swarm.workerNode().substring(0, 12));
        Diagnostics stuck = runtime.diagnose(spec.client(), 20, Optional.empty());
        assertThat(stuck.health().running()).isFalse();
        assertThat(stuck.health().detail()).as("the task's Swarm state and error, not a 503").isNotEmpty();

        TestEngine.run(List.of("docker", "push", gone), null);

        long pushedBack = System.nanoTime();
        await(Duration.ofSeconds(180)).until(() -> {
            try {
                return runtime.ensure(spec).runs(1);
            } catch (PortFailure stillMissing) {
                return false;
            }
        });
        System.out.printf("image pushed back -> agent running again in %d ms%n",
                (System.nanoTime() - pushedBack) / 1_000_000);
    }

    @Test
    void aConfigurationChangeCausesExactlyOneServiceUpdateHoweverOftenEnsureIsCalled() {
        SwarmAgentRuntime runtime = runtime(image);
        AgentSpec first = aSpec(1);
        runtime.ensure(first);
        await(Duration.ofSeconds(90)).until(() -> observed(runtime, first).map(a -> a.runs(1)).orElse(false));
        AgentSpec second = new AgentSpec(first.client(), first.msp(), first.slug(), 2);

        // what the reconciler's due passes do while the client is provisioning: ensure every 200 ms until it runs,
        // and a few passes more once it does
        AtomicInteger calls = new AtomicInteger();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    calls.incrementAndGet();
                    return runtime.ensure(second).runs(2);
                });
        Awaitility.await().atMost(Duration.ofSeconds(10)).during(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(200)).until(() -> runtime.ensure(second).runs(2));

        assertThat(calls.get()).as("ensure was called many times while Swarm rolled the update").isGreaterThan(3);
        assertThat(observed(runtime, second)).hasValueSatisfying(agent -> assertThat(agent.runs(2)).isTrue());
        List<Task> tasks = tasksOf(first);
        assertThat(tasks).as("one task per configuration: the change was one update, none forced").hasSize(2);
        assertThat(serviceOf(first).getSpec().getTaskTemplate().getForceUpdate()).isZero();
        assertThat(docker.listSecretsCmd().withLabelFilter(Map.of(ContainerLabels.CLIENT, first.client().toString()))
                .exec()).as("the old token's secret is gone").hasSize(1);
    }

    @Test
    void aTaskSwarmRestartedIsReportedWithItsExitAndTheCrashedTaskLogsStayReadable() {
        SwarmAgentRuntime runtime = runtime(image, "node.id==" + swarm.workerNode());
        AgentSpec spec = aSpec(1);
        runtime.ensure(spec);
        await(Duration.ofSeconds(90)).until(() -> observed(runtime, spec).map(a -> a.runs(1)).orElse(false));
        String crashed = runningTask(spec).getId();
        await(Duration.ofSeconds(30)).until(() -> runtime.diagnose(spec.client(), 50, Optional.empty()).logs(),
                logs -> !logs.isEmpty());

        List<Container> containers = worker.listContainersCmd()
                .withLabelFilter(Map.of(ContainerLabels.CLIENT, spec.client().toString())).exec();
        worker.killContainerCmd(containers.getFirst().getId()).exec(); // SIGKILL: exit 137

        ObservedAgent restarted = await(Duration.ofSeconds(90)).until(() -> observed(runtime, spec).orElseThrow(),
                agent -> agent.runs(1) && agent.lastRestart().isPresent());
        assertThat(restarted.lastRestart().orElseThrow().cause()).isEqualTo("exit 137");
        assertThat(restarted.restarts()).isEqualTo(1);
        Diagnostics diagnostics = await(Duration.ofSeconds(30)).until(() -> runtime.diagnose(spec.client(), 50,
                Optional.empty()), d -> d.logs().stream().map(LogLine::text).filter(t -> t.startsWith("[task "))
                .map(t -> t.substring(0, t.indexOf(']'))).distinct().count() == 2);
        assertThat(diagnostics.health().restarts()).isEqualTo(1);
        assertThat(diagnostics.logs()).extracting(LogLine::text)
                .as("the crashed task's lines are still there")
                .anyMatch(text -> text.startsWith("[task " + crashed.substring(0, 12) + "]"));
    }

    @Test
    void anAgentOnAnOlderImageIsReportedStaleAndOneEnsureMovesItToTheNewOne() {
        SwarmAgentRuntime old = runtime(image);
        AgentSpec spec = aSpec(1);
        old.ensure(spec);
        await(Duration.ofSeconds(90)).until(() -> observed(old, spec).map(a -> a.runs(1)).orElse(false));
        String newer = swarm.pushVariant(docker, "rollout-" + UUID.randomUUID().toString().substring(0, 8));
        SwarmAgentRuntime upgraded = runtime(newer);

        assertThat(observed(upgraded, spec)).hasValueSatisfying(agent -> assertThat(agent.staleImage()).isTrue());
        assertThat(observed(old, spec)).hasValueSatisfying(agent -> assertThat(agent.staleImage()).isFalse());

        upgraded.ensure(spec);
        await(Duration.ofSeconds(90)).until(() -> observed(upgraded, spec)
                .map(a -> a.runs(1) && !a.staleImage()).orElse(false));
        assertThat(serviceOf(spec).getSpec().getTaskTemplate().getContainerSpec().getImage())
                .startsWith(newer + "@sha256:");
        assertThat(serviceOf(spec).getSpec().getTaskTemplate().getForceUpdate()).isZero();
    }

    @Test
    void aPrivateRegistrysCredentialsReachTheWorkerThroughTheRegistryAuthHeader() throws Exception {
        String locked = swarm.pushToAuthRegistry(docker, "issue16-swarm");
        AgentSpec spec = aSpec(1);

        assertThatThrownBy(() -> runtime(locked, "node.id==" + swarm.workerNode()).ensure(spec))
                .as("without credentials the registry says no").isInstanceOf(PortFailure.class);

        DockerSettings settings = TestEngine.settings(TestEngine.host(), CONTROL_PLANE_URL).withImage(locked)
                .withMode(DockerSettings.Mode.SWARM).withSwarmConstraints(List.of("node.id==" + swarm.workerNode()))
                .withRegistry(Optional.of(new RegistryCredentials(swarm.authUser(),
                        java.nio.file.Files.readString(swarm.authPasswordFile()).strip())));
        SwarmAgentRuntime runtime = new SwarmAgentRuntime(docker, settings, credentials, Clock.systemUTC());
        runtimes.add(runtime);
        runtime.ensure(spec);

        await(Duration.ofSeconds(90)).until(() -> observed(runtime, spec).map(a -> a.runs(1)).orElse(false));
        assertThat(runningTask(spec).getNodeId()).as("the worker pulled it with the credentials Swarm handed on")
                .isEqualTo(swarm.workerNode());
        assertThat(cli("service", "inspect", serviceOf(spec).getId()))
                .as("the password is not in the spec anyone can inspect")
                .doesNotContain(java.nio.file.Files.readString(swarm.authPasswordFile()).strip());
    }

    @Test
    void aTaskWithNoContainerYetShowsItsSwarmStateAndError() {
        SwarmAgentRuntime runtime = runtime(image, "node.labels.steward.nowhere==true");
        AgentSpec spec = aSpec(1);
        runtime.ensure(spec);

        Diagnostics diagnostics = await(Duration.ofSeconds(30)).until(() -> runtime.diagnose(spec.client(), 20,
                Optional.empty()), d -> d.health().detail().contains("no suitable node"));
        assertThat(diagnostics.health().running()).isFalse();
        assertThat(diagnostics.health().detail()).startsWith("pending");
        assertThat(observed(runtime, spec)).hasValueSatisfying(agent ->
                assertThat(agent.state()).isEqualTo(ObservedAgent.State.STARTING));
    }

    @Test
    void anImageTheRegistryDoesNotHaveIsAPermanentFailureNamingIt() {
        String absent = swarm.registry() + "/steward/never-pushed:" + UUID.randomUUID().toString().substring(0, 8);
        SwarmAgentRuntime runtime = runtime(absent);

        assertThatThrownBy(() -> runtime.ensure(aSpec(1))).isInstanceOf(PortFailure.class)
                .hasMessageStartingWith("image " + absent + " not found in registry " + swarm.registry())
                .matches(e -> !((PortFailure) e).retryable());
    }

    private static void deleteFromRegistry(String repository, String tag) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI manifest = URI.create("http://" + swarm.registry() + "/v2/" + repository + "/manifests/" + tag);
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(manifest).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).header("Accept",
                "application/vnd.docker.distribution.manifest.v2+json").build(), HttpResponse.BodyHandlers.discarding());
        String digest = head.headers().firstValue("Docker-Content-Digest").orElseThrow();
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create("http://" + swarm.registry()
                + "/v2/" + repository + "/manifests/" + digest)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).as("registry delete: %s", deleted.body()).isEqualTo(202);
        // the worker must not have it either (it never pulled this tag); the manager built it, which does not matter:
        // the task is constrained to the worker
        try {
            worker.removeImageCmd(swarm.registry() + "/" + repository + ":" + tag).withForce(true).exec();
        } catch (NotFoundException never) {
            // expected
        }
    }

}
