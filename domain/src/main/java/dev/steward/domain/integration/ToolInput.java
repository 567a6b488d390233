package dev.steward.domain.integration;

import dev.steward.domain.problem.InvalidValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a tool takes: its parameters, and the JSON Schema a model is shown. A catalog tool's schema is rendered from
 * its parameters; a tool that brings its own schema (an MCP server's) keeps that text and the parameters derived
 * from it, which are what calls are checked against. {@link #check} refuses an argument no parameter names.
 */
public record ToolInput(List<ToolParameter> parameters, Optional<String> schema) {

    /** The longest schema text kept for a tool. */
    public static final int MAX_SCHEMA = 65_536;

    /** A tool that takes no arguments. */
    public static final ToolInput NONE = new ToolInput(List.of(), Optional.empty());

    public ToolInput {
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(schema, "schema");
        Set<String> names = new HashSet<>();
        for (ToolParameter parameter : parameters) {
            if (!names.add(parameter.name())) {
                throw InvalidValue.of("parameters." + parameter.name(), "duplicate", "is listed twice");
            }
        }
        if (schema.isPresent()) {
            if (schema.get().length() > MAX_SCHEMA) {
                throw InvalidValue.of("inputSchema", "too-long", "must be at most " + MAX_SCHEMA + " characters");
            }
            if (!JsonText.isObject(schema.get())) {
                throw InvalidValue.of("inputSchema", "malformed", "must be a JSON object");
            }
        }
    }

    public static ToolInput of(ToolParameter... parameters) {
        return new ToolInput(List.of(parameters), Optional.empty());
    }

    /** A schema brought by the tool itself, with the parameters derived from its properties. */
    public static ToolInput described(String schema, List<ToolParameter> derived) {
        return new ToolInput(derived, Optional.of(schema));
    }

    public Optional<ToolParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Every problem with a call's arguments, each naming {@code arguments.<name>}: a required one missing, one that
     * does not fit its parameter, one no parameter names. Empty when the call may go ahead.
     */
    public List<InvalidValue> check(Map<String, String> arguments) {
        List<InvalidValue> problems = new ArrayList<>();
        for (ToolParameter parameter : parameters) {
            String value = arguments.get(parameter.name());
            if (value == null) {
                if (parameter.required()) {
                    problems.add(InvalidValue.of(parameter.field(), "required", "is required"));
                }
            } else {
                parameter.check(value).ifPresent(problems::add);
            }
        }
        for (String name : new TreeSet<>(arguments.keySet())) {
            if (parameter(name).isEmpty()) {
                problems.add(InvalidValue.of("arguments." + name, "unknown", parameters.isEmpty()
                        ? "is not an argument of this tool (it takes none)"
                        : "is not an argument of this tool (it takes " + parameters.stream()
                                .map(ToolParameter::name).toList() + ")"));
            }
        }
        return List.copyOf(problems);
    }

    /** The JSON Schema of the arguments: the tool's own text, or an object schema rendered from the parameters. */
    public String jsonSchema() {
        if (schema.isPresent()) {
            return schema.get();
        }
        StringBuilder out = new StringBuilder("{\"type\":\"object\",\"properties\":{");
        List<String> required = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            ToolParameter parameter = parameters.get(i);
            out.append(i == 0 ? "" : ",").append(JsonText.quote(parameter.name())).append(':')
                    .append(parameter.schema());
            if (parameter.required()) {
                required.add(JsonText.quote(parameter.name()));
            }
        }
        out.append('}');
        if (!required.isEmpty()) {
            out.append(",\"required\":[").append(String.join(",", required)).append(']');
        }
        return out.append(",\"additionalProperties\":false}").toString();
    }
}
