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
import java.util.regex.Pattern;

/**
 * What a catalog offers to connect: a kind (e.g. {@code connectwise}), the scopes it may be connected in, the
 * settings and secrets it needs, and the tools it brings with their curated default policies (a tool without one
 * gets {@link ToolPolicy#defaultFor} its effect). A kind whose every call acts inside the calling client's entry of its
 * directory (a documentation company, a customer tenant) names that entry in {@code scopedTo}: the tool gateway then
 * refuses a call for a client without a mapping before the provider is reached. {@code capabilities} say what else the
 * kind is (a {@link IntegrationCapability#PSA}).
 */
public record IntegrationKind(String name, String label, Set<IntegrationScope> scopes, List<SettingSpec> settings,
                              List<Tool> tools, Map<ToolName, ToolPolicy> curatedDefaults, Optional<String> scopedTo,
                              Set<IntegrationCapability> capabilities) {

    /** The longest value a setting or secret may have (certificates and JSON keys fit; a pasted file does not). */
    public static final int MAX_VALUE = 8192;

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");

    public IntegrationKind {
        if (name == null || !NAME.matcher(name).matches()) {
            throw InvalidValue.of("kind", "malformed", "must be lower-kebab, 1-32 characters, e.g. connectwise");
        }
        Objects.requireNonNull(label, "label");
        scopes = Set.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("kind " + name + " must allow at least one scope");
        }
        settings = List.copyOf(settings);
        tools = List.copyOf(tools);
        curatedDefaults = Map.copyOf(curatedDefaults);
        Set<String> keys = new HashSet<>();
        for (SettingSpec setting : settings) {
            if (!keys.add(setting.key())) {
                throw new IllegalArgumentException("kind " + name + " lists setting " + setting.key() + " twice");
            }
        }
        Set<ToolName> toolNames = new HashSet<>();
        for (Tool tool : tools) {
            if (!tool.name().integration().equals(name)) {
                throw new IllegalArgumentException("tool " + tool.name() + " is not named " + name + ":<tool>");
            }
            if (!toolNames.add(tool.name())) {
                throw new IllegalArgumentException("kind " + name + " lists tool " + tool.name() + " twice");
            }
        }
        if (!toolNames.containsAll(curatedDefaults.keySet())) {
            throw new IllegalArgumentException("a curated default of " + name + " names a tool it does not have");
        }
        Objects.requireNonNull(scopedTo, "scopedTo");
        if (scopedTo.isPresent() && scopedTo.get().isBlank()) {
            throw new IllegalArgumentException("kind " + name + " must name what its calls are scoped to");
        }
        capabilities = Set.copyOf(capabilities);
    }

    /** A kind whose calls need no mapped entry, with no capability beyond its tools. */
    public IntegrationKind(String name, String label, Set<IntegrationScope> scopes, List<SettingSpec> settings,
                           List<Tool> tools, Map<ToolName, ToolPolicy> curatedDefaults) {
        this(name, label, scopes, settings, tools, curatedDefaults, Optional.empty(), Set.of());
    }

    /** The same kind, every call of it scoped to the client's mapped {@code entry}, e.g. "documentation company". */
    public IntegrationKind scopedTo(String entry) {
        return new IntegrationKind(name, label, scopes, settings, tools, curatedDefaults, Optional.of(entry),
                capabilities);
    }

    /** The same kind, declaring {@code capability} as well. */
    public IntegrationKind with(IntegrationCapability capability) {
        Set<IntegrationCapability> more = new HashSet<>(capabilities);
        more.add(capability);
        return new IntegrationKind(name, label, scopes, settings, tools, curatedDefaults, scopedTo, more);
    }

    /** Whether the catalog declares {@code capability} for this kind. */
    public boolean has(IntegrationCapability capability) {
        return capabilities.contains(capability);
    }

    public boolean allows(IntegrationScope scope) {
        return scopes.contains(scope);
    }

    public Optional<SettingSpec> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * Every problem with the values given to connect this kind, each naming its field ({@code settings.<key>} or
     * {@code secrets.<key>}): a required one missing or blank, a key the kind does not know, a secret given as a
     * plain setting or the other way round, a value longer than {@link #MAX_VALUE}. Empty when all is well.
     */
    public List<InvalidValue> check(Map<String, String> givenSettings, Map<String, String> givenSecrets) {
        List<InvalidValue> problems = new ArrayList<>();
        for (SettingSpec spec : settings) {
            String value = (spec.secret() ? givenSecrets : givenSettings).get(spec.key());
            if (spec.required() && (value == null || value.isBlank())) {
                problems.add(InvalidValue.of(spec.field(), "required", "is required"));
            } else if (value != null && value.length() > MAX_VALUE) {
                problems.add(InvalidValue.of(spec.field(), "too-long", "must be at most " + MAX_VALUE + " characters"));
            }
        }
        checkKnown(problems, "settings.", givenSettings.keySet(), false);
        checkKnown(problems, "secrets.", givenSecrets.keySet(), true);
        return List.copyOf(problems);
    }

    private void checkKnown(List<InvalidValue> problems, String prefix, Set<String> keys, boolean secret) {
        for (String key : new TreeSet<>(keys)) {
            Optional<SettingSpec> spec = setting(key);
            if (spec.isEmpty()) {
                problems.add(InvalidValue.of(prefix + key, "unknown", "is not a setting of " + name + " (known: "
                        + settings.stream().map(SettingSpec::key).toList() + ")"));
            } else if (spec.get().secret() != secret) {
                problems.add(InvalidValue.of(prefix + key, "misplaced", secret
                        ? "is not a secret; give it under settings" : "is a secret; give it under secrets"));
            }
        }
    }
}
