package dev.steward.application.port.reasoning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.reasoning.LanguageModel;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.domain.usage.TokenCount;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every {@link LanguageModel} must pass this. Subclass it with a model whose server answers every request with
 * {@link #ANSWER} (usage: {@link #USAGE}), configured with the model {@link #MODEL}, and let the kit see the requests
 * the server got.
 */
public abstract class LanguageModelContract {

    public static final String MODEL = "qwen2.5-14b-instruct";
    public static final TokenCount USAGE = new TokenCount(321, 45);
    public static final String ANSWER = "{\"id\":\"chatcmpl-kit\",\"object\":\"chat.completion\",\"model\":\""
            + MODEL + "\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
            + "\"content\":\"done\"}}],\"usage\":{\"prompt_tokens\":321,\"completion_tokens\":45,"
            + "\"total_tokens\":366}}";

    /** The model under test, configured for {@link #MODEL}, whose server answers {@link #ANSWER}. */
    protected abstract LanguageModel model();

    /** The request bodies the server received, oldest first. */
    protected abstract List<String> received();

    private static final String REQUEST = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"Outlook keeps asking for my password\"}],\"temperature\":0}";

    @Test
    void answersWithWhatTheServerSentAndTheTokensItReported() {
        LanguageModel.ModelAnswer answer = model().complete(REQUEST);

        assertThat(answer.body()).contains("chatcmpl-kit").contains("\"content\":\"done\"");
        assertThat(answer.tokens()).isEqualTo(USAGE);
    }

    @Test
    void alwaysSendsTheConfiguredModelWhateverTheRequestNames() {
        model().complete(REQUEST);

        assertThat(model().model()).isEqualTo(MODEL);
        assertThat(received().getLast()).contains("\"" + MODEL + "\"").doesNotContain("gpt-4o")
                .contains("Outlook keeps asking for my password");
    }

    @Test
    void refusesARequestThatIsNotAJsonObjectNamingTheBody() {
        for (String malformed : List.of("", "not json", "[1,2]", "{\"messages\": [")) {
            assertThatThrownBy(() -> model().complete(malformed)).as(malformed)
                    .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                            .anySatisfy(v -> assertThat(v.field()).isEqualTo("body")));
        }
    }
}
