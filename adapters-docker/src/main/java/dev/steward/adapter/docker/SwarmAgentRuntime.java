package dev.steward.adapter.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.ContainerSpecFile;
import com.github.dockerjava.api.model.ContainerSpecSecret;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.ResourceRequirements;
import com.github.dockerjava.api.model.ResourceSpecs;
import com.github.dockerjava.api.model.SecretSpec;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServicePlacement;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.ServiceUpdateState;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.api.model.UpdateConfig;
import com.github.dockerjava.api.model.UpdateOrder;
import dev.steward.adapter.docker.ContainerLabels.Labelled;
import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.port.runtime.ObservedAgent;
import dev.steward.application.port.runtime.ObservedAgent.Restart;
import dev.steward.application.port.runtime.ObservedAgent.State;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.diagnostics.Diagnostics.Health;
import dev.steward.domain.diagnostics.Diagnostics.HealthState;
import dev.steward.domain.diagnostics.Diagnostics.LogLine;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replicated Swarm service (one replica) per client, for MSPs whose agents outgrow one host. Same names (cut to
 * Swarm's 63 characters), labels (lookups scoped to our installation), limits, health check (none by default) and init
 * as {@link DockerAgentRuntime}; the control-plane URL must be one every node reaches (see {@link DockerSettings}).
 *
 * <p><b>Image.</b> Services run {@code STEWARD_AGENT_IMAGE} pinned to its digest ({@link AgentImage}), with the
 * registry credentials in the {@code X-Registry-Auth} header (Swarm hands them to whichever node runs the task), and a
 * platform constraint matching the image plus any {@code STEWARD_SWARM_CONSTRAINT}. A service running another image
 * is reported {@code staleImage}; the reconciler rolls the new one out one agent at a time.
 *
 * <p><b>Credential.</b> The agent's token reaches it as a Swarm secret (one per client, named
 * {@code steward-token-…}, labelled like the service), mounted at {@link #TOKEN_FILE} and named to the agent by
 * {@code STEWARD_AGENT_TOKEN_FILE}; never in the environment, which every manager replicates and
 * {@code docker service inspect} shows. A new token is a new secret; the client's older ones are removed once the
 * service no longer names them, and all of them with the service.
 *
 * <p><b>Calm.</b> {@link #ensure} leaves a service alone while Swarm updates it, and forces a fresh task only when
 * Swarm has given up: no task of the service is working towards running (after a failed or finished update, or when
 * the restart policy's attempts within its window are spent). A task rejected because its node cannot find the image
 * is reported as a permanent failure naming the image and the node, so the client shows it within seconds instead of
 * swinging between pending and provisioning; the reconciler's retry with back-off brings it back once the image is
 * there.
 *
 * <p><b>Observing.</b> Task states, restarts and exit codes come from the Swarm API (tasks of the service), logs from
 * the task logs endpoint (the manager reaches every node; a crashed task's last lines stay readable while Swarm keeps the
 * task), so diagnostics are the same whichever node runs the agent. Resource usage is what the agent reports about
 * itself in its check-ins (filled in by the diagnostics use case), so it is real on any node. Swarm's API 1.41 has
 * no pids limit for services.
 */
public final class SwarmAgentRuntime implements AgentRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(SwarmAgentRuntime.class);
    /** Where the agent finds its token (the secret's file); the image's user (uid 10001) owns it, mode 0400. */
    static final String TOKEN_FILE = "/run/secrets/steward-agent-token";
    static final String ROLE = "steward.role";
    private static final String TOKEN_ROLE = "agent-token";
    private static final String AGENT_UID = "10001";
    /** Swarm counts the restart attempts within this window only, so crashes weeks apart never add up. */
    static final Duration RESTART_WINDOW = Duration.ofMinutes(10);
    private static final Duration RESTART_DELAY = Duration.ofSeconds(5);
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);
    private static final Set<TaskState> TERMINAL = EnumSet.of(TaskState.COMPLETE, TaskState.SHUTDOWN,
            TaskState.FAILED, TaskState.REJECTED, TaskState.REMOVE, TaskState.ORPHANED);
    private static final Set<ServiceUpdateState> UPDATING = EnumSet.of(ServiceUpdateState.UPDATING,
            ServiceUpdateState.ROLLBACK_STARTED);
    /** How engines and registries say a node could not get the image. */
    private static final Pattern IMAGE_MISSING = Pattern.compile("(?i)no such image|manifest unknown|pull access denied"
            + "|repository does not exist|not found: manifest|failed to resolve reference|image .* not found");

    private final DockerClient docker;
    private final DockerSettings settings;
    private final AgentCredentials credentials;
    private final Clock clock;
    private final EngineCalls engine;
    private final EngineApi api;
    private final AgentImage image;

    @Inject
    public SwarmAgentRuntime(DockerClient docker, DockerSettings settings, AgentCredentials credentials, Clock clock) {
        this.docker = docker;
        this.settings = settings;
        this.credentials = credentials;
        this.clock = clock;
        this.engine = new EngineCalls(settings.dockerHost());
        this.api = new EngineApi(settings.dockerHost());
        this.image = new AgentImage(api, engine, settings);
    }

    @Override
    public ObservedAgent ensure(AgentSpec spec) {
        AgentImage.Pinned pinned = image.pinned();
        List<Service> existing = servicesOf(spec.client());
        for (Service extra : existing.subList(Math.min(1, existing.size()), existing.size())) {
            remove(extra.getId());
        }
        Optional<Service> current = existing.stream().findFirst();
        if (current.isEmpty()) {
            deploy(spec, pinned, Optional.empty(), 0);
        } else if (!updating(current.get())) {
            Service service = current.get();
            List<Task> tasks = tasksOf(service.getId());
            boolean sameVersion = Long.toString(spec.configVersion())
                    .equals(service.getSpec().getLabels().get(ContainerLabels.CONFIG_VERSION));
            boolean sameImage = pinned.reference().equals(imageOf(service));
            int force = Optional.ofNullable(service.getSpec().getTaskTemplate().getForceUpdate()).orElse(0);
            if (!sameVersion || !sameImage) {
                deploy(spec, pinned, Optional.of(service), force);
            } else if (working(tasks).isEmpty()) {
                // Swarm gave up on this agent (update failed or ended without a running task, restart attempts
                // spent): one fresh task, the only forced update there is
                LOG.info("agent service {} has no task working towards running; forcing a fresh one",
                        service.getSpec().getName());
                deploy(spec, pinned, Optional.of(service), force + 1);
            } else {
                imageMissing(tasks).ifPresent(message -> {
                    throw PortFailure.permanent(EngineCalls.PORT, message, null);
                });
            }
        }
        Service service = servicesOf(spec.client()).stream().findFirst().orElseThrow(() -> engine.translate(
                "find agent service of " + spec.slug(), new IllegalStateException("service vanished after ensure")));
        return observed(service, tasksOf(service.getId()), Optional.of(pinned)).orElseThrow();
    }

    @Override
    public List<ObservedAgent> observe() {
        List<Service> services = engine.call("list agent services", () -> docker.listServicesCmd()
                        .withLabelFilter(ContainerLabels.ofInstallation(settings.installation())).exec()).stream()
                .filter(service -> ContainerLabels.read(service.getSpec().getLabels()).isPresent()).toList();
        Optional<AgentImage.Pinned> pinned = pinnedIfReachable(); // the first pass pins the image, agents or not
        if (services.isEmpty()) {
            return List.of();
        }
        Map<String, List<Task>> tasks = engine.call("list agent tasks", () -> docker.listTasksCmd().exec()).stream()
                .filter(task -> task.getServiceId() != null)
                .collect(Collectors.groupingBy(Task::getServiceId));
        List<ObservedAgent> agents = new ArrayList<>();
        for (Service service : services) {
            observed(service, tasks.getOrDefault(service.getId(), List.of()), pinned).ifPresent(agents::add);
        }
        return agents;
    }

    @Override
    public void destroy(ClientId client) {
        servicesOf(client).forEach(service -> remove(service.getId()));
        removeTokens(client, Optional.empty());
    }

    @Override
    public Diagnostics diagnose(ClientId client, int tailLines, Optional<Instant> since) {
        Optional<Service> found = servicesOf(client).stream().findFirst();
        if (found.isEmpty()) {
            return new Diagnostics(Health.absent(), List.of(), Optional.empty());
        }
        Service service = found.get();
        List<Task> tasks = tasksOf(service.getId());
        Optional<Task> newest = newest(tasks);
        boolean running = newest.map(task -> task.getStatus().getState() == TaskState.RUNNING).orElse(false);
        HealthState state = newest.map(task -> task.getStatus().getState())
                .map(taskState -> taskState == TaskState.RUNNING ? HealthState.HEALTHY
                        : TERMINAL.contains(taskState) ? HealthState.NOT_RUNNING : HealthState.STARTING)
                .orElse(HealthState.STARTING);
        Optional<Duration> uptime = running ? newest.flatMap(task -> instant(task.getStatus().getTimestamp()))
                .map(at -> Duration.between(at, clock.instant())).map(d -> d.isNegative() ? Duration.ZERO : d)
                : Optional.empty();
        Optional<Integer> exitCode = running ? Optional.empty() : newest.flatMap(SwarmAgentRuntime::exitCode)
                .or(() -> lastFailure(tasks, newest).flatMap(SwarmAgentRuntime::exitCode));
        Map<String, String> nodes = nodeNames();
        Health health = new Health(running, state, restarts(tasks, newest), uptime, exitCode, imageOf(service),
                Optional.empty(), newest.map(task -> describe(task, nodes)).orElse("no task yet"));
        return new Diagnostics(health, logs(service, tasks, tailLines, since), Optional.empty());
    }

    /** Creates or updates the service with a fresh token in a fresh secret; the client's older secrets go after. */
    private void deploy(AgentSpec spec, AgentImage.Pinned pinned, Optional<Service> current, int force) {
        // The secret holds the session token itself, not a one-time bootstrap token: a task Swarm restarts is a new
        // container without the agent's session file, and must get in with what the secret holds. A secret is not in
        // anything `docker service inspect` shows, which is what the bootstrap exchange protects elsewhere.
        String token = credentials.exchange(credentials.issue(spec.client())).orElseThrow(() -> PortFailure.retryable(
                EngineCalls.PORT, "the agent credential of " + spec.slug() + " was replaced while it was issued", null));
        String secretName = "steward-token-" + spec.client().value().toString().substring(0, 8) + "-"
                + UUID.randomUUID().toString().substring(0, 12);
        Map<String, String> secretLabels = new HashMap<>(ContainerLabels.of(spec, settings.installation()));
        secretLabels.put(ROLE, TOKEN_ROLE);
        String secretId = engine.call("create the agent token secret of " + spec.slug(), () -> docker
                .createSecretCmd(new SecretSpec().withName(secretName).withLabels(secretLabels)
                        .withData(token)) // docker-java encodes the data in base64 itself
                .exec().getId());
        JsonNode body = serviceSpec(spec, pinned, force, secretId, secretName);
        String name = ContainerLabels.serviceName(spec);
        try {
            if (current.isEmpty()) {
                engine.call("create agent service " + name, () -> api.post("/services/create", body,
                        image.authHeaders()));
            } else {
                Service service = current.get();
                engine.call("update agent service " + name, () -> api.post("/services/" + service.getId()
                        + "/update?version=" + service.getVersion().getIndex(), body, image.authHeaders()));
            }
        } catch (RuntimeException e) {
            engine.remove("remove unused secret " + secretName, () -> docker.removeSecretCmd(secretId).exec());
            throw e;
        }
        removeTokens(spec.client(), Optional.of(secretId));
    }

    /** Removes the client's token secrets except {@code keep}; one still named by a service stays for next time. */
    private void removeTokens(ClientId client, Optional<String> keep) {
        Map<String, String> filter = new HashMap<>(ContainerLabels.ofClient(settings.installation(), client));
        filter.put(ROLE, TOKEN_ROLE);
        var secrets = engine.call("list the agent token secrets of client " + client,
                () -> docker.listSecretsCmd().withLabelFilter(filter).exec());
        for (var secret : secrets) {
            if (keep.map(secret.getId()::equals).orElse(false)) {
                continue;
            }
            try {
                engine.remove("remove agent token secret " + secret.getId(),
                        () -> docker.removeSecretCmd(secret.getId()).exec());
            } catch (PortFailure inUse) {
                LOG.debug("agent token secret {} not removed yet: {}", secret.getId(), inUse.getMessage());
            }
        }
    }

    private JsonNode serviceSpec(AgentSpec spec, AgentImage.Pinned pinned, int forceUpdate, String secretId,
                                 String secretName) {
        Map<String, String> labels = ContainerLabels.of(spec, settings.installation());
        List<String> constraints = new ArrayList<>(settings.swarmConstraints());
        ServiceSpec model = new ServiceSpec()
                .withName(ContainerLabels.serviceName(spec))
                .withLabels(labels)
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1)))
                // stop-first: never two agents of one client, and the old one's token is revoked anyway
                .withUpdateConfig(new UpdateConfig().withParallelism(1L).withOrder(UpdateOrder.STOP_FIRST))
                .withTaskTemplate(new TaskSpec()
                        .withForceUpdate(forceUpdate)
                        .withContainerSpec(new ContainerSpec()
                                .withImage(pinned.reference())
                                .withLabels(labels)
                                .withEnv(AgentEnvironment.withTokenFile(spec, settings, TOKEN_FILE))
                                .withSecrets(List.of(new ContainerSpecSecret().withSecretId(secretId)
                                        .withSecretName(secretName).withFile(new ContainerSpecFile()
                                                .withName(TOKEN_FILE.substring(TOKEN_FILE.lastIndexOf('/') + 1))
                                                .withUid(AGENT_UID).withGid(AGENT_UID).withMode(0400L))))
                                .withHealthCheck(DockerAgentRuntime.healthCheck(settings))
                                .withInit(true))
                        .withPlacement(new ServicePlacement().withConstraints(constraints))
                        .withResources(new ResourceRequirements().withLimits(new ResourceSpecs()
                                .withNanoCPUs(settings.nanoCpus())
                                .withMemoryBytes(settings.memoryBytes())))
                        .withRestartPolicy(new ServiceRestartPolicy()
                                .withCondition(ServiceRestartCondition.ON_FAILURE)
                                .withMaxAttempts((long) settings.maxRestarts())
                                .withWindow(RESTART_WINDOW.toNanos())
                                .withDelay(RESTART_DELAY.toNanos())));
        ObjectNode json = api.json().valueToTree(model);
        // docker-java's model has no Placement.Platforms: the image's platforms, as `docker service create` sends them
        ObjectNode placement = json.withObjectProperty("TaskTemplate").withObjectProperty("Placement");
        ArrayNode platforms = placement.putArray("Platforms");
        pinned.platforms().forEach(platform -> platforms.add(api.json().valueToTree(platform)));
        return json;
    }

    private Optional<AgentImage.Pinned> pinnedIfReachable() {
        if (image.ifResolved().isPresent()) {
            return image.ifResolved();
        }
        try {
            return Optional.of(image.pinned());
        } catch (PortFailure e) {
            LOG.debug("agent image not resolved yet: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private List<Service> servicesOf(ClientId client) {
        return engine.call("find the agent service of client " + client, () -> docker.listServicesCmd()
                .withLabelFilter(ContainerLabels.ofClient(settings.installation(), client)).exec());
    }

    private List<Task> tasksOf(String serviceId) {
        return engine.call("list tasks of agent service " + serviceId,
                () -> docker.listTasksCmd().withServiceFilter(serviceId).exec());
    }

    private void remove(String serviceId) {
        engine.remove("remove agent service " + serviceId, () -> docker.removeServiceCmd(serviceId).exec());
    }

    /** Node id to a readable name ({@code hostname (id…)}), for messages about where a task ran. */
    private Map<String, String> nodeNames() {
        try {
            return engine.call("list swarm nodes", () -> docker.listSwarmNodesCmd().exec()).stream()
                    .collect(Collectors.toMap(SwarmNode::getId, SwarmAgentRuntime::nodeName, (a, b) -> a));
        } catch (PortFailure e) {
            return Map.of();
        }
    }

    private static String nodeName(SwarmNode node) {
        String host = node.getDescription() == null ? null : node.getDescription().getHostname();
        return (host == null ? "" : host + " ") + "(" + node.getId().substring(0, Math.min(12, node.getId().length()))
                + ")";
    }

    /**
     * A permanent failure's message when the newest finished task of the current spec was refused its image and
     * nothing runs: {@code image … not found on node …}.
     */
    private Optional<String> imageMissing(List<Task> tasks) {
        if (tasks.stream().anyMatch(task -> task.getStatus().getState() == TaskState.RUNNING)) {
            return Optional.empty();
        }
        return tasks.stream().filter(task -> TERMINAL.contains(task.getStatus().getState()))
                .max(Comparator.comparing(SwarmAgentRuntime::createdAt))
                .filter(task -> task.getStatus().getErr() != null
                        && IMAGE_MISSING.matcher(task.getStatus().getErr()).find())
                .map(task -> "image " + settings.image() + " not found on node "
                        + Optional.ofNullable(task.getNodeId()).map(id -> nodeNames().getOrDefault(id, id))
                        .orElse("(none assigned)") + ": " + task.getStatus().getErr());
    }

    private Optional<ObservedAgent> observed(Service service, List<Task> tasks, Optional<AgentImage.Pinned> pinned) {
        Optional<Labelled> labelled = ContainerLabels.read(service.getSpec().getLabels());
        if (labelled.isEmpty()) {
            return Optional.empty();
        }
        Optional<Task> newest = newest(tasks);
        State state = newest.map(task -> state(task.getStatus().getState())).orElse(State.STARTING);
        long version = newest.flatMap(task -> ContainerLabels.read(task.getSpec().getContainerSpec().getLabels()))
                .map(Labelled::configVersion).orElse(labelled.get().configVersion());
        String detail = newest.map(task -> describe(task, Map.of())).orElse("no task yet");
        boolean stale = pinned.map(p -> !p.reference().equals(imageOf(service))).orElse(false);
        // a running task's status timestamp is when it started running (minutes after its creation if its node pulled
        // the image first): no silence counts from before
        Optional<Instant> runningSince = newest.filter(task -> task.getStatus().getState() == TaskState.RUNNING)
                .flatMap(task -> instant(task.getStatus().getTimestamp()));
        return Optional.of(new ObservedAgent(labelled.get().client(), labelled.get().msp(), version, state,
                restarts(tasks, newest), detail, lastRestart(tasks, newest), stale, runningSince));
    }

    /** {@code running}, {@code rejected: No such image: … on node vm (abc…)}: the task's state in Swarm's words. */
    private static String describe(Task task, Map<String, String> nodes) {
        String text = task.getStatus().getState().getValue();
        String err = task.getStatus().getErr();
        String message = task.getStatus().getMessage();
        if (err != null && !err.isBlank()) {
            text += ": " + err;
        } else if (message != null && !message.isBlank() && task.getStatus().getState() != TaskState.RUNNING) {
            text += ": " + message;
        }
        if (task.getNodeId() != null && !task.getNodeId().isBlank()) {
            text += " on node " + nodes.getOrDefault(task.getNodeId(), task.getNodeId());
        }
        return text;
    }

    private static boolean updating(Service service) {
        return service.getUpdateStatus() != null && UPDATING.contains(service.getUpdateStatus().getState());
    }

    private static String imageOf(Service service) {
        return Optional.ofNullable(service.getSpec().getTaskTemplate())
                .map(TaskSpec::getContainerSpec).map(ContainerSpec::getImage).orElse("");
    }

    /** The task Swarm works on now (desired ready or running, not finished), if any. */
    private static Optional<Task> working(List<Task> tasks) {
        return tasks.stream()
                .filter(task -> task.getDesiredState() == TaskState.RUNNING || task.getDesiredState() == TaskState.READY)
                .filter(task -> !TERMINAL.contains(task.getStatus().getState()))
                .max(Comparator.comparing(SwarmAgentRuntime::createdAt));
    }

    /** The task Swarm works on now, else the most recent one. */
    private static Optional<Task> newest(List<Task> tasks) {
        return working(tasks).or(() -> tasks.stream().max(Comparator.comparing(SwarmAgentRuntime::createdAt)));
    }

    /** Tasks of the same configuration and forced-update round that failed: restarts Swarm did on its own. */
    private static List<Task> failuresLikeNewest(List<Task> tasks, Optional<Task> newest) {
        if (newest.isEmpty()) {
            return List.of();
        }
        String version = versionOf(newest.get());
        Integer force = newest.get().getSpec().getForceUpdate();
        return tasks.stream().filter(task -> task != newest.get())
                .filter(task -> task.getStatus().getState() == TaskState.FAILED)
                .filter(task -> version.equals(versionOf(task)) && Objects.equals(force, task.getSpec().getForceUpdate()))
                .toList();
    }

    private static int restarts(List<Task> tasks, Optional<Task> newest) {
        return failuresLikeNewest(tasks, newest).size();
    }

    private static Optional<Task> lastFailure(List<Task> tasks, Optional<Task> newest) {
        return failuresLikeNewest(tasks, newest).stream().max(Comparator.comparing(SwarmAgentRuntime::createdAt));
    }

    /** The latest restart Swarm did: when the failed task ended and how ({@code exit 137}). */
    private static Optional<Restart> lastRestart(List<Task> tasks, Optional<Task> newest) {
        return lastFailure(tasks, newest).flatMap(task -> instant(task.getStatus().getTimestamp()).map(at ->
                new Restart(at, exitCode(task).map(code -> "exit " + code)
                        .orElse(Optional.ofNullable(task.getStatus().getErr()).orElse("failed")))));
    }

    private static Optional<Integer> exitCode(Task task) {
        return Optional.ofNullable(task.getStatus().getContainerStatus())
                .map(status -> status.getExitCodeLong()).map(Long::intValue);
    }

    private static String versionOf(Task task) {
        Map<String, String> labels = task.getSpec().getContainerSpec() == null ? null
                : task.getSpec().getContainerSpec().getLabels();
        return labels == null ? "" : labels.getOrDefault(ContainerLabels.CONFIG_VERSION, "");
    }

    private static String createdAt(Task task) {
        return Optional.ofNullable(task.getCreatedAt()).orElse("");
    }

    /**
     * The agent's logs from every node, newest {@code tailLines}: each task's lines through the task logs endpoint
     * (the manager fetches them from the task's node), marked with their task, so a crashed task's last lines stay
     * readable next to its successor's while Swarm keeps the task. A node that does not answer in time costs its
     * lines, not the page.
     */
    private List<LogLine> logs(Service service, List<Task> tasks, int tailLines, Optional<Instant> since) {
        if (tailLines <= 0) {
            return List.of();
        }
        List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());
        for (Task task : tasks) {
            if (task.getStatus().getContainerStatus() == null
                    || task.getStatus().getContainerStatus().getContainerID() == null) {
                continue; // never had a container: no logs to read
            }
            String label = "[task " + task.getId().substring(0, Math.min(12, task.getId().length())) + "] ";
            ResultCallback.Adapter<Frame> collector = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Frame frame) {
                    for (String line : new String(frame.getPayload(), StandardCharsets.UTF_8).split("\n")) {
                        ContainerDiagnostics.parse(line).map(l -> new LogLine(l.at(), label + l.text()))
                                .ifPresent(lines::add);
                    }
                }
            };
            try {
                var command = docker.logTaskCmd(task.getId()).withStdout(true).withStderr(true)
                        .withTimestamps(true).withTail(tailLines);
                since.ifPresent(at -> command.withSince((int) at.getEpochSecond()));
                if (!command.exec(collector).awaitCompletion(LOG_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    lines.add(new LogLine(clock.instant(), label + "(the node did not send this task's logs within "
                            + LOG_WAIT.toSeconds() + " s)"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.debug("logs of task {} not read: {}", task.getId(), e.getMessage());
            } finally {
                try {
                    collector.close();
                } catch (java.io.IOException ignored) {
                    // the stream is done either way
                }
            }
        }
        List<LogLine> matching = List.copyOf(lines).stream()
                .filter(line -> since.map(at -> !line.at().isBefore(at)).orElse(true))
                .sorted(Comparator.comparing(LogLine::at)).toList();
        return List.copyOf(matching.subList(Math.max(0, matching.size() - tailLines), matching.size()));
    }

    private static Optional<Instant> instant(String text) {
        return ContainerDiagnostics.instant(text);
    }

    static State state(TaskState state) {
        return switch (state) {
            case RUNNING -> State.READY;
            case NEW, ALLOCATED, PENDING, ASSIGNED, ACCEPTED, PREPARING, READY, STARTING -> State.STARTING;
            case COMPLETE, SHUTDOWN, FAILED, REJECTED, REMOVE, ORPHANED -> State.EXITED;
        };
    }
}
