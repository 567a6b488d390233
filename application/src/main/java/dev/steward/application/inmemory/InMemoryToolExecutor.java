package dev.steward.application.inmemory;

import dev.steward.application.port.ToolExecutor;
import dev.steward.application.port.ToolInvocation;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.integration.ToolName;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Tools implemented in process by plain functions, for tests, demos and embedders that bring their own tools. Keeps
 * every invocation it ran, so a test can prove what was (and was not) executed.
 */
public final class InMemoryToolExecutor implements ToolExecutor {

    private final Map<ToolName, Function<Map<String, String>, String>> tools = new ConcurrentHashMap<>();
    private final List<ToolInvocation> executed = new CopyOnWriteArrayList<>();

    @Inject
    public InMemoryToolExecutor() {
    }

    /** Registers (or replaces) a tool: {@code body} gets the arguments and returns the result summary. */
    public InMemoryToolExecutor register(ToolName tool, Function<Map<String, String>, String> body) {
        tools.put(tool, body);
        return this;
    }

    @Override
    public String execute(ToolInvocation invocation) {
        Function<Map<String, String>, String> body = tools.get(invocation.tool());
        if (body == null) {
            throw new NotFound("tool", invocation.tool().value());
        }
        executed.add(invocation);
        return body.apply(invocation.arguments());
    }

    /** Every invocation run so far, in order. */
    public List<ToolInvocation> executed() {
        return List.copyOf(executed);
    }
}
