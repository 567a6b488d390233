package dev.steward.adapter.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.steward.application.port.reasoning.AgentRequest;
import dev.steward.application.port.reasoning.PlannedAction;
import dev.steward.application.port.reasoning.Reasoner;
import dev.steward.application.port.reasoning.ReasonerContract;
import dev.steward.application.port.reasoning.ReasonerStep;
import dev.steward.application.port.reasoning.ReasoningContext;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.prompt.ComposedPrompt;
import dev.steward.domain.workflow.Workflow;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The chat-completions reasoner against a local server that speaks the protocol: the contract kit against a
 * well-behaved fake model, then each way a real server answers (THIRD-PARTY-APIS.md §6.1), failures included.
 */
class ChatCompletionsReasonerTest extends ReasonerContract {

    private static final String KEY = "sk-test-4f9a2c7e1b";
    private static final FakeChatModel MODEL = new FakeChatModel();

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(MODEL)).build();

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aWellBehavedModelAnswersUnlessATestSaysOtherwise() {
        SERVER.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(MODEL.getName())));
    }

    @Override
    protected Reasoner reasoner() {
        return reasoner(settings());
    }

    private LlmSettings settings() {
        return LlmSettings.openAi(URI.create(SERVER.baseUrl()), "qwen2.5-14b-instruct",
                Optional.of(ApiKey.of("key", KEY))).withPatience(Duration.ofSeconds(5), 3, Duration.ofSeconds(30));
    }

    private Reasoner reasoner(LlmSettings settings) {
        return new ChatCompletionsReasoner(settings, ChatHttp.defaultClient(), waits::add);
    }

    private static ReasoningContext context(List<TranscriptItem> transcript) {
        AgentRequest request = new AgentRequest(UUID.randomUUID(), Fixtures.uniqueMspId(),
                new ClientId(UUID.randomUUID()), "51001", "dana@contoso.example", "Outlook keeps asking for my password");
        return new ReasoningContext(new ComposedPrompt("You are the helpdesk agent for Contoso."), request,
                List.of(Tool.readOnly("m365:get-user", "Read a user").taking(USER),
                        Tool.readOnly("m365:list-auth-methods", "List a user's sign-in methods").taking(USER,
                                ToolParameter.optional("limit", ToolParameter.Type.INTEGER, "At most this many")),
                        Tool.write("m365:reset-password", "Reset a user's password").taking(USER)),
                transcript);
    }

    private static final ToolParameter USER = ToolParameter.required("user", ToolParameter.Type.STRING,
            "The user's UPN").matching("[^@]+@[^@]+");

    private static ReasoningContext afterOneCheck() {
        return context(List.of(new TranscriptItem(ToolName.of("m365:get-user"), Map.of("user", "dana@contoso.example"),
                ActivityOutcome.OK, "Dana Scully, enabled, last sign-in 09:02")));
    }

    private static void answer(String message) {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(
                "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1795000000,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":" + message + "}]}")));
    }

    @Test
    void aToolCallRoundTripsWithTheWholeSessionInTheRequest() {
        answer("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_9\",\"type\":\"function\","
                + "\"function\":{\"name\":\"m365__list-auth-methods\",\"arguments\":\"{\\\"user\\\":\\\"dana@contoso.example\\\"}\"}}]}");

        ReasonerStep step = reasoner().next(afterOneCheck());

        assertThat(step).isEqualTo(new ReasonerStep.CallTool(ToolName.of("m365:list-auth-methods"),
                Map.of("user", "dana@contoso.example")));
        SERVER.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)).withHeader("api-key", absent()));
        JsonNode sent = lastRequest();
        assertThat(sent.path("model").asText()).isEqualTo("qwen2.5-14b-instruct");
        assertThat(sent.path("tool_choice").asText()).isEqualTo("auto");
        assertThat(sent.path("parallel_tool_calls").asBoolean(true)).isFalse();
        JsonNode messages = sent.path("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).startsWith("You are the helpdesk agent for Contoso.")
                .contains("\"diagnosis\"");
        assertThat(messages.get(1).path("content").asText())
                .isEqualTo("Ticket 51001 from dana@contoso.example:\nOutlook keeps asking for my password");
        JsonNode call = messages.get(2).path("tool_calls").get(0);
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(call.path("id").asText()).isEqualTo("call_1");
        assertThat(call.path("function").path("name").asText()).isEqualTo("m365__get-user");
        assertThat(call.path("function").path("arguments").asText()).isEqualTo("{\"user\":\"dana@contoso.example\"}");
        assertThat(messages.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("ok: Dana Scully, enabled, last sign-in 09:02");
        assertThat(sent.path("tools")).extracting(t -> t.path("function").path("name").asText())
                .containsExactly("m365__get-user", "m365__list-auth-methods", "m365__reset-password");
        assertThat(sent.path("tools").get(2).path("function").path("description").asText())
                .contains("never run while diagnosing");
        JsonNode parameters = sent.path("tools").get(1).path("function").path("parameters");
        assertThat(parameters.path("type").asText()).isEqualTo("object");
        assertThat(parameters.path("properties").path("user").path("type").asText()).isEqualTo("string");
        assertThat(parameters.path("properties").path("user").path("description").asText())
                .isEqualTo("The user's UPN");
        assertThat(parameters.path("properties").path("limit").path("type").asText()).isEqualTo("integer");
        assertThat(parameters.path("required")).extracting(JsonNode::asText).containsExactly("user");
        assertThat(parameters.path("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void anEarlierCallIsReplayedWithItsArgumentsTypedAsTheToolTakesThem() {
        answer("{\"role\":\"assistant\",\"content\":\"{\\\"diagnosis\\\":\\\"fine\\\",\\\"plan\\\":[]}\"}");

        reasoner().next(context(List.of(new TranscriptItem(ToolName.of("m365:list-auth-methods"),
                Map.of("user", "dana@contoso.example", "limit", "3"), ActivityOutcome.OK, "2 methods"))));

        String arguments = lastRequest().path("messages").get(2).path("tool_calls").get(0).path("function")
                .path("arguments").asText();
        assertThat(arguments).contains("\"limit\":3").contains("\"user\":\"dana@contoso.example\"");
    }

    /** The request the stub received last, as JSON (WireMock lists the newest first). */
    private static JsonNode lastRequest() {
        try {
            return new ObjectMapper().readTree(SERVER.getAllServeEvents().getFirst().getRequest().getBodyAsString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void argumentsAsAnObjectAndAMissingCallIdAreAccepted() {
        // Ollama and some vLLM parsers: arguments as an object, no id
        answer("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"m365__get-user\","
                + "\"arguments\":{\"user\":\"dana@contoso.example\",\"verbose\":true,\"limit\":3,\"skip\":null}}}]}");

        assertThat(reasoner().next(context(List.of()))).isEqualTo(new ReasonerStep.CallTool(
                ToolName.of("m365:get-user"), Map.of("user", "dana@contoso.example", "verbose", "true", "limit", "3")));
    }

    @Test
    void aPlainAnswerIsTheDiagnosisWithNoPlan() {
        answer("{\"role\":\"assistant\",\"content\":\"Her password expired yesterday; reset it and tell her.\"}");

        assertThat(reasoner().next(afterOneCheck())).isEqualTo(new ReasonerStep.Finish(
                "Her password expired yesterday; reset it and tell her.", List.of()));
    }

    @Test
    void aStructuredAnswerGivesTheDiagnosisAndThePlan() {
        answer("{\"role\":\"assistant\",\"content\":\"```json\\n{\\\"diagnosis\\\":\\\"Password expired.\\\","
                + "\\\"plan\\\":[{\\\"tool\\\":\\\"m365__reset-password\\\",\\\"arguments\\\":{\\\"user\\\":\\\"dana\\\"},"
                + "\\\"reason\\\":\\\"expired\\\"},{\\\"tool\\\":\\\"m365:get-user\\\"}]}\\n```\"}");

        assertThat(reasoner().next(afterOneCheck())).isEqualTo(new ReasonerStep.Finish("Password expired.", List.of(
                new PlannedAction(ToolName.of("m365:reset-password"), Map.of("user", "dana"), "expired"),
                new PlannedAction(ToolName.of("m365:get-user"), Map.of(), ""))));
    }

    @Test
    void aPlanNamingAToolOutsideTheCatalogIsRefused() {
        answer("{\"role\":\"assistant\",\"content\":\"{\\\"diagnosis\\\":\\\"x\\\",\\\"plan\\\":[{\\\"tool\\\":"
                + "\\\"graph__delete-tenant\\\"}]}\"}");

        assertThatThrownBy(() -> reasoner().next(afterOneCheck())).isInstanceOf(PortFailure.class)
                .hasMessageContaining("unknown tool 'graph__delete-tenant' at plan[0]");
    }

    @Test
    void aBodyThatIsNotJsonIsAPermanentFailure() {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"chatcmpl-1\",\"choices\":[{")));

        assertThatThrownBy(() -> reasoner().next(context(List.of()))).isInstanceOfSatisfying(PortFailure.class,
                failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.port()).isEqualTo("reasoner");
                    assertThat(failure).hasMessageContaining("malformed JSON");
                });
    }

    @Test
    void anAnswerWithoutChoicesOrWithoutAnythingInItIsRefused() {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson("{\"id\":\"x\",\"choices\":[]}")));
        assertThatThrownBy(() -> reasoner().next(context(List.of()))).isInstanceOf(PortFailure.class)
                .hasMessageContaining("without choices");

        answer("{\"role\":\"assistant\",\"content\":null}");
        assertThatThrownBy(() -> reasoner().next(context(List.of()))).isInstanceOf(PortFailure.class)
                .hasMessageContaining("neither a tool call nor any text");
    }

    @Test
    void aToolCallWithArgumentsThatAreNotJsonNamesTheTool() {
        answer("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"m365__get-user\",\"arguments\":\"{\\\"user\\\": dana\"}}]}");

        assertThatThrownBy(() -> reasoner().next(context(List.of()))).isInstanceOfSatisfying(PortFailure.class,
                failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure).hasMessageContaining("arguments for the call of m365:get-user")
                            .hasMessageContaining("not a JSON object");
                });
        SERVER.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aBrokenCallIsShownToTheModelOnceAndItsCorrectedCallIsUsed() {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("fix").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null,"
                        + "\"tool_calls\":[{\"function\":{\"name\":\"m365__get-user\",\"arguments\":\"{user: dana}\"}}]}}]}"))
                .willSetStateTo("told"));
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("fix").whenScenarioStateIs("told")
                .willReturn(okJson("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null,"
                        + "\"tool_calls\":[{\"id\":\"call_2\",\"function\":{\"name\":\"m365__get-user\","
                        + "\"arguments\":\"{\\\"user\\\":\\\"dana\\\"}\"}}]}}]}")));

        assertThat(reasoner().next(context(List.of()))).isEqualTo(new ReasonerStep.CallTool(
                ToolName.of("m365:get-user"), Map.of("user", "dana")));
        JsonNode retry = lastRequest().path("messages");
        assertThat(retry).hasSize(4);
        assertThat(retry.get(2).path("tool_calls").get(0).path("id").asText()).isEqualTo("call_retry");
        assertThat(retry.get(2).path("tool_calls").get(0).path("function").path("arguments").asText())
                .isEqualTo("{user: dana}");
        assertThat(retry.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(retry.get(3).path("tool_call_id").asText()).isEqualTo("call_retry");
        assertThat(retry.get(3).path("content").asText()).startsWith("error: the model gave arguments for the call "
                + "of m365:get-user that are not a JSON object");
    }

    @Test
    void aFinalAnswerWithAnUnknownToolIsSentBackAsAUserMessage() {
        answer("{\"role\":\"assistant\",\"content\":\"{\\\"diagnosis\\\":\\\"x\\\",\\\"plan\\\":[{\\\"tool\\\":"
                + "\\\"ghost__fix\\\"}]}\"}");

        assertThatThrownBy(() -> reasoner().next(afterOneCheck())).isInstanceOf(PortFailure.class)
                .hasMessageContaining("again after being told");
        JsonNode retry = lastRequest().path("messages");
        assertThat(retry.get(retry.size() - 2).path("content").asText()).contains("ghost__fix");
        assertThat(retry.get(retry.size() - 1).path("role").asText()).isEqualTo("user");
        assertThat(retry.get(retry.size() - 1).path("content").asText()).startsWith("That answer could not be used");
    }

    @Test
    void aToolCallForAnUnknownToolIsRefused() {
        answer("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"graph_revoke_sessions\",\"arguments\":\"{}\"}}]}");

        assertThatThrownBy(() -> reasoner().next(context(List.of()))).isInstanceOf(PortFailure.class)
                .hasMessageContaining("unknown tool 'graph_revoke_sessions'");
    }

    @Test
    void aRefusedKeyIsPermanentAndTheKeyIsNeitherInTheMessageNorInTheLog() {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Incorrect API key "
                        + "provided: " + KEY + ".\",\"type\":\"invalid_request_error\",\"param\":null,"
                        + "\"code\":\"invalid_api_key\"}}")));
        Logger logger = (Logger) LoggerFactory.getLogger("dev.steward.adapter.llm");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.DEBUG);
        try {
            assertThatThrownBy(() -> reasoner().next(context(List.of()))).isInstanceOfSatisfying(PortFailure.class,
                failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure).hasMessageContaining("refused the API key (HTTP 401)")
                            .hasMessageContaining("Incorrect API key provided").hasMessageNotContaining(KEY);
                });
        } finally {
            logger.detachAppender(log);
            logger.setLevel(null);
        }
        assertThat(log.list).isNotEmpty().noneMatch(e -> e.getFormattedMessage().contains(KEY));
        assertThat(settings().toString()).doesNotContain(KEY);
        assertThat(waits).isEmpty();
    }

    @Test
    void aThrottledCallWaitsRetryAfterAndThenSucceeds() {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withBody(
                        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}"))
                .willSetStateTo("served"));
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("429").whenScenarioStateIs("served")
                .willReturn(okJson("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"done\"}}]}")));

        assertThat(reasoner().next(context(List.of()))).isEqualTo(new ReasonerStep.Finish("done", List.of()));
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        SERVER.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void throttlingThatDoesNotEndFailsRetryablyAfterTheLastAttempt() {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
                .withHeader("retry-after-ms", "150")));

        assertThatThrownBy(() -> reasoner().next(context(List.of()))).isInstanceOfSatisfying(PortFailure.class,
                failure -> {
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure).hasMessageContaining("HTTP 429").hasMessageContaining("3 attempt(s)");
                });
        assertThat(waits).containsExactly(Duration.ofMillis(150), Duration.ofMillis(150));
        SERVER.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitFailsAtOnce() {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> reasoner().next(context(List.of()))).isInstanceOf(PortFailure.class)
                .hasMessageContaining("after 1 attempt(s)");
        assertThat(waits).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedWithBackoffAndFailsRetryablyWhenItPersists() {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"message\":\"The server had an error while processing your request.\"}}")));

        assertThatThrownBy(() -> reasoner().next(context(List.of()))).isInstanceOfSatisfying(PortFailure.class,
                failure -> {
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure).hasMessageContaining("HTTP 500")
                            .hasMessageContaining("The server had an error");
                });
        assertThat(waits).hasSize(2).allSatisfy(w -> assertThat(w).isPositive());
        assertThat(waits.get(1)).isGreaterThan(waits.get(0).dividedBy(2));
        SERVER.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aBadRequestIsNotRetried() {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":\"model 'qwen2.5-14b-instruct' not found\"}")));

        assertThatThrownBy(() -> reasoner().next(context(List.of()))).isInstanceOfSatisfying(PortFailure.class,
                failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure).hasMessageContaining("HTTP 404: model 'qwen2.5-14b-instruct' not found");
                });
        SERVER.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeFailsRetryably() {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson("{\"choices\":[]}")
                .withFixedDelay(3_000)));
        Reasoner impatient = reasoner(settings().withPatience(Duration.ofMillis(300), 3, Duration.ofSeconds(30)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.next(context(List.of()))).isInstanceOfSatisfying(PortFailure.class,
                failure -> {
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure).hasMessageContaining("did not answer within 300 ms");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void azureOpenAiGetsTheApiKeyHeaderAndTheApiVersionOnTheDeploymentUrl() {
        SERVER.stubFor(post(urlPathEqualTo("/openai/deployments/gpt-4o/chat/completions"))
                .willReturn(okJson("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"done\"}}]}")));
        Reasoner azure = reasoner(LlmSettings.azure(URI.create(SERVER.baseUrl() + "/openai/deployments/gpt-4o/"),
                "gpt-4o", ApiKey.of("key", KEY), "2024-10-21"));

        assertThat(azure.next(context(List.of()))).isEqualTo(new ReasonerStep.Finish("done", List.of()));
        SERVER.verify(postRequestedFor(urlEqualTo("/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"))
                .withHeader("api-key", equalTo(KEY)).withHeader("Authorization", absent()));
    }

    @Test
    void aLocalServerWithoutAKeyGetsNoAuthorizationHeader() {
        answer("{\"role\":\"assistant\",\"content\":\"done\"}");
        Reasoner local = reasoner(LlmSettings.openAi(URI.create(SERVER.baseUrl() + "/v1"), "llama3.1", Optional.empty()));

        local.next(context(List.of()));

        SERVER.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", absent()));
    }

    @Test
    void theModelIsShownEachWorkflowsTriggerAndInstructionsAndTheOnesItNamesAreRecordedAsApplied() {
        List<Workflow> inForce = dev.steward.application.port.reasoning.BuiltInWorkflows.all();
        Workflow passwordReset = inForce.stream().filter(w -> w.name().value().equals("Password reset")).findFirst()
                .orElseThrow();
        answer("{\"role\":\"assistant\",\"content\":\"{\\\"diagnosis\\\": \\\"Password expired.\\\", "
                + "\\\"plan\\\": [], \\\"workflows\\\": [\\\"password RESET\\\", \\\"Made up\\\"]}\"}");
        ReasoningContext base = context(List.of());

        ReasonerStep step = reasoner().next(new ReasoningContext(base.prompt(), base.request(), base.catalog(),
                base.transcript(), inForce));

        String system = lastRequest().path("messages").get(0).path("content").asText();
        assertThat(system).contains(ChatRequest.WORKFLOWS)
                .contains("Password reset\nWhen: " + passwordReset.trigger().sentence() + "\nInstructions: "
                        + passwordReset.instructions());
        assertThat(step).isEqualTo(new ReasonerStep.Finish("Password expired.", List.of(),
                List.of(passwordReset.applied())));
    }

    @Test
    void aContextWithoutToolsSendsNoToolsField() {
        answer("{\"role\":\"assistant\",\"content\":\"done\"}");
        AgentRequest request = new AgentRequest(UUID.randomUUID(), Fixtures.uniqueMspId(),
                new ClientId(UUID.randomUUID()), "7", "", "printer offline");

        reasoner().next(new ReasoningContext(new ComposedPrompt(""), request, List.of(), List.of(), List.of()));

        JsonNode sent = lastRequest();
        assertThat(sent.has("tools")).isFalse();
        assertThat(sent.has("tool_choice")).isFalse();
        assertThat(sent.path("messages").get(0).path("content").asText()).isEqualTo(ChatRequest.INSTRUCTIONS);
        assertThat(sent.path("messages").get(1).path("content").asText()).isEqualTo("Ticket 7:\nprinter offline");
    }

    @Test
    void theFakeModelDrivesAWholeDiagnosisToAPlanWithTheWriteTool() {
        Reasoner reasoner = reasoner();
        List<TranscriptItem> transcript = new ArrayList<>();
        ReasonerStep step = reasoner.next(context(transcript));
        while (step instanceof ReasonerStep.CallTool call) {
            transcript.add(new TranscriptItem(call.tool(), call.arguments(), ActivityOutcome.OK, "fine"));
            step = reasoner.next(context(transcript));
        }
        assertThat(transcript).extracting(TranscriptItem::tool).containsExactly(ToolName.of("m365:get-user"),
                ToolName.of("m365:list-auth-methods"));
        assertThat(((ReasonerStep.Finish) step).plan()).extracting(PlannedAction::tool)
                .containsExactly(ToolName.of("m365:reset-password"));
    }
}
