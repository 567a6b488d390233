package dev.steward.adapter.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.steward.application.port.reasoning.LanguageModel;
import dev.steward.application.port.reasoning.LanguageModelContract;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChatCompletionsModelTest extends LanguageModelContract {

    private static final String KEY = "sk-model-7d1e0c2b9a";

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private final ChatCompletionsModel model = new ChatCompletionsModel(LlmSettings.openAi(
            URI.create(SERVER.baseUrl()), MODEL, Optional.of(ApiKey.of("key", KEY)))
            .withPatience(Duration.ofSeconds(5), 2, Duration.ofSeconds(1)), ChatHttp.defaultClient(), wait -> { });

    @BeforeEach
    void theServerAnswersTheKitsAnswer() {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(ANSWER)));
    }

    @Override
    protected LanguageModel model() {
        return model;
    }

    @Override
    protected List<String> received() {
        return SERVER.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).stream()
                .map(LoggedRequest::getBodyAsString).toList();
    }

    @Test
    void theKeyGoesInTheHeaderOnlyAndNeverBackToTheAgent() {
        LanguageModel.ModelAnswer answer = model.complete("{\"messages\":[]}");

        LoggedRequest request = SERVER.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).getLast();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getBodyAsString()).doesNotContain(KEY);
        assertThat(answer.body()).doesNotContain(KEY);
    }

    @Test
    void aServerThatReportsNoUsageCountsNothing() {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson("{\"choices\":[]}")));

        assertThat(model.complete("{\"messages\":[]}").tokens().total()).isZero();
    }
}
