package dev.steward.adapter.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.steward.adapter.docker.ContainerLabels.Labelled;
import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.port.runtime.ObservedAgent;
import dev.steward.application.port.runtime.ObservedAgent.State;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.diagnostics.Diagnostics.Health;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One container per client on one Docker engine, named {@code steward-<msp>-<slug>} and labelled with
 * {@code steward.installation}, {@code steward.msp}, {@code steward.client} and {@code steward.config-version}.
 * Every lookup is scoped to our installation, so agents of another installation on the same engine are neither
 * observed nor removed. Containers get CPU, memory and pids limits, no health check (the reconciler judges agents
 * alive by their check-ins; {@code STEWARD_AGENT_HEALTH_INTERVAL_MS} turns the engine's back on), an
 * {@code on-failure} restart policy with a maximum, and an init process (so a stop takes milliseconds, not the full
 * timeout). The environment carries the control-plane URL, the client and MSP ids and the config version, never an
 * integration secret.
 *
 * <p>A new configuration version <b>replaces</b> the container: the label and the environment are fixed at creation,
 * so {@link #ensure} removes a container whose {@code steward.config-version} differs and creates it again. A
 * container that is not running is replaced too (see {@link #reusable}). An agent starts in a few seconds, and a
 * request in flight is not lost: the ticket stays in the PSA and is picked up again by the new agent. A container on
 * another image than {@code STEWARD_AGENT_IMAGE} names (looked up once, by id) is reported {@code staleImage} and
 * replaced by the next {@link #ensure}, which the reconciler calls for one client at a time.
 *
 * <p>{@link #observe} makes one list call for all Steward containers; only containers that exited, fail their health
 * check or are restarting are inspected as well, to report their restart count and exit code. A running agent is
 * therefore reported with 0 restarts even after the engine restarted it; {@link #diagnose} shows the real count.
 */
public final class DockerAgentRuntime implements AgentRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(DockerAgentRuntime.class);

    private final DockerClient docker;
    private final DockerSettings settings;
    private final AgentCredentials credentials;
    private final EngineCalls engine;
    private final ContainerDiagnostics diagnostics;
    /** The id of the image {@code STEWARD_AGENT_IMAGE} named when first looked up (resolved once, as Swarm pins it). */
    private volatile String imageId;

    @Inject
    public DockerAgentRuntime(DockerClient docker, DockerSettings settings, AgentCredentials credentials, Clock clock) {
        this.docker = docker;
        this.settings = settings;
        this.credentials = credentials;
        this.engine = new EngineCalls(settings.dockerHost());
        this.diagnostics = new ContainerDiagnostics(docker, engine, clock);
    }

    @Override
    public ObservedAgent ensure(AgentSpec spec) {
        List<Container> existing = new ArrayList<>(containersOf(spec.client()));
        existing.sort(keepFirst(spec));
        for (Container extra : existing.subList(Math.min(1, existing.size()), existing.size())) {
            LOG.warn("removing container {} ({}): a second agent container of client {}", extra.getId(),
                    String.join(",", extra.getNames() == null ? new String[0] : extra.getNames()), spec.slug());
            remove(extra.getId()); // never more than one agent per client
        }
        Optional<Container> current = existing.stream().findFirst();
        String id;
        if (current.isPresent() && reusable(current.get(), spec) && !stale(current.get().getImageId())) {
            id = current.get().getId();
        } else {
            current.ifPresent(container -> {
                LOG.info("replacing agent container {} ({}, configuration v{}) to run configuration v{}",
                        container.getId(), container.getState(),
                        container.getLabels().getOrDefault(ContainerLabels.CONFIG_VERSION, "?"), spec.configVersion());
                remove(container.getId());
            });
            id = createAndStart(spec);
        }
        InspectContainerResponse inspected = engine.call("inspect agent container of " + spec.slug(),
                () -> docker.inspectContainerCmd(id).exec());
        return observed(inspected).orElseThrow(() -> PortFailure.permanent(EngineCalls.PORT,
                "container " + id + " lost its steward labels", null));
    }

    @Override
    public List<ObservedAgent> observe() {
        List<Container> containers = engine.call("list agent containers", () -> docker.listContainersCmd()
                .withShowAll(true).withLabelFilter(ContainerLabels.ofInstallation(settings.installation())).exec());
        List<ObservedAgent> agents = new ArrayList<>(containers.size());
        for (Container container : containers) {
            Optional<Labelled> labelled = ContainerLabels.read(container.getLabels());
            if (labelled.isEmpty()) {
                LOG.warn("ignoring container {}: its steward labels are malformed {}", container.getId(),
                        container.getLabels());
                continue;
            }
            State state = state(container.getState(), health(container.getStatus()));
            if (!troubled(container.getState(), state)) {
                agents.add(new ObservedAgent(labelled.get().client(), labelled.get().msp(),
                        labelled.get().configVersion(), state, 0, container.getStatus(), Optional.empty(),
                        stale(container.getImageId()), created(container)));
            } else {
                engine.find("inspect container " + container.getId(),
                        () -> docker.inspectContainerCmd(container.getId()).exec())
                        .flatMap(this::observed)
                        .ifPresent(agents::add);
            }
        }
        return agents;
    }

    @Override
    public void destroy(ClientId client) {
        containersOf(client).forEach(container -> remove(container.getId()));
    }

    @Override
    public Diagnostics diagnose(ClientId client, int tailLines, Optional<Instant> since) {
        return containersOf(client).stream().findFirst()
                .flatMap(container -> diagnostics.of(container.getId(), 0, tailLines, since))
                .orElseGet(() -> new Diagnostics(Health.absent(), List.of(), Optional.empty()));
    }

    private List<Container> containersOf(ClientId client) {
        return engine.call("find the agent container of client " + client, () -> docker.listContainersCmd()
                .withShowAll(true).withLabelFilter(ContainerLabels.ofClient(settings.installation(), client)).exec());
    }

    private String createAndStart(AgentSpec spec) {
        String name = ContainerLabels.containerName(spec);
        String id;
        try {
            id = create(spec, name);
        } catch (ConflictException e) {
            removeNameHolder(spec, name, e);
            id = engine.call("create agent container " + name, () -> create(spec, name));
        } catch (RuntimeException e) {
            throw engine.translate("create agent container " + name + " from image " + settings.image(), e);
        }
        start(id);
        return id;
    }

    /** Creates the container with a freshly issued agent token (which replaces any earlier token of the client). */
    private String create(AgentSpec spec, String name) {
        return docker.createContainerCmd(settings.image())
                .withName(name)
                .withLabels(ContainerLabels.of(spec, settings.installation()))
                .withEnv(AgentEnvironment.of(spec, settings, credentials.issue(spec.client())))
                .withHealthcheck(healthCheck(settings))
                .withHostConfig(HostConfig.newHostConfig()
                        .withNanoCPUs(settings.nanoCpus())
                        .withMemory(settings.memoryBytes())
                        .withMemorySwap(settings.memoryBytes())
                        .withPidsLimit(settings.pidsLimit())
                        .withRestartPolicy(RestartPolicy.onFailureRestart(settings.maxRestarts()))
                        .withInit(true)
                        .withExtraHosts("host.docker.internal:host-gateway"))
                .exec().getId();
    }

    /**
     * The name is taken. By this client's container (created by a concurrent call, whose token the new one just
     * replaced): remove it so the next create carries the valid token. By someone else's container: a permanent
     * problem an operator must look at.
     */
    private void removeNameHolder(AgentSpec spec, String name, ConflictException conflict) {
        InspectContainerResponse holder = engine.find("inspect container " + name,
                () -> docker.inspectContainerCmd(name).exec()).orElseThrow(() -> engine.translate(
                        "create agent container " + name, conflict));
        boolean ours = ContainerLabels.read(holder.getConfig().getLabels())
                .map(labelled -> labelled.client().equals(spec.client())).orElse(false);
        if (!ours) {
            throw PortFailure.permanent(EngineCalls.PORT, "container name " + name
                    + " is used by a container that is not this client's agent (id " + holder.getId() + ")", conflict);
        }
        remove(holder.getId());
    }

    private void start(String id) {
        try {
            engine.run("start agent container " + id, () -> docker.startContainerCmd(id).exec());
        } catch (NotModifiedException alreadyRunning) {
            // started by a concurrent call: fine
        }
    }

    private void remove(String id) {
        engine.remove("remove agent container " + id, () -> docker.removeContainerCmd(id).withForce(true).exec());
    }

    /**
     * Whether the container can stay: it runs (or the engine is restarting it) with the wanted configuration. One that
     * is not running is replaced rather than started again: its token may be one that a control plane issued and then
     * crashed before saving (the token is stored in the same unit of work as the client's status), and such an agent
     * is refused for good. A fresh container with a fresh token costs about what a start does.
     */
    private static boolean reusable(Container container, AgentSpec spec) {
        boolean sameVersion = container.getLabels().getOrDefault(ContainerLabels.CONFIG_VERSION, "")
                .equals(Long.toString(spec.configVersion()));
        return sameVersion && ("running".equals(container.getState()) || "restarting".equals(container.getState()));
    }

    /**
     * Which of a client's containers stays when there are several (one made by hand with its labels, or left by a
     * crash): one that can be reused, then the one with the name we give, then the oldest.
     */
    private static Comparator<Container> keepFirst(AgentSpec spec) {
        String name = "/" + ContainerLabels.containerName(spec);
        return Comparator.comparing((Container c) -> !reusable(c, spec))
                .thenComparing(c -> c.getNames() == null || !List.of(c.getNames()).contains(name))
                .thenComparing(c -> Optional.ofNullable(c.getCreated()).orElse(Long.MAX_VALUE));
    }

    /**
     * The engine's health check: none unless the operator turned it on. "None" is said explicitly, so that an image
     * with a {@code HEALTHCHECK} of its own (an older agent image had one, every 5 s) does not run it either.
     */
    static HealthCheck healthCheck(DockerSettings settings) {
        if (!settings.healthCheckOn()) {
            return new HealthCheck().withTest(List.of("NONE"));
        }
        long interval = settings.healthInterval().toNanos();
        return new HealthCheck().withTest(List.of("CMD-SHELL", settings.healthCommand()))
                .withInterval(interval).withTimeout(Math.max(interval, 2_000_000_000L)).withRetries(3)
                .withStartPeriod(30_000_000_000L);
    }

    /**
     * Whether a container runs another image than {@code STEWARD_AGENT_IMAGE} names (the operator changed it, or
     * rebuilt the tag, and restarted the control plane): the reconciler then replaces agents one at a time. Unknown
     * (the image cannot be looked up now) counts as current, so an engine hiccup never starts a rollout.
     */
    private boolean stale(String containerImageId) {
        if (imageId == null) {
            engine.find("inspect agent image " + settings.image(), () -> docker.inspectImageCmd(settings.image()).exec())
                    .ifPresent(image -> imageId = image.getId());
        }
        return imageId != null && containerImageId != null && !imageId.equals(containerImageId);
    }

    private Optional<ObservedAgent> observed(InspectContainerResponse container) {
        return ContainerLabels.read(container.getConfig().getLabels()).map(labelled -> {
            var state = container.getState();
            String health = state.getHealth() == null ? "" : String.valueOf(state.getHealth().getStatus());
            State observed = state(String.valueOf(state.getStatus()), health);
            String detail = observed == State.EXITED
                    ? "exited with code " + state.getExitCodeLong()
                            + (Boolean.TRUE.equals(state.getOOMKilled()) ? " (out of memory)" : "")
                            + (state.getError() == null || state.getError().isBlank() ? "" : ": " + state.getError())
                    : state.getStatus() + (health.isEmpty() ? "" : " (" + health + ")");
            int restarts = Optional.ofNullable(container.getRestartCount()).orElse(0);
            return new ObservedAgent(labelled.client(), labelled.msp(), labelled.configVersion(), observed, restarts,
                    detail, Optional.empty(), stale(container.getImageId()),
                    ContainerDiagnostics.instant(state.getStartedAt()));
        });
    }

    /**
     * When the container was created (a list reports no start time; the runtime starts what it creates at once, and
     * a restart by the engine keeps the time, which errs on the side of the agent's earlier check-ins).
     */
    private static Optional<Instant> created(Container container) {
        return Optional.ofNullable(container.getCreated()).map(Instant::ofEpochSecond);
    }

    /**
     * Whether a listed container is worth an inspect (restart count, exit code, error): it died, fails its health
     * check, or is being restarted. Running and starting containers are reported from the list alone, so a pass over
     * many healthy or freshly started agents stays one engine call.
     */
    private static boolean troubled(String engineState, State state) {
        return state == State.EXITED || state == State.UNHEALTHY || "restarting".equals(engineState);
    }

    /** The health part of {@code docker ps}'s status, e.g. {@code Up 3 seconds (health: starting)}. */
    static String health(String status) {
        if (status == null) {
            return "";
        }
        if (status.contains("(unhealthy)")) {
            return "unhealthy";
        }
        if (status.contains("(healthy)")) {
            return "healthy";
        }
        return status.contains("(health: starting)") ? "starting" : "";
    }

    /** Engine state plus health to what the port reports. */
    static State state(String engineState, String health) {
        return switch (engineState) {
            case "running" -> switch (health) {
                case "unhealthy" -> State.UNHEALTHY;
                case "starting" -> State.STARTING;
                default -> State.READY; // healthy, or an image without a health check
            };
            case "created", "restarting" -> State.STARTING;
            case "paused" -> State.UNHEALTHY;
            default -> State.EXITED; // exited, dead, removing
        };
    }
}
