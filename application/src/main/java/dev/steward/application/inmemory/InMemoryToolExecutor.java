package dev.steward.application.inmemory;

import dev.steward.application.port.agent.ToolExecutor;
import dev.steward.application.problem.NotFound;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.domain.integration.ToolName;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Tools implemented in process by plain functions, for tests and embedders that bring their own tools without an
 * integration provider. Keeps every call it ran, so a test can prove what was (and was not) executed.
 */
public final class InMemoryToolExecutor implements ToolExecutor {

    private final Map<ToolName, Function<ToolCall, ToolResult>> tools = new ConcurrentHashMap<>();
    private final List<ToolCall> executed = new CopyOnWriteArrayList<>();

    @Inject
    public InMemoryToolExecutor() {
    }

    /** Registers (or replaces) a tool: {@code body} gets the arguments and returns the result summary. */
    public InMemoryToolExecutor register(ToolName tool, Function<Map<String, String>, String> body) {
        return registerCall(tool, call -> ToolResult.of(body.apply(call.arguments())));
    }

    /** Registers (or replaces) a tool whose {@code body} sees the whole call and returns the whole result. */
    public InMemoryToolExecutor registerCall(ToolName tool, Function<ToolCall, ToolResult> body) {
        tools.put(tool, body);
        return this;
    }

    @Override
    public ToolResult execute(ToolCall call) {
        Function<ToolCall, ToolResult> body = tools.get(call.tool());
        if (body == null) {
            throw new NotFound("tool", call.tool().value());
        }
        executed.add(call);
        return body.apply(call);
    }

    /** Every call run so far, in order. */
    public List<ToolCall> executed() {
        return List.copyOf(executed);
    }
}
