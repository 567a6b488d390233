package dev.steward.application.agent;

import java.util.Map;
import java.util.Optional;

/**
 * The shape every tool call's arguments must have before the gateway looks at the tool at all: a bounded number of
 * named values of bounded size. What a tool expects of each argument is the tool's own schema, checked by the
 * gateway; this only keeps garbage (a model's runaway output, an oversized request) away from it.
 */
final class ToolArguments {

    static final int MAX_ARGUMENTS = 50;
    static final int MAX_NAME = 100;
    static final int MAX_VALUE = 10_000;

    private ToolArguments() {
    }

    /** What is wrong with the arguments, naming {@code arguments.<name>}; empty when their shape is fine. */
    static Optional<String> problem(Map<String, String> arguments) {
        if (arguments.size() > MAX_ARGUMENTS) {
            return Optional.of("arguments: at most " + MAX_ARGUMENTS + " arguments (got " + arguments.size() + ")");
        }
        for (Map.Entry<String, String> argument : arguments.entrySet()) {
            String name = argument.getKey();
            if (name == null || name.isBlank() || name.length() > MAX_NAME) {
                return Optional.of("arguments: every argument has a name of 1-" + MAX_NAME + " characters");
            }
            if (argument.getValue() == null) {
                return Optional.of("arguments." + name + ": a value is required");
            }
            if (argument.getValue().length() > MAX_VALUE) {
                return Optional.of("arguments." + name + ": at most " + MAX_VALUE + " characters");
            }
        }
        return Optional.empty();
    }
}
