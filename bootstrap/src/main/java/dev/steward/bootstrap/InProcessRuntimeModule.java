package dev.steward.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.steward.application.inmemory.InProcessAgentRuntime;
import dev.steward.application.port.AgentRuntime;

/** Agents as virtual threads in this process: the embedded default runtime. */
final class InProcessRuntimeModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(InProcessAgentRuntime.class).in(Singleton.class);
        bind(AgentRuntime.class).to(InProcessAgentRuntime.class);
    }
}
