package dev.steward.adapter.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.application.port.reasoning.PlannedAction;
import dev.steward.application.port.reasoning.ReasonerStep;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.workflow.AppliedWorkflow;
import dev.steward.domain.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a chat-completions answer into a step. {@code choices[0].message.tool_calls} → call the first one (the
 * request asks for no parallel calls; a server that sends more gets asked again next step); otherwise the content
 * is the end: the JSON object the instructions ask for ({@code diagnosis} + {@code plan}), or, when the model
 * answered in prose, that prose as the diagnosis with no plan. Arguments may come as a JSON string (OpenAI) or an
 * object (Ollama, some vLLM parsers); a missing call id does not matter, as ids are not carried over. Unknown tools
 * and unreadable arguments are {@link ModelMistake}s naming the tool (the model may get one chance to fix them); an
 * answer without choices, message or any content is a permanent {@link PortFailure}.
 */
final class ChatAnswer {

    private static final Pattern FENCED = Pattern.compile("^```[a-zA-Z]*\\s*(.*?)\\s*```$", Pattern.DOTALL);

    private final ObjectMapper json;
    private final FunctionNames catalog;
    private final List<Workflow> workflows;

    /** @param workflows those in force, which the model was shown: the ones it names become the step's applied */
    ChatAnswer(ObjectMapper json, FunctionNames catalog, List<Workflow> workflows) {
        this.json = json;
        this.catalog = catalog;
        this.workflows = List.copyOf(workflows);
    }

    ReasonerStep step(JsonNode answer) {
        JsonNode choices = answer.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw malformed("answered without choices");
        }
        JsonNode message = choices.get(0).path("message");
        if (!message.isObject()) {
            throw malformed("answered without choices[0].message");
        }
        JsonNode calls = message.path("tool_calls");
        if (calls.isArray() && !calls.isEmpty()) {
            return call(calls.get(0), message);
        }
        String content = content(message.path("content")).strip();
        if (content.isEmpty()) {
            throw malformed("answered with neither a tool call nor any text (finish_reason "
                    + choices.get(0).path("finish_reason").asText("none") + ")");
        }
        return finish(content, message);
    }

    private ReasonerStep.CallTool call(JsonNode call, JsonNode message) {
        JsonNode function = call.path("function");
        String name = function.path("name").asText("");
        if (name.isBlank()) {
            throw new ModelMistake("the model asked for a tool call without a function name", message);
        }
        ToolName tool = catalog.tool(name).orElseThrow(() -> new ModelMistake("the model asked for the unknown tool '"
                + clip(name) + "' (not in this client's catalog)", message));
        return new ReasonerStep.CallTool(tool, arguments(function.path("arguments"), "the call of " + tool, message));
    }

    private ReasonerStep.Finish finish(String content, JsonNode message) {
        Matcher fenced = FENCED.matcher(content);
        String body = fenced.matches() ? fenced.group(1) : content;
        Optional<JsonNode> structured = object(body).filter(node -> node.path("diagnosis").isTextual());
        if (structured.isEmpty()) {
            return new ReasonerStep.Finish(content, List.of());
        }
        JsonNode node = structured.get();
        List<PlannedAction> plan = new ArrayList<>();
        JsonNode actions = node.path("plan");
        if (!actions.isMissingNode() && !actions.isNull() && !actions.isArray()) {
            throw new ModelMistake("the model answered with a plan that is not a list", message);
        }
        for (int i = 0; i < actions.size(); i++) {
            JsonNode action = actions.get(i);
            String name = action.path("tool").asText("");
            String where = "plan[" + i + "]";
            ToolName tool = catalog.tool(name).orElseThrow(() -> new ModelMistake("the model planned the unknown tool '"
                    + clip(name) + "' at " + where + " (not in this client's catalog)", message));
            plan.add(new PlannedAction(tool, arguments(action.path("arguments"), where + " (" + tool + ")", message),
                    action.path("reason").asText("")));
        }
        return new ReasonerStep.Finish(node.path("diagnosis").asText(), plan, applied(node.path("workflows")));
    }

    /**
     * The versions of the workflows the model names, in the order shown to it, each once. A name it was not shown
     * (misspelt, made up) is ignored: the record must only ever name what the agent was really given.
     */
    private List<AppliedWorkflow> applied(JsonNode names) {
        if (!names.isArray()) {
            return List.of();
        }
        Set<String> named = new HashSet<>();
        names.forEach(n -> named.add(n.asText("").strip().toLowerCase(Locale.ROOT)));
        return workflows.stream().filter(w -> named.contains(w.name().key())).map(Workflow::applied).toList();
    }

    /** A JSON object of arguments, given as a string or inline; values become strings (numbers, flags as written). */
    private Map<String, String> arguments(JsonNode raw, String where, JsonNode message) {
        JsonNode arguments = raw;
        if (raw.isTextual()) {
            if (raw.asText().isBlank()) {
                return Map.of();
            }
            arguments = object(raw.asText()).orElseThrow(() -> new ModelMistake("the model gave arguments for " + where
                    + " that are not a JSON object", message));
        }
        if (arguments.isMissingNode() || arguments.isNull()) {
            return Map.of();
        }
        if (!arguments.isObject()) {
            throw new ModelMistake("the model gave arguments for " + where + " that are not a JSON object", message);
        }
        Map<String, String> values = new LinkedHashMap<>();
        arguments.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                values.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        });
        return values;
    }

    /** Content as a string, or the text parts of a content array (some servers answer in parts). */
    private static String content(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        if (content.isArray()) {
            content.forEach(part -> text.append(part.path("text").asText("")));
        }
        return text.toString();
    }

    private Optional<JsonNode> object(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private static PortFailure malformed(String what) {
        return PortFailure.permanent(ChatHttp.PORT, "the model " + what, null);
    }

    private static String clip(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
