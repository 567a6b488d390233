package dev.steward.adapter.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolInput;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.problem.InvalidValue;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * An MCP server's tools as Steward tools named {@code mcp:<server>:<tool>}: each keeps the server's description and
 * input schema, and is classified so that its policy is seeded from its annotations first ({@code readOnlyHint: true}
 * → read-only → {@code auto}; any other annotation → write → {@code approval_needed}), then from its name's verb
 * (get/list/search/fetch → {@code auto}), {@code approval_needed} when in doubt.
 */
final class McpCatalog {

    /** The characters a server's tool name may use to become part of a Steward tool name. */
    static final Pattern TOOL = Pattern.compile("[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?");

    private static final int MAX_DESCRIPTION = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private McpCatalog() {
    }

    /**
     * The server's tools as Steward tools.
     *
     * @throws InvalidValue ({@code field}) naming the first tool whose name or input schema Steward cannot use
     */
    static List<Tool> translate(String server, Collection<McpSchema.Tool> offered, String field) {
        List<Tool> tools = new ArrayList<>();
        for (McpSchema.Tool tool : offered) {
            tools.add(translate(server, tool, field));
        }
        return List.copyOf(tools);
    }

    /** The tools Steward can use, leaving out (and naming in {@code skipped}) those it cannot. */
    static List<Tool> usable(String server, Collection<McpSchema.Tool> offered, List<String> skipped) {
        List<Tool> tools = new ArrayList<>();
        for (McpSchema.Tool tool : offered) {
            try {
                tools.add(translate(server, tool, "tools"));
            } catch (InvalidValue e) {
                skipped.add(tool.name());
            }
        }
        return List.copyOf(tools);
    }

    private static Tool translate(String server, McpSchema.Tool tool, String field) {
        if (tool.name() == null || !TOOL.matcher(tool.name()).matches()) {
            throw InvalidValue.of(field, "tool-name", "the server offers a tool named '" + printable(tool.name())
                    + "', which Steward cannot name: tool names must be 1-63 characters of a-z, 0-9, '-' or '_',"
                    + " starting and ending with a letter or digit");
        }
        ToolName name = ToolName.of(server + ":" + tool.name());
        String description = tool.description() == null ? "" : tool.description();
        if (description.length() > MAX_DESCRIPTION) {
            description = description.substring(0, MAX_DESCRIPTION) + " …";
        }
        return new Tool(name, effectOf(tool, name), description, inputOf(tool, field), false);
    }

    static ToolEffect effectOf(McpSchema.Tool tool, ToolName name) {
        McpSchema.ToolAnnotations annotations = tool.annotations();
        if (annotations != null && annotations.readOnlyHint() != null) {
            return annotations.readOnlyHint() ? ToolEffect.READ_ONLY : ToolEffect.WRITE;
        }
        return ToolPolicy.effectGuessedFromName(name);
    }

    /** The server's own schema text, with the parameters calls are checked against derived from its properties. */
    @SuppressWarnings("unchecked")
    private static ToolInput inputOf(McpSchema.Tool tool, String field) {
        Map<String, Object> schema = tool.inputSchema() == null ? Map.of("type", "object") : tool.inputSchema();
        String text;
        try {
            text = JSON.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw InvalidValue.of(field, "tool-schema", "the input schema of tool " + tool.name()
                    + " is not JSON");
        }
        List<String> required = schema.get("required") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        List<ToolParameter> parameters = new ArrayList<>();
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            for (Map.Entry<?, ?> property : properties.entrySet()) {
                String parameter = String.valueOf(property.getKey());
                Map<String, Object> spec = property.getValue() instanceof Map<?, ?> m
                        ? (Map<String, Object>) m : Map.of();
                try {
                    parameters.add(new ToolParameter(parameter, typeOf(spec), required.contains(parameter),
                            spec.get("description") instanceof String d ? shorten(d) : "",
                            enumOf(spec), Optional.empty(), OptionalInt.empty()));
                } catch (InvalidValue e) {
                    throw InvalidValue.of(field, "tool-schema", "tool " + tool.name() + " takes a parameter "
                            + "Steward cannot use (" + e.getMessage() + ")");
                }
            }
        }
        try {
            return ToolInput.described(text, parameters);
        } catch (InvalidValue e) {
            throw InvalidValue.of(field, "tool-schema", "the input schema of tool " + tool.name() + " "
                    + e.rule());
        }
    }

    private static ToolParameter.Type typeOf(Map<String, Object> spec) {
        Object type = spec.get("type");
        return switch (type instanceof String t ? t : "") {
            case "string" -> ToolParameter.Type.STRING;
            case "integer" -> ToolParameter.Type.INTEGER;
            case "number" -> ToolParameter.Type.NUMBER;
            case "boolean" -> ToolParameter.Type.BOOLEAN;
            // objects, arrays, unions and untyped values travel as their JSON text
            default -> ToolParameter.Type.JSON;
        };
    }

    private static List<String> enumOf(Map<String, Object> spec) {
        if (spec.get("enum") instanceof List<?> values && "string".equals(spec.get("type"))
                && values.stream().allMatch(String.class::isInstance)) {
            return values.stream().map(String.class::cast).toList();
        }
        return List.of();
    }

    private static String shorten(String description) {
        return description.length() <= ToolParameter.MAX_DESCRIPTION ? description
                : description.substring(0, ToolParameter.MAX_DESCRIPTION - 2) + " …";
    }

    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
