package dev.steward.adapter.llm;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.steward.application.port.reasoning.LanguageModel;
import java.util.Objects;

/**
 * Guice module of the model-based reasoner's control-plane side: binds {@link LlmSettings} and sets the
 * {@link LanguageModel} (an optional binding declared by the core) to one {@link ChatCompletionsModel}. The agents'
 * reasoner is built in each agent ({@link ChatCompletionsReasoner#throughControlPlane}) and needs no binding.
 */
public final class LlmReasonerModule extends AbstractModule {

    private final LlmSettings settings;

    public LlmReasonerModule(LlmSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        bind(LlmSettings.class).toInstance(settings);
        OptionalBinder.newOptionalBinder(binder(), LanguageModel.class).setBinding().to(ChatCompletionsModel.class)
                .in(Singleton.class);
    }
}
