package dev.steward.adapter.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.application.port.reasoning.ReasoningContext;
import dev.steward.application.port.reasoning.TranscriptItem;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.workflow.Workflow;
import java.util.List;
import java.util.Optional;

/**
 * The body of one chat-completions request for a context: the composed prompt plus Steward's instructions and the
 * trigger and instructions of every workflow in force (active, in scope, by precedence) as the system message, the ticket as the user message, every call so far as an assistant {@code tool_calls} message
 * followed by its {@code tool} result, and the catalog as function tools. Call ids are {@code call_<n>}, derived from
 * the transcript position, so the same context always gives the same body.
 */
final class ChatRequest {

    /** What the model must do and how to finish; the final answer shape is what {@link ChatAnswer} reads. */
    static final String INSTRUCTIONS = """
            You are diagnosing a helpdesk ticket for this client. Call the read-only tools you need, one at a time, \
            to check what is wrong. Tools marked as changing something are never run while you diagnose: if one \
            would fix the problem, put it in your plan instead. When you are done, answer with only this JSON \
            object and nothing else:
            {"diagnosis": "what is wrong and how you know", \
            "plan": [{"tool": "<tool name>", "arguments": {"<name>": "<value>"}, "reason": "why"}]}
            Use an empty plan when no tool would resolve it; a technician then takes the ticket.""";

    private ChatRequest() {
    }

    static String body(ObjectMapper json, String model, ReasoningContext context) {
        return body(json, model, context, Optional.empty());
    }

    /**
     * The body with, at its end, the model's unusable answer and what was wrong with it: a {@code tool} error for a
     * bad call, a user message for a bad final answer, so the model can answer again.
     */
    static String body(ObjectMapper json, String model, ReasoningContext context, Optional<ModelMistake> mistake) {
        ObjectNode body = json.createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        String prompt = context.prompt().text().strip();
        messages.addObject().put("role", "system").put("content",
                (prompt.isEmpty() ? INSTRUCTIONS : prompt + "\n\n" + INSTRUCTIONS) + workflows(context.workflows()));
        messages.addObject().put("role", "user").put("content", ticket(context));
        for (int i = 0; i < context.transcript().size(); i++) {
            TranscriptItem item = context.transcript().get(i);
            String id = "call_" + (i + 1);
            ObjectNode call = messages.addObject().put("role", "assistant").putNull("content")
                    .putArray("tool_calls").addObject().put("id", id).put("type", "function");
            call.putObject("function").put("name", FunctionNames.encode(item.tool()))
                    .put("arguments", write(json, typed(json, context, item)));
            messages.addObject().put("role", "tool").put("tool_call_id", id)
                    .put("content", item.outcome().label().replace('_', ' ') + ": " + item.result());
        }
        mistake.ifPresent(m -> correction(json, messages, m));
        if (!context.catalog().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            context.catalog().forEach(tool -> function(json, tools.addObject().put("type", "function"), tool));
            body.put("tool_choice", "auto").put("parallel_tool_calls", false);
        }
        return write(json, body);
    }

    private static void correction(ObjectMapper json, ArrayNode messages, ModelMistake mistake) {
        JsonNode call = mistake.answer().path("tool_calls").path(0);
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        if (call.isObject()) {
            String id = call.path("id").asText("").isBlank() ? "call_retry" : call.path("id").asText();
            JsonNode arguments = call.path("function").path("arguments");
            assistant.putNull("content").putArray("tool_calls").addObject().put("id", id).put("type", "function")
                    .putObject("function").put("name", call.path("function").path("name").asText(""))
                    .put("arguments", arguments.isTextual() ? arguments.asText()
                            : arguments.isObject() ? write(json, arguments) : "{}");
            messages.addObject().put("role", "tool").put("tool_call_id", id).put("content", "error: "
                    + mistake.getMessage() + ". Call one of the tools given, with a JSON object of arguments that "
                    + "fits its parameters, or finish.");
        } else {
            assistant.put("content", mistake.answer().path("content").asText(""));
            messages.addObject().put("role", "user").put("content", "That answer could not be used: "
                    + mistake.getMessage() + ". Answer again with the JSON object described, naming only tools given.");
        }
    }

    /** What the model is told about the workflows in force, and how to say which it applied; none: nothing. */
    static String workflows(List<Workflow> workflows) {
        if (workflows.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n\n").append(WORKFLOWS);
        for (int i = 0; i < workflows.size(); i++) {
            Workflow workflow = workflows.get(i);
            out.append("\n\n").append(i + 1).append(". ").append(workflow.name().value())
                    .append("\nWhen: ").append(workflow.trigger().sentence())
                    .append("\nInstructions: ").append(workflow.instructions().strip());
        }
        return out.toString();
    }

    /** How the model hears about workflows; {@link ChatAnswer} reads the {@code workflows} names it gives back. */
    static final String WORKFLOWS = """
            The MSP's workflows for this client follow. Apply every one whose "When" fits the ticket (several may \
            apply and combine) by following its instructions, and name each one you applied in your final answer: \
            add "workflows": ["<workflow name>"] to the JSON object. Leave it empty when none fits.""";

    private static String ticket(ReasoningContext context) {
        String from = context.request().requester().isBlank() ? "" : " from " + context.request().requester();
        return "Ticket " + context.request().reference() + from + ":\n" + context.request().text();
    }

    /** The tool as a function whose parameters are the tool's own input schema. */
    private static void function(ObjectMapper json, ObjectNode entry, Tool tool) {
        String effect = tool.effect() == ToolEffect.READ_ONLY ? "Read-only: you may call it to diagnose."
                : "Changes something: never run while diagnosing; put it in your plan.";
        ObjectNode function = entry.putObject("function").put("name", FunctionNames.encode(tool.name()))
                .put("description", (tool.description().isBlank() ? tool.name().value() : tool.description().strip())
                        + " (" + tool.name() + ") " + effect);
        try {
            function.set("parameters", json.readTree(tool.input().jsonSchema()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tool's input schema is JSON by construction", e);
        }
    }

    /**
     * A call's arguments as the model sent them: text for a string parameter, the JSON value for any other (they
     * travel inside Steward as their JSON text).
     */
    private static ObjectNode typed(ObjectMapper json, ReasoningContext context, TranscriptItem item) {
        Optional<Tool> tool = context.catalog().stream().filter(t -> t.name().equals(item.tool())).findFirst();
        ObjectNode arguments = json.createObjectNode();
        item.arguments().forEach((name, value) -> {
            boolean typed = tool.flatMap(t -> t.input().parameter(name))
                    .filter(p -> p.type() != ToolParameter.Type.STRING).isPresent();
            JsonNode parsed = typed ? parse(json, value) : null;
            if (parsed != null) {
                arguments.set(name, parsed);
            } else {
                arguments.put(name, value);
            }
        });
        return arguments;
    }

    private static JsonNode parse(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
