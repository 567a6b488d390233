package dev.steward.domain.integration;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A connected third-party system (a PSA, Microsoft 365, a documentation platform, a custom MCP server). MSP-wide
 * when {@code client} is empty, otherwise one client's own. Holds its tools and one policy per tool; credentials
 * are not here but in the secret vault, referenced by id.
 */
public record Integration(
        IntegrationId id,
        MspId msp,
        Optional<ClientId> client,
        String kind,
        List<Tool> tools,
        Map<ToolName, ToolPolicy> policies,
        Instant connectedAt,
        long version) {

    private static final Pattern KIND = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?(:[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?)?");

    public Integration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(connectedAt, "connectedAt");
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw InvalidValue.of("kind", "malformed", "must be lower-kebab, e.g. connectwise, m365, hudu or mcp:docs");
        }
        tools = List.copyOf(tools);
        policies = Map.copyOf(policies);
        for (Tool tool : tools) {
            if (!policies.containsKey(tool.name())) {
                throw new IllegalArgumentException("tool " + tool.name() + " has no policy");
            }
        }
        if (policies.size() != tools.size()) {
            throw new IllegalArgumentException("a policy names a tool the integration does not have");
        }
    }

    /** Connects an integration, seeding each tool's policy from its effect (or a catalog's curated default). */
    public static Integration connect(IntegrationId id, MspId msp, Optional<ClientId> client, String kind,
                                      List<Tool> tools, Map<ToolName, ToolPolicy> curatedDefaults, Instant at) {
        Map<ToolName, ToolPolicy> policies = new LinkedHashMap<>();
        for (Tool tool : tools) {
            policies.put(tool.name(), curatedDefaults.getOrDefault(tool.name(), ToolPolicy.defaultFor(tool.effect())));
        }
        return new Integration(id, msp, client, kind, tools, policies, at, 0);
    }

    public Optional<Tool> tool(ToolName name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public ToolPolicy policyOf(ToolName name) {
        ToolPolicy policy = policies.get(name);
        if (policy == null) {
            throw InvalidValue.of("tool", "unknown", "is not a tool of integration " + kind);
        }
        return policy;
    }

    public Integration withPolicy(ToolName name, ToolPolicy policy) {
        policyOf(name);
        Map<ToolName, ToolPolicy> next = new LinkedHashMap<>(policies);
        next.put(name, policy);
        return new Integration(id, msp, client, kind, tools, next, connectedAt, version);
    }

    public Integration atVersion(long newVersion) {
        return new Integration(id, msp, client, kind, tools, policies, connectedAt, newVersion);
    }
}
