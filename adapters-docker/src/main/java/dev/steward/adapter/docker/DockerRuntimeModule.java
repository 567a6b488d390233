package dev.steward.adapter.docker;

import com.github.dockerjava.api.DockerClient;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.steward.application.lifecycle.Lifecycle;
import dev.steward.application.port.runtime.AgentRuntime;

/**
 * Guice module of the Docker runtime. Binds: {@link DockerSettings} (given), a {@link DockerClient} for
 * {@code settings.dockerHost()}, and {@link AgentRuntime} to {@link DockerAgentRuntime} or {@link SwarmAgentRuntime}
 * as {@code settings.mode()} says. Needs from other modules: {@link java.time.Clock} and
 * {@link dev.steward.application.port.runtime.AgentCredentials} (each new agent container gets a freshly issued token).
 *
 * <p>Creating the client opens no connection; the first engine call does. A {@link Lifecycle} (phase
 * {@code RESOURCES}, added to the {@code Set<Lifecycle>} multibinder) closes it when the control plane stops.
 */
public final class DockerRuntimeModule extends AbstractModule {

    private final DockerSettings settings;

    public DockerRuntimeModule(DockerSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(DockerSettings.class).toInstance(settings);
        bind(DockerAgentRuntime.class).in(Singleton.class);
        bind(SwarmAgentRuntime.class).in(Singleton.class);
        bind(AgentRuntime.class).to(settings.mode().runtime());
        Multibinder.newSetBinder(binder(), Lifecycle.class).addBinding().to(DockerClientLifecycle.class);
    }

    @Provides
    @Singleton
    DockerClient dockerClient(DockerSettings settings) {
        return DockerClients.connect(settings.dockerHost());
    }
}
