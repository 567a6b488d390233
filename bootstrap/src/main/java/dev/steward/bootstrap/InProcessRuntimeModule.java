package dev.steward.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.steward.application.agent.AgentApi;
import dev.steward.application.inprocess.InProcessAgentRuntime;
import dev.steward.application.inprocess.InProcessControlPlane;
import dev.steward.application.lifecycle.InstancePresence;
import dev.steward.application.lifecycle.Lifecycle;
import dev.steward.application.port.activity.MetricsRecorder;
import dev.steward.application.port.runtime.AgentCheckIns;
import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.application.port.runtime.AgentPlacements;
import dev.steward.application.port.runtime.AgentRuntime;
import dev.steward.application.port.runtime.InstanceRegistry;
import dev.steward.application.port.store.UnitOfWork;
import java.time.Clock;

/**
 * Agents as virtual threads in this process: the embedded default runtime. Each agent is the same {@code AgentWorker}
 * a container runs, reaching the agent API's use cases directly with its own token; each client's agent runs on one
 * live instance of the control planes sharing the store (its placement).
 */
final class InProcessRuntimeModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(AgentRuntime.class).to(InProcessAgentRuntime.class);
        Multibinder.newSetBinder(binder(), Lifecycle.class).addBinding().to(InProcessAgentRuntime.class);
    }

    @Provides
    @Singleton
    InProcessAgentRuntime runtime(Clock clock, AgentApi api, AgentCredentials credentials, AgentCheckIns checkIns,
                                  AgentPlacements placements, InstanceRegistry instances, InstancePresence presence,
                                  UnitOfWork unitOfWork, MetricsRecorder metrics) {
        return new InProcessAgentRuntime(clock, InProcessControlPlane.connector(api, credentials),
                new AgentReasonings(), new InProcessAgentRuntime.Shared(checkIns, placements, instances, presence,
                        unitOfWork, metrics));
    }
}
