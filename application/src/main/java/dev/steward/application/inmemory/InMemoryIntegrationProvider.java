package dev.steward.application.inmemory;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.problem.NotFound;
import dev.steward.application.spi.AuthorizationFlow;
import dev.steward.application.spi.Directory;
import dev.steward.application.spi.IdentityVerifier;
import dev.steward.application.spi.InboundWebhook;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.application.spi.WebhookReader;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationCapability;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An integration kind implemented in process, for tests, demos and embedders that bring their own integrations. Each
 * of its tools runs a plain function (one not given answers {@code "<tool> ran"}); connecting runs the check the
 * values must pass (as a real system would refuse bad credentials). A connection can also be a PSA (a ticket system
 * and, when its values hold a {@code webhookSecret}, webhooks carrying it in {@code X-Steward-Secret}), offer a
 * directory and verify requesters, and can register its webhook when it connects ({@link #registeringWebhooks}: the
 * webhook's id and a generated secret are added to the values to store, and removing it is remembered). Keeps every
 * call it ran, which integrations are connected and which webhooks are registered, so a test can prove what happened.
 */
public final class InMemoryIntegrationProvider implements IntegrationProvider {

    private final IntegrationKind kind;
    private final Map<ToolName, Function<ToolCall, ToolResult>> bodies = new ConcurrentHashMap<>();
    private final List<ToolCall> executed = new CopyOnWriteArrayList<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile Consumer<IntegrationSettings> check = values -> { };
    private volatile Optional<TicketSystem> ticketSystem = Optional.empty();
    private volatile Optional<Directory> directory = Optional.empty();
    private volatile Optional<IdentityVerifier> identityVerifier = Optional.empty();
    private volatile Optional<AuthorizationFlow> authorizationFlow = Optional.empty();
    private volatile boolean registersWebhooks;
    private volatile boolean pastesWebhooks;
    private final Set<String> registeredWebhooks = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger nextWebhook = new java.util.concurrent.atomic.AtomicInteger();

    public InMemoryIntegrationProvider(IntegrationKind kind) {
        this.kind = kind;
    }

    /** Connecting runs {@code check}, which throws an {@code InvalidValue} for values the kind cannot use. */
    public InMemoryIntegrationProvider checking(Consumer<IntegrationSettings> valuesCheck) {
        this.check = valuesCheck;
        return this;
    }

    /** The tool's calls run {@code body}, which gets the arguments and returns the summary. */
    public InMemoryIntegrationProvider running(ToolName tool, Function<Map<String, String>, String> body) {
        return runningCalls(tool, call -> ToolResult.of(body.apply(call.arguments())));
    }

    /** The tool's calls run {@code body}, which sees the whole call and returns the whole result. */
    public InMemoryIntegrationProvider runningCalls(ToolName tool, Function<ToolCall, ToolResult> body) {
        if (kind.tools().stream().noneMatch(t -> t.name().equals(tool))) {
            throw new IllegalArgumentException(tool + " is not a tool of kind " + kind.name());
        }
        bodies.put(tool, body);
        return this;
    }

    /** Connections are this PSA (so the kind declares {@link IntegrationCapability#PSA}). */
    public InMemoryIntegrationProvider withTicketSystem(TicketSystem system) {
        this.ticketSystem = Optional.of(system);
        return this;
    }

    /** Connections offer this directory. */
    public InMemoryIntegrationProvider withDirectory(Directory entries) {
        this.directory = Optional.of(entries);
        return this;
    }

    /** Connections verify requesters with {@code verifier}. */
    public InMemoryIntegrationProvider withIdentityVerifier(IdentityVerifier verifier) {
        this.identityVerifier = Optional.of(verifier);
        return this;
    }

    /** The kind is authorized in the browser with {@code flow}. */
    public InMemoryIntegrationProvider withAuthorizationFlow(AuthorizationFlow flow) {
        this.authorizationFlow = Optional.of(flow);
        return this;
    }

    @Override
    public IntegrationKind kind() {
        return ticketSystem.isPresent() ? kind.with(IntegrationCapability.PSA) : kind;
    }

    @Override
    public Optional<AuthorizationFlow> authorizationFlow() {
        return authorizationFlow;
    }

    @Override
    public IntegrationConnection connect(Integration integration, IntegrationSettings values,
                                         ProviderContext context) {
        // a named server's integration (mcp:<name>) is of its provider's kind too
        if (!integration.kind().equals(kind.name()) && !integration.kind().startsWith(kind.name() + ":")) {
            throw new IllegalArgumentException(integration.kind() + " is not kind " + kind.name());
        }
        check.accept(values);
        IntegrationSettings stored = values;
        Optional<String> url = context.psaWebhookUrl(integration.msp(), kind.name());
        if (registersWebhooks && url.isPresent() && !values.settings().containsKey("webhookId")) {
            String id = "hook-" + nextWebhook.incrementAndGet();
            registeredWebhooks.add(id);
            Map<String, String> settings = new HashMap<>(values.settings());
            settings.put("webhookId", id);
            Map<String, String> secrets = new HashMap<>(values.secrets());
            secrets.put("webhookSecret", "generated-" + id);
            stored = new IntegrationSettings(settings, secrets);
        } else if (pastesWebhooks && url.isPresent() && !values.settings().containsKey("webhookUser")) {
            int n = nextWebhook.incrementAndGet();
            Map<String, String> settings = new HashMap<>(values.settings());
            settings.put("webhookUser", "steward-" + n);
            Map<String, String> secrets = new HashMap<>(values.secrets());
            secrets.put("webhookSecret", "pasted-password-" + n + "-" + integration.id());
            stored = new IntegrationSettings(settings, secrets);
        }
        Connection connection = new Connection(integration.id(), stored, stored != values, url);
        open.add(connection);
        return connection;
    }

    /**
     * Connecting registers a webhook at the (imagined) system when the context has a public URL: its id
     * ({@code webhookId}) and a generated {@code webhookSecret} are added to the values to store; a stored
     * {@code webhookId} (a reconnect) registers nothing again.
     */
    public InMemoryIntegrationProvider registeringWebhooks() {
        this.registersWebhooks = true;
        return this;
    }

    /**
     * Connecting makes webhook credentials to paste into the (imagined) system, as for a PSA without an API to register
     * a webhook with, when the context has a public URL: {@code webhookUser} and {@code webhookSecret} (the password,
     * carried in {@code X-Steward-Secret}) are added to the values to store, and the connection shows them to paste.
     */
    public InMemoryIntegrationProvider pastingWebhooks() {
        this.pastesWebhooks = true;
        return this;
    }

    /** The webhooks registered at the system and not removed since, by id. */
    public Set<String> registeredWebhooks() {
        return Set.copyOf(registeredWebhooks);
    }

    /** Every call run so far, in order. */
    public List<ToolCall> executed() {
        return List.copyOf(executed);
    }

    /** The integrations connected and not closed since, with their values. */
    public Map<IntegrationId, IntegrationSettings> connected() {
        Map<IntegrationId, IntegrationSettings> connected = new HashMap<>();
        open.forEach(c -> connected.put(c.integration, c.values));
        return Map.copyOf(connected);
    }

    private final class Connection implements IntegrationConnection {

        private final IntegrationId integration;
        private final IntegrationSettings values;
        private final Optional<WebhookReader> webhooks;
        private final boolean registered;
        private final Optional<String> url;

        Connection(IntegrationId integration, IntegrationSettings values, boolean registered, Optional<String> url) {
            this.integration = integration;
            this.values = values;
            this.registered = registered;
            this.url = url;
            this.webhooks = ticketSystem.isPresent() ? Optional.ofNullable(values.secrets().get("webhookSecret"))
                    .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                    .map(secret -> delivery -> InMemoryPsaWebhooks.read(secret, delivery)) : Optional.empty();
        }

        @Override
        public List<Tool> tools() {
            return kind.tools();
        }

        @Override
        public ToolResult execute(ToolCall call) {
            if (kind.tools().stream().noneMatch(t -> t.name().equals(call.tool()))) {
                throw new NotFound("tool", call.tool().value());
            }
            executed.add(call);
            return bodies.getOrDefault(call.tool(), c -> ToolResult.of(c.tool() + " ran")).apply(call);
        }

        @Override
        public Optional<TicketSystem> ticketSystem() {
            return ticketSystem;
        }

        @Override
        public Optional<WebhookReader> webhooks() {
            return webhooks;
        }

        @Override
        public Optional<Directory> directory() {
            return directory;
        }

        @Override
        public Optional<InboundWebhook> inboundWebhook() {
            if (pastesWebhooks && url.isPresent() && values.settings().containsKey("webhookUser")) {
                return Optional.of(new InboundWebhook(InboundWebhook.Setup.PASTE, url,
                        Optional.of(values.settings().get("webhookUser")),
                        Optional.of(values.secrets().get("webhookSecret")), "paste these into the system"));
            }
            if (!registersWebhooks) {
                return Optional.empty();
            }
            return Optional.of(values.settings().containsKey("webhookId") && url.isPresent()
                    ? InboundWebhook.registered(url.get(), "registered in memory")
                    : InboundWebhook.pollingOnly("polled"));
        }

        @Override
        public Optional<IntegrationSettings> valuesToStore() {
            return registered ? Optional.of(values) : Optional.empty();
        }

        @Override
        public void removeRegistrations() {
            Optional.ofNullable(values.settings().get("webhookId")).ifPresent(registeredWebhooks::remove);
        }

        @Override
        public Optional<IdentityVerifier> identityVerifier() {
            return identityVerifier;
        }

        @Override
        public void close() {
            open.remove(this);
        }
    }
}
