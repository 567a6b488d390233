package dev.steward.adapter.llm;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.steward.application.port.Reasoner;
import java.util.Objects;

/** Guice module of the chat-completions reasoner: binds {@link Reasoner} to it with the given settings. */
public final class LlmReasonerModule extends AbstractModule {

    private final LlmSettings settings;

    public LlmReasonerModule(LlmSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        bind(LlmSettings.class).toInstance(settings);
        bind(Reasoner.class).to(ChatCompletionsReasoner.class).in(Singleton.class);
    }
}
