package dev.steward.application.provider;

import dev.steward.application.spi.IntegrationProvider;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.problem.InvalidValue;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The installed integration providers by kind, each kind read once. */
public final class IntegrationKinds {

    /**
     * The kind whose integrations are each one server the MSP names: an MCP server named {@code rmm} is an
     * integration of kind {@code mcp:rmm}, connected by the {@code mcp} provider, its tools {@code mcp:rmm:<tool>}.
     */
    public static final String NAMED_SERVERS = "mcp";

    private static final Pattern SERVER = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");

    private record Installed(IntegrationKind kind, IntegrationProvider provider) {}

    private final Map<String, Installed> byName = new TreeMap<>();

    /**
     * @param providers by kind name, as bootstrap's {@code ProviderModule} loads them
     * @throws IllegalStateException if a provider is filed under a name that is not its kind's
     */
    @Inject
    public IntegrationKinds(Map<String, IntegrationProvider> providers) {
        providers.forEach((name, provider) -> {
            IntegrationKind kind = provider.kind();
            if (!kind.name().equals(name)) {
                throw new IllegalStateException(provider.getClass().getName() + " offers kind " + kind.name()
                        + ", not " + name);
            }
            byName.put(name, new Installed(kind, provider));
        });
    }

    /**
     * The given providers, for embedders and tests.
     *
     * @throws IllegalStateException if two offer the same kind (naming both)
     */
    public static IntegrationKinds of(IntegrationProvider... providers) {
        return new IntegrationKinds(Arrays.stream(providers).collect(Collectors.toMap(p -> p.kind().name(),
                Function.identity(), (a, b) -> {
                    throw new IllegalStateException("integration kind " + a.kind().name() + " is offered twice, by "
                            + a.getClass().getName() + " and " + b.getClass().getName());
                })));
    }

    /** The kinds that may be connected in {@code scope}, by name. */
    public List<IntegrationKind> in(IntegrationScope scope) {
        return byName.values().stream().map(Installed::kind).filter(k -> k.allows(scope)).toList();
    }

    /** The kind of an integration named {@code name} ({@code mcp:<server>} is of kind {@code mcp}). */
    public Optional<IntegrationKind> kind(String name) {
        return installed(name).map(Installed::kind);
    }

    public Optional<IntegrationProvider> provider(String name) {
        return installed(name).map(Installed::provider);
    }

    private Optional<Installed> installed(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int colon = name.indexOf(':');
        if (colon < 0) {
            return name.equals(NAMED_SERVERS) ? Optional.empty() : Optional.ofNullable(byName.get(name));
        }
        boolean named = name.substring(0, colon).equals(NAMED_SERVERS)
                && SERVER.matcher(name.substring(colon + 1)).matches();
        return named ? Optional.ofNullable(byName.get(NAMED_SERVERS)) : Optional.empty();
    }

    /** @throws InvalidValue naming {@code kind} (and the kinds there are) if no provider offers it in {@code scope} */
    public IntegrationKind require(String name, IntegrationScope scope) {
        if (byName.containsKey(NAMED_SERVERS) && name != null && (name.equals(NAMED_SERVERS)
                || name.startsWith(NAMED_SERVERS + ":")) && installed(name).isEmpty()) {
            throw InvalidValue.of("kind", "malformed", "must name the MCP server: mcp:<name>, the name 1-32"
                    + " characters of a-z, 0-9 and '-' (it names the server's tools mcp:<name>:<tool>)");
        }
        Installed installed = installed(name).orElse(null);
        if (installed == null || !installed.kind().allows(scope)) {
            throw InvalidValue.of("kind", "unknown", "must be one of " + in(scope).stream()
                    .map(IntegrationKind::name).toList() + " (the kinds that can be connected "
                    + (scope == IntegrationScope.MSP ? "MSP-wide" : "for one client") + ")");
        }
        return installed.kind();
    }
}
