package dev.steward.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.steward.application.port.reasoning.LanguageModel;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmReasonerModuleTest {

    @Test
    void bindsTheControlPlanesLanguageModelToOneChatCompletionsModel() {
        Injector injector = Guice.createInjector(new LlmReasonerModule(
                LlmSettings.openAi(URI.create("http://localhost:11434/v1"), "llama3.1", Optional.empty())));
        Key<Optional<LanguageModel>> key = Key.get(new TypeLiteral<>() { });

        assertThat(injector.getInstance(key)).get().isInstanceOf(ChatCompletionsModel.class)
                .isSameAs(injector.getInstance(key).orElseThrow());
        assertThat(injector.getInstance(key).orElseThrow().model()).isEqualTo("llama3.1");
    }
}
