package dev.steward.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.steward.application.port.Reasoner;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmReasonerModuleTest {

    @Test
    void bindsTheReasonerToOneChatCompletionsReasoner() {
        Injector injector = Guice.createInjector(new LlmReasonerModule(
                LlmSettings.openAi(URI.create("http://localhost:11434/v1"), "llama3.1", Optional.empty())));

        assertThat(injector.getInstance(Reasoner.class)).isInstanceOf(ChatCompletionsReasoner.class)
                .isSameAs(injector.getInstance(Reasoner.class));
    }
}
