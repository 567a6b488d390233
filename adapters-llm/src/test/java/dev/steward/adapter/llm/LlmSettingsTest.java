package dev.steward.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.integration.ToolName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

    private static URI endpoint(String base) {
        return LlmSettings.openAi(URI.create(base), "m", Optional.empty()).endpoint();
    }

    @Test
    void theEndpointIsTheBaseWithV1ChatCompletionsWithoutDoublingV1() {
        assertThat(endpoint("https://api.openai.com")).hasToString("https://api.openai.com/v1/chat/completions");
        assertThat(endpoint("https://api.openai.com/v1/")).hasToString("https://api.openai.com/v1/chat/completions");
        assertThat(endpoint("http://localhost:11434/v1")).hasToString("http://localhost:11434/v1/chat/completions");
        assertThat(endpoint("http://vllm:8000/v1/chat/completions"))
                .hasToString("http://vllm:8000/v1/chat/completions");
        assertThat(LlmSettings.azure(URI.create("https://contoso.openai.azure.com/openai/deployments/gpt-4o"), "gpt-4o",
                ApiKey.of("key", "k"), "2024-10-21").endpoint()).hasToString(
                "https://contoso.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21");
    }

    @Test
    void everyBadValueIsRefusedNamingTheField() {
        assertThatThrownBy(() -> endpoint("ftp://models")).hasMessageContaining("url must be an absolute http(s) URL");
        assertThatThrownBy(() -> endpoint("localhost:11434")).hasMessageContaining("url");
        assertThatThrownBy(() -> endpoint("https://user:pw@api.openai.com")).hasMessageContaining("url must not");
        assertThatThrownBy(() -> LlmSettings.openAi(URI.create("https://x"), " ", Optional.empty()))
                .hasMessageContaining("model is required");
        assertThatThrownBy(() -> LlmSettings.azure(URI.create("https://x"), "m", ApiKey.of("key", "k"), "latest"))
                .hasMessageContaining("azureApiVersion must look like");
        assertThatThrownBy(() -> new LlmSettings(URI.create("https://x"), "m", Optional.empty(),
                Optional.of("2024-10-21"), Duration.ofSeconds(1), 1, Duration.ZERO))
                .hasMessageContaining("key is required for Azure");
        assertThatThrownBy(() -> LlmSettings.openAi(URI.create("https://x"), "m", Optional.empty())
                .withPatience(Duration.ZERO, 3, Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> LlmSettings.openAi(URI.create("https://x"), "m", Optional.empty())
                .withPatience(Duration.ofSeconds(1), 11, Duration.ZERO)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> ApiKey.of("STEWARD_LLM_API_KEY", "  ")).hasMessage("STEWARD_LLM_API_KEY is required");
        assertThatThrownBy(() -> ApiKey.of("STEWARD_LLM_API_KEY", "sk-1\nsk-2"))
                .hasMessageContaining("STEWARD_LLM_API_KEY must be one token");
    }

    @Test
    void theKeyNeverShowsInToString() {
        LlmSettings settings = LlmSettings.openAi(URI.create("https://x"), "m", Optional.of(ApiKey.of("k", "sk-live-1")));
        assertThat(settings.toString()).doesNotContain("sk-live-1").contains("[api key]");
    }

    @Test
    void functionNamesFitTheApiAndComeBackAsTheSameTool() {
        ToolName longOne = ToolName.of("mcp:" + "a".repeat(40) + ":" + "b".repeat(40));
        ToolName other = ToolName.of("mcp:" + "a".repeat(40) + ":" + "b".repeat(39) + "c");
        FunctionNames names = FunctionNames.of(List.of(ToolName.of("m365:get-user"), longOne, other));

        assertThat(FunctionNames.encode(ToolName.of("m365:get-user"))).isEqualTo("m365__get-user");
        assertThat(FunctionNames.encode(longOne)).hasSize(64).matches("[a-zA-Z0-9_-]+")
                .isNotEqualTo(FunctionNames.encode(other));
        assertThat(names.tool(FunctionNames.encode(longOne))).contains(longOne);
        assertThat(names.tool("m365:get-user")).contains(ToolName.of("m365:get-user"));
        assertThat(names.tool("m365__reset-password")).isEmpty();
    }
}
