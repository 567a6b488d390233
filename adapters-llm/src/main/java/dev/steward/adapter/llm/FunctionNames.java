package dev.steward.adapter.llm;

import dev.steward.domain.integration.ToolName;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tool names as function names. OpenAI-style APIs accept only {@code [a-zA-Z0-9_-]{1,64}}, so {@code m365:get-user}
 * goes out as {@code m365__get-user}; a name longer than 64 characters is cut and suffixed with the whole name's hash code.
 * Names coming back are looked up in this session's table, never parsed, so an encoding can never be misread.
 */
final class FunctionNames {

    static final int MAX_LENGTH = 64;

    private final Map<String, ToolName> byFunction = new LinkedHashMap<>();

    private FunctionNames() {
    }

    static FunctionNames of(Collection<ToolName> tools) {
        FunctionNames names = new FunctionNames();
        tools.forEach(tool -> names.byFunction.putIfAbsent(encode(tool), tool));
        return names;
    }

    static String encode(ToolName tool) {
        String plain = tool.value().replace(":", "__");
        if (plain.length() <= MAX_LENGTH) {
            return plain;
        }
        // String.hashCode is specified by the JLS, so the suffix is the same on every JVM and every run
        return plain.substring(0, MAX_LENGTH - 9) + "_" + "%08x".formatted(tool.value().hashCode());
    }

    /** The tool a name from the model stands for: its function name, or (leniently) the tool's own name. */
    Optional<ToolName> tool(String name) {
        if (name == null) {
            return Optional.empty();
        }
        ToolName encoded = byFunction.get(name.strip());
        if (encoded != null) {
            return Optional.of(encoded);
        }
        return byFunction.values().stream().filter(t -> t.value().equals(name.strip())).findFirst();
    }
}
