package dev.steward.domain.integration;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A connected third-party system (a PSA, Microsoft 365, a documentation platform, a custom MCP server). MSP-wide
 * when {@code client} is empty, otherwise one client's own. Holds its tools, one policy per tool, and the tools the
 * MSP marked sensitive on top of those its catalog marks; credentials are not here but in the secret vault,
 * referenced by id. A sensitive tool's policy is never {@link ToolPolicy#AUTO}: it always waits for a technician (or
 * is disabled), whoever made it sensitive: construction lifts an auto policy of a sensitive tool to
 * {@link ToolPolicy#APPROVAL_NEEDED} (a seeded default, a tool that became sensitive, a row kept before this rule), and
 * {@link #withPolicy} refuses to set one.
 */
public record Integration(
        IntegrationId id,
        MspId msp,
        Optional<ClientId> client,
        String kind,
        List<Tool> tools,
        Map<ToolName, ToolPolicy> policies,
        Set<ToolName> markedSensitive,
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
        markedSensitive = Set.copyOf(markedSensitive);
        if (!policies.keySet().containsAll(markedSensitive)) {
            throw new IllegalArgumentException("a sensitivity mark names a tool the integration does not have");
        }
        // a sensitive tool never runs automatically; one kept as auto before this rule existed loads waiting
        Map<ToolName, ToolPolicy> lifted = new LinkedHashMap<>(policies);
        for (Tool tool : tools) {
            boolean sensitive = tool.sensitive() || markedSensitive.contains(tool.name());
            if (sensitive && lifted.get(tool.name()) == ToolPolicy.AUTO) {
                lifted.put(tool.name(), ToolPolicy.APPROVAL_NEEDED);
            }
        }
        policies = Map.copyOf(lifted);
    }

    /** Connects an integration, seeding each tool's policy from its effect (or a catalog's curated default). */
    public static Integration connect(IntegrationId id, MspId msp, Optional<ClientId> client, String kind,
                                      List<Tool> tools, Map<ToolName, ToolPolicy> curatedDefaults, Instant at) {
        Map<ToolName, ToolPolicy> policies = new LinkedHashMap<>();
        for (Tool tool : tools) {
            policies.put(tool.name(), curatedDefaults.getOrDefault(tool.name(), ToolPolicy.defaultFor(tool.effect())));
        }
        return new Integration(id, msp, client, kind, tools, policies, Set.of(), at, 0);
    }

    /**
     * The same integration offering {@code offered} now (its provider's current catalog, or an MCP server's tools as
     * discovered again): a tool kept keeps its policy and the MSP's sensitivity mark and takes the new description,
     * input and catalog sensitivity; a new tool is seeded like on connect; a tool no longer offered is gone.
     */
    public Integration offering(List<Tool> offered, Map<ToolName, ToolPolicy> curatedDefaults) {
        Map<ToolName, ToolPolicy> next = new LinkedHashMap<>();
        for (Tool tool : offered) {
            next.put(tool.name(), policies.getOrDefault(tool.name(),
                    curatedDefaults.getOrDefault(tool.name(), ToolPolicy.defaultFor(tool.effect()))));
        }
        Set<ToolName> marks = new HashSet<>(markedSensitive);
        marks.retainAll(next.keySet());
        return new Integration(id, msp, client, kind, offered, next, marks, connectedAt, version);
    }

    /**
     * Whether a call of the tool needs a verified requester: its catalog marks it sensitive, or the MSP did.
     *
     * @throws InvalidValue ({@code tool}) if the integration has no such tool
     */
    public boolean isSensitive(ToolName name) {
        Tool tool = tool(name).orElseThrow(() -> InvalidValue.of("tool", "unknown",
                "is not a tool of integration " + kind));
        return tool.sensitive() || markedSensitive.contains(name);
    }

    /**
     * The MSP marks a tool sensitive, or takes its mark back. A tool its catalog marks sensitive stays sensitive. A
     * tool that ran automatically waits for approval once marked, and keeps waiting when the mark is taken back.
     *
     * @throws InvalidValue ({@code tool}) if the integration has no such tool
     */
    public Integration withSensitivityMark(ToolName name, boolean marked) {
        policyOf(name);
        Set<ToolName> marks = new HashSet<>(markedSensitive);
        if (marked) {
            marks.add(name);
        } else {
            marks.remove(name);
        }
        return new Integration(id, msp, client, kind, tools, policies, marks, connectedAt, version);
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

    /**
     * @throws InvalidValue ({@code tool}) if the integration has no such tool, ({@code policy}) if the tool is
     *     sensitive and the policy is auto
     */
    public Integration withPolicy(ToolName name, ToolPolicy policy) {
        policyOf(name);
        if (policy == ToolPolicy.AUTO && isSensitive(name)) {
            throw InvalidValue.of("policy", "sensitive", "cannot be auto: " + name + " is sensitive, so every call "
                    + "waits for a technician's approval (choose approval_needed or disabled)");
        }
        Map<ToolName, ToolPolicy> next = new LinkedHashMap<>(policies);
        next.put(name, policy);
        return new Integration(id, msp, client, kind, tools, next, markedSensitive, connectedAt, version);
    }

    public Integration atVersion(long newVersion) {
        return new Integration(id, msp, client, kind, tools, policies, markedSensitive, connectedAt, newVersion);
    }
}
