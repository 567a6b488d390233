package dev.steward.adapter.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.ResourceRequirements;
import com.github.dockerjava.api.model.ResourceSpecs;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import dev.steward.adapter.docker.ContainerLabels.Labelled;
import dev.steward.application.port.AgentCredentials;
import dev.steward.application.port.AgentRuntime;
import dev.steward.application.port.AgentSpec;
import dev.steward.application.port.ObservedAgent;
import dev.steward.application.port.ObservedAgent.State;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.diagnostics.Diagnostics.Health;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One replicated Swarm service (one replica) per client, for MSPs whose agents outgrow one host. Same names (cut to
 * Swarm's 63 characters), labels (lookups scoped to our installation), limits, health check, init and environment as
 * {@link DockerAgentRuntime}; the control-plane URL must be one every node reaches (see {@link DockerSettings}); the
 * restart policy is Swarm's {@code on-failure} with the same maximum. A new configuration version is a service
 * update, which Swarm rolls out by replacing the task.
 *
 * <p>{@link #observe} makes two list calls (services, then tasks); the agent's state is that of the service's newest
 * task, and its restarts are the earlier tasks that ran the same configuration. Diagnostics read the task's
 * container when it runs on this node; on another node only the task's state is known. Swarm's API 1.41 has no pids
 * limit for services.
 */
public final class SwarmAgentRuntime implements AgentRuntime {

    private final DockerClient docker;
    private final DockerSettings settings;
    private final AgentCredentials credentials;
    private final EngineCalls engine;
    private final ContainerDiagnostics diagnostics;

    @Inject
    public SwarmAgentRuntime(DockerClient docker, DockerSettings settings, AgentCredentials credentials, Clock clock) {
        this.docker = docker;
        this.settings = settings;
        this.credentials = credentials;
        this.engine = new EngineCalls(settings.dockerHost());
        this.diagnostics = new ContainerDiagnostics(docker, engine, clock);
    }

    @Override
    public ObservedAgent ensure(AgentSpec spec) {
        List<Service> existing = servicesOf(spec.client());
        for (Service extra : existing.subList(Math.min(1, existing.size()), existing.size())) {
            remove(extra.getId());
        }
        Optional<Service> current = existing.stream().findFirst();
        if (current.isEmpty()) {
            engine.run("create agent service " + ContainerLabels.serviceName(spec),
                    () -> docker.createServiceCmd(serviceSpec(spec, 0)).exec());
        } else {
            Service service = current.get();
            boolean sameVersion = Long.toString(spec.configVersion())
                    .equals(service.getSpec().getLabels().get(ContainerLabels.CONFIG_VERSION));
            List<Task> tasks = tasksOf(service.getId());
            boolean stopped = tasks.stream().noneMatch(SwarmAgentRuntime::live);
            if (!sameVersion || stopped) {
                // a new configuration, or an agent Swarm gave up on: roll out a fresh task
                int force = Optional.ofNullable(service.getSpec().getTaskTemplate().getForceUpdate()).orElse(0)
                        + (sameVersion ? 1 : 0);
                engine.run("update agent service " + service.getSpec().getName(), () -> docker
                        .updateServiceCmd(service.getId(), serviceSpec(spec, force))
                        .withVersion(service.getVersion().getIndex()).exec());
            }
        }
        Service service = servicesOf(spec.client()).stream().findFirst().orElseThrow(() -> engine.translate(
                "find agent service of " + spec.slug(), new IllegalStateException("service vanished after ensure")));
        return observed(service, tasksOf(service.getId())).orElseThrow();
    }

    @Override
    public List<ObservedAgent> observe() {
        List<Service> services = engine.call("list agent services", () -> docker.listServicesCmd()
                        .withLabelFilter(ContainerLabels.ofInstallation(settings.installation())).exec()).stream()
                .filter(service -> ContainerLabels.read(service.getSpec().getLabels()).isPresent()).toList();
        if (services.isEmpty()) {
            return List.of();
        }
        Map<String, List<Task>> tasks = engine.call("list agent tasks", () -> docker.listTasksCmd().exec()).stream()
                .filter(task -> task.getServiceId() != null)
                .collect(Collectors.groupingBy(Task::getServiceId));
        List<ObservedAgent> agents = new ArrayList<>();
        for (Service service : services) {
            observed(service, tasks.getOrDefault(service.getId(), List.of())).ifPresent(agents::add);
        }
        return agents;
    }

    @Override
    public void destroy(ClientId client) {
        servicesOf(client).forEach(service -> remove(service.getId()));
    }

    @Override
    public Diagnostics diagnose(ClientId client, int tailLines, Optional<Instant> since) {
        Optional<Service> service = servicesOf(client).stream().findFirst();
        if (service.isEmpty()) {
            return new Diagnostics(Health.absent(), List.of(), Optional.empty());
        }
        List<Task> tasks = tasksOf(service.get().getId());
        Optional<Task> newest = newest(tasks);
        int restarts = restarts(tasks, newest);
        return newest.map(task -> task.getStatus().getContainerStatus())
                .map(status -> status.getContainerID())
                .flatMap(containerId -> diagnostics.of(containerId, restarts, tailLines, since))
                .orElseGet(() -> new Diagnostics(new Health(false, newest.isPresent()
                        ? Diagnostics.HealthState.STARTING : Diagnostics.HealthState.NOT_RUNNING, restarts,
                        Optional.empty(), Optional.empty(), settings.image(), Optional.empty()), List.of(),
                        Optional.empty()));
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

    private ServiceSpec serviceSpec(AgentSpec spec, int forceUpdate) {
        Map<String, String> labels = ContainerLabels.of(spec, settings.installation());
        return new ServiceSpec()
                .withName(ContainerLabels.serviceName(spec))
                .withLabels(labels)
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1)))
                .withTaskTemplate(new TaskSpec()
                        .withForceUpdate(forceUpdate)
                        .withContainerSpec(new ContainerSpec()
                                .withImage(settings.image())
                                .withLabels(labels)
                                .withEnv(AgentEnvironment.of(spec, settings, credentials.issue(spec.client())))
                                .withHealthCheck(DockerAgentRuntime.healthCheck(settings))
                                .withInit(true))
                        .withResources(new ResourceRequirements().withLimits(new ResourceSpecs()
                                .withNanoCPUs(settings.nanoCpus())
                                .withMemoryBytes(settings.memoryBytes())))
                        .withRestartPolicy(new ServiceRestartPolicy()
                                .withCondition(ServiceRestartCondition.ON_FAILURE)
                                .withMaxAttempts((long) settings.maxRestarts())
                                .withDelay(1_000_000_000L)));
    }

    private static Optional<ObservedAgent> observed(Service service, List<Task> tasks) {
        Optional<Labelled> labelled = ContainerLabels.read(service.getSpec().getLabels());
        if (labelled.isEmpty()) {
            return Optional.empty();
        }
        Optional<Task> newest = newest(tasks);
        State state = newest.map(task -> state(task.getStatus().getState())).orElse(State.STARTING);
        long version = newest.flatMap(task -> ContainerLabels.read(task.getSpec().getContainerSpec().getLabels()))
                .map(Labelled::configVersion).orElse(labelled.get().configVersion());
        String detail = newest.map(task -> task.getStatus().getState().getValue()
                + (task.getStatus().getErr() == null ? "" : ": " + task.getStatus().getErr())).orElse("no task yet");
        return Optional.of(new ObservedAgent(labelled.get().client(), labelled.get().msp(), version, state,
                restarts(tasks, newest), detail));
    }

    /** The task Swarm wants running now, else the most recent one. */
    private static Optional<Task> newest(List<Task> tasks) {
        Comparator<Task> byAge = Comparator.comparing(task -> Optional.ofNullable(task.getCreatedAt()).orElse(""));
        return tasks.stream().filter(SwarmAgentRuntime::live).max(byAge).or(() -> tasks.stream().max(byAge));
    }

    /** Tasks Swarm started again for the same configuration (a crash, a failed health check). */
    private static int restarts(List<Task> tasks, Optional<Task> newest) {
        if (newest.isEmpty()) {
            return 0;
        }
        Map<String, String> current = newest.get().getSpec().getContainerSpec().getLabels();
        String version = current == null ? "" : current.get(ContainerLabels.CONFIG_VERSION);
        long same = tasks.stream().filter(task -> {
            Map<String, String> labels = task.getSpec().getContainerSpec().getLabels();
            return labels != null && String.valueOf(version).equals(labels.get(ContainerLabels.CONFIG_VERSION));
        }).count();
        return (int) Math.max(0, same - 1);
    }

    private static boolean live(Task task) {
        return task.getDesiredState() == TaskState.RUNNING;
    }

    static State state(TaskState state) {
        return switch (state) {
            case RUNNING -> State.READY;
            case NEW, ALLOCATED, PENDING, ASSIGNED, ACCEPTED, PREPARING, READY, STARTING -> State.STARTING;
            case COMPLETE, SHUTDOWN, FAILED, REJECTED, REMOVE, ORPHANED -> State.EXITED;
        };
    }
}
