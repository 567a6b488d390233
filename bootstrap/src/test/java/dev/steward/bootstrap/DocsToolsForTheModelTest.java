package dev.steward.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.adapter.docs.HuduProvider;
import dev.steward.adapter.docs.ItGlueProvider;
import dev.steward.adapter.llm.ChatCompletionsModel;
import dev.steward.adapter.llm.ChatCompletionsReasoner;
import dev.steward.adapter.llm.LlmSettings;
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.port.reasoning.AgentRequest;
import dev.steward.application.port.reasoning.ReasoningContext;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.prompt.ComposedPrompt;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible reasoner offers the real Hudu and IT Glue tools to the model as functions whose parameters
 * are each tool's own input schema (types, bounds, patterns, required, no other arguments), read from the request the
 * model server received.
 */
class DocsToolsForTheModelTest {

    private final WireMockServer model = new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeEach
    void start() {
        model.start();
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"c","object":"chat.completion","created":1795000000,"model":"m","choices":[{"index":0,
                         "finish_reason":"stop","message":{"role":"assistant",
                         "content":"{\\"diagnosis\\":\\"nothing to check\\",\\"plan\\":[]}"}}]}""")));
    }

    @AfterEach
    void stop() {
        model.stop();
    }

    @Test
    void everyDocumentationToolReachesTheModelWithItsRealInputSchema() throws Exception {
        List<Tool> catalog = new ArrayList<>(new HuduProvider().kind().tools());
        catalog.addAll(new ItGlueProvider().kind().tools());
        AgentRequest request = new AgentRequest(UUID.randomUUID(), Fixtures.uniqueMspId(), new ClientId(UUID.randomUUID()),
                "51001", "dana@contoso.example", "My VPN drops every hour");

        ChatCompletionsModel server = new ChatCompletionsModel(LlmSettings.openAi(URI.create(model.baseUrl() + "/v1"),
                "m", Optional.empty()));
        // the agent's reasoner sends its completions through the control plane, which calls the model server
        ControlPlane controlPlane = (ControlPlane) Proxy.newProxyInstance(ControlPlane.class.getClassLoader(),
                new Class<?>[] {ControlPlane.class}, (proxy, method, args) -> {
                    if (method.getName().equals("model")) {
                        return server.complete((String) args[1]).body();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        ChatCompletionsReasoner.throughControlPlane(controlPlane, "m").next(new ReasoningContext(new ComposedPrompt(""), request, catalog, List.of()));

        JsonNode body = StubPsa.JSON.readTree(model.getAllServeEvents().getFirst().getRequest().getBodyAsString());
        Map<String, JsonNode> functions = new HashMap<>();
        body.path("tools").forEach(t -> functions.put(t.path("function").path("name").asText(), t.path("function")));
        assertThat(functions).hasSize(catalog.size());
        for (Tool tool : catalog) {
            JsonNode function = functions.get(tool.name().value().replace(":", "__"));
            assertThat(function).as(tool.name().value()).isNotNull();
            assertThat(function.path("parameters")).as(tool.name().value())
                    .isEqualTo(StubPsa.JSON.readTree(tool.input().jsonSchema()));
        }
        JsonNode search = functions.get("hudu__search-articles").path("parameters");
        assertThat(search.path("properties").path("query").path("type").asText()).isEqualTo("string");
        assertThat(search.path("properties").path("query").path("maxLength").asInt()).isEqualTo(200);
        assertThat(search.path("properties").path("page").path("type").asText()).isEqualTo("integer");
        assertThat(search.path("additionalProperties").asBoolean(true)).isFalse();
        JsonNode article = functions.get("itglue__get-article").path("parameters");
        assertThat(article.path("required")).extracting(JsonNode::asText).containsExactly("id");
        assertThat(article.path("properties").path("id").path("pattern").asText()).isEqualTo("^(?:[1-9][0-9]{0,18})$");
    }
}
