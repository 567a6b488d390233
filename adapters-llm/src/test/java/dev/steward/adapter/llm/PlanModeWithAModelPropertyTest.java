package dev.steward.adapter.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.steward.application.agentloop.AgentLoop;
import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.reasoning.LanguageModel;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.mode.OperatingMode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan-mode property with a model in the loop: over many generated catalogs, policies (write tools set to run
 * automatically included) and raw chat-completions answers — calls to read-only, write, disabled and unknown tools,
 * arguments as strings, objects or broken JSON, prose and JSON finishes, plans naming anything, malformed bodies,
 * refusals — the chat-completions reasoner driving the agent (its completions through the control plane's model
 * route, as in a container) never gets a write tool executed, and every session ends with exactly one internal note,
 * one request line and one logged line per call the model made (a mistake it is told about and then fixes counts as
 * the fixed call).
 */
class PlanModeWithAModelPropertyTest {

    private static final int CASES_PER_SEED = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScriptedModel MODEL = new ScriptedModel();

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(MODEL)).build();

    /** Answers each request with the next scripted answer; a prose finish once the script is used up. */
    private static final class ScriptedModel implements ResponseDefinitionTransformerV2 {
        private final Deque<Answer> script = new ArrayDeque<>();

        @Override
        public String getName() {
            return "scripted-model";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public synchronized ResponseDefinition transform(ServeEvent event) {
            Answer next = script.isEmpty() ? Answer.prose("out of script") : script.removeFirst();
            return new ResponseDefinitionBuilder().withStatus(next.status())
                    .withHeader("Content-Type", "application/json").withBody(next.body()).build();
        }

        synchronized void play(List<Answer> answers) {
            script.clear();
            script.addAll(answers);
        }
    }

    /** What the loop makes of an answer: a tool call, a mistake the model is told about once, or the end. */
    private enum Kind { CALL, MISTAKE, END }

    /** One raw answer of the model server. */
    private record Answer(int status, String body, Kind kind) {

        static Answer completion(ObjectNode message, Kind kind) {
            ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-p").put("object", "chat.completion");
            body.putArray("choices").addObject().put("index", 0)
                    .put("finish_reason", kind == Kind.CALL ? "tool_calls" : "stop").set("message", message);
            return new Answer(200, body.toString(), kind);
        }

        static Answer prose(String text) {
            return completion(JSON.createObjectNode().put("role", "assistant").put("content", text), Kind.END);
        }
    }

    @BeforeEach
    void theModelFollowsItsScript() {
        SERVER.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(MODEL.getName())));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 11, 2026, 424242})
    void aModelCannotMakePlanModeWriteOrSkipItsOneInternalNote(long seed) {
        Random random = new Random(seed);
        LanguageModel model = new ChatCompletionsModel(LlmSettings.openAi(URI.create(SERVER.baseUrl()), "m",
                Optional.empty()).withPatience(Duration.ofSeconds(5), 1, Duration.ZERO), ChatHttp.defaultClient(),
                wait -> { });
        // the agents' reasoner sends its completions through the control plane, which calls the model
        AgentWorldAccess world = AgentWorldAccess.withModel((configuration, controlPlane) ->
                ChatCompletionsReasoner.throughControlPlane(controlPlane, configuration.reasoner().model()), model);

        for (int i = 0; i < CASES_PER_SEED; i++) {
            String why = "seed " + seed + ", case " + i;
            Client client = world.client("c" + i, OperatingMode.PLAN);
            List<Tool> tools = new ArrayList<>();
            Map<ToolName, ToolPolicy> policies = new HashMap<>();
            for (int j = 0, n = 1 + random.nextInt(5); j < n; j++) {
                ToolName name = ToolName.of("kit" + i + ":op-" + j);
                tools.add(new Tool(name, random.nextBoolean() ? ToolEffect.WRITE : ToolEffect.READ_ONLY, "")
                        .taking(ToolParameter.optional("user", ToolParameter.Type.STRING, "")));
                policies.put(name, ToolPolicy.values()[random.nextInt(ToolPolicy.values().length)]);
            }
            world.connectFor(client, "kit" + i, tools, policies);
            List<Answer> answers = answers(random, tools, policies);
            MODEL.play(answers);
            String ticket = world.psa().open("c" + i, "generated request " + i, "", "user" + i,
                    world.clock().instant());

            world.takeIn(ticket);

            Set<ToolName> writes = tools.stream().filter(t -> t.effect() == ToolEffect.WRITE).map(Tool::name)
                    .collect(Collectors.toSet());
            assertThat(world.executed()).as(why + ": no write tool may run in plan mode")
                    .noneMatch(call -> writes.contains(call.tool()));
            assertThat(world.psa().notes(ticket)).as(why + ": exactly one internal note").singleElement()
                    .satisfies(n -> assertThat(n.visibility()).isEqualTo(PsaNote.Visibility.INTERNAL));
            List<ActivityEntry> log = world.activityOf(ticket);
            assertThat(log).filteredOn(e -> e.kind() == ActivityKind.REQUEST).as(why).hasSize(1);
            assertThat(log).filteredOn(e -> e.kind() == ActivityKind.NOTE).as(why).hasSize(1);
            assertThat(log).filteredOn(e -> e.kind() == ActivityKind.TOOL_CALL).as(why + ": every call is logged")
                    .hasSize(Math.min(callsBeforeTheEnd(answers), AgentLoop.MAX_TOOL_CALLS));
            assertThat(log).as(why).noneMatch(e -> e.kind() == ActivityKind.REPLY || e.kind() == ActivityKind.APPROVAL);
            assertThat(log).filteredOn(e -> e.tool().filter(writes::contains).isPresent()).as(why)
                    .allMatch(e -> e.outcome() == ActivityOutcome.REFUSED_BY_MODE
                            || e.outcome() == ActivityOutcome.REFUSED_BY_POLICY);
        }
        assertThat(world.psa().allNotes()).noneMatch(n -> n.visibility() == PsaNote.Visibility.PUBLIC);
    }

    @Test
    void aModelServerThatFailsEndsTheAttemptWithoutANoteAndTheNextDeliveryPostsTheOne() {
        LanguageModel model = new ChatCompletionsModel(LlmSettings.openAi(URI.create(SERVER.baseUrl()), "m",
                Optional.empty()).withPatience(Duration.ofSeconds(5), 1, Duration.ZERO), ChatHttp.defaultClient(),
                wait -> { });
        AgentWorldAccess world = AgentWorldAccess.withModel((configuration, controlPlane) ->
                ChatCompletionsReasoner.throughControlPlane(controlPlane, configuration.reasoner().model()), model);
        Client client = world.client("c1", OperatingMode.PLAN);
        world.connectFor(client, "kit", List.of(Tool.readOnly("kit:get", "")), Map.of());
        MODEL.play(List.of(new Answer(503, "{\"error\":{\"message\":\"overloaded\"}}", Kind.END),
                Answer.prose("The printer queue is stuck.")));
        String ticket = world.psa().open("c1", "printer offline", "", "user", world.clock().instant());

        world.takeIn(ticket);
        assertThat(world.psa().notes(ticket)).as("a transient model failure writes nothing").isEmpty();
        world.clock().advance(Duration.ofSeconds(31));
        world.work();

        assertThat(world.psa().notes(ticket)).singleElement().satisfies(n -> assertThat(n.text())
                .contains("The printer queue is stuck."));
    }

    /**
     * The tool calls the loop runs: every call, and a mistake followed by a call (the model fixed it), up to the
     * first end, or mistake not followed by a call. A script that runs out ends with prose.
     */
    private static int callsBeforeTheEnd(List<Answer> answers) {
        int calls = 0;
        for (int i = 0; i < answers.size(); i++) {
            Kind kind = answers.get(i).kind();
            if (kind == Kind.MISTAKE && i + 1 < answers.size() && answers.get(i + 1).kind() == Kind.CALL) {
                i++;
            } else if (kind != Kind.CALL) {
                return calls;
            }
            calls++;
        }
        return calls;
    }

    private static List<Answer> answers(Random random, List<Tool> tools, Map<ToolName, ToolPolicy> policies) {
        List<Answer> answers = new ArrayList<>();
        for (int s = 0, n = random.nextInt(16); s < n; s++) {
            answers.add(switch (random.nextInt(10)) {
                case 0 -> call("ghost__tool-" + s, "{}", Kind.MISTAKE);
                case 1 -> call(FunctionNames.encode(pick(random, tools).name()), "{\"user\": dana", Kind.MISTAKE);
                case 2 -> new Answer(200, "{\"choices\":[{\"message\":", Kind.END);
                // a refusal (the model server will not take the request) ends the diagnosis with a note saying so;
                // a transient failure (5xx) ends the attempt instead, see the test below
                case 3 -> new Answer(random.nextBoolean() ? 401 : 400, "{\"error\":{\"message\":\"no\"}}", Kind.END);
                case 4 -> Answer.completion(JSON.createObjectNode().put("role", "assistant").putNull("content"),
                        Kind.END);
                default -> {
                    // a disabled tool is not in the catalog the model is shown: asking for it ends the diagnosis
                    Tool tool = pick(random, tools);
                    yield call(FunctionNames.encode(tool.name()), random.nextBoolean() ? "{\"user\":\"u" + s + "\"}"
                            : null, policies.get(tool.name()) == ToolPolicy.DISABLED ? Kind.MISTAKE : Kind.CALL);
                }
            });
        }
        if (random.nextBoolean()) {
            ObjectNode finish = JSON.createObjectNode().put("diagnosis", "generated");
            ArrayNode plan = finish.putArray("plan");
            tools.stream().filter(t -> random.nextBoolean()).forEach(t -> plan.addObject().put("tool",
                    FunctionNames.encode(t.name())).putObject("arguments").put("user", "u"));
            boolean ghost = random.nextInt(4) == 0;
            if (ghost) {
                plan.addObject().put("tool", "ghost__planned");
            }
            answers.add(Answer.completion(JSON.createObjectNode().put("role", "assistant").put("content",
                    finish.toString()), ghost ? Kind.MISTAKE : Kind.END));
        }
        return answers;
    }

    private static Tool pick(Random random, List<Tool> tools) {
        return tools.get(random.nextInt(tools.size()));
    }

    /** A tool call; {@code arguments} null sends them as an object (Ollama), else as the given string. */
    private static Answer call(String function, String arguments, Kind kind) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").putNull("content");
        ObjectNode fn = message.putArray("tool_calls").addObject().put("type", "function").putObject("function")
                .put("name", function);
        if (arguments == null) {
            fn.putObject("arguments").put("user", "dana");
        } else {
            fn.put("arguments", arguments);
        }
        return Answer.completion(message, kind);
    }
}
