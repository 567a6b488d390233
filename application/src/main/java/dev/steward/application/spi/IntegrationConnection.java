package dev.steward.application.spi;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.stability.Stable;
import dev.steward.domain.integration.Tool;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A live integration: its provider connected it with the integration's values and holds them. Only the control
 * plane holds connections; agents reach their tools through its tool gateway. Optional capabilities are default
 * methods returning {@link Optional#empty()}, so a provider offers only what its system has, and new capabilities
 * can be added without breaking existing providers.
 */
@Stable
public interface IntegrationConnection extends AutoCloseable {

    /** The tools this connection runs: its kind's tools, or those an MCP server offers now. */
    List<Tool> tools();

    /**
     * Runs one call the tool gateway allowed, whose arguments already fit the tool's input. The result's summary goes
     * to the reasoner and the activity log, so it never holds a secret; values for the approving technician only (a
     * temporary password) go in {@link ToolResult#reveal()}.
     *
     * @throws dev.steward.application.problem.NotFound ({@code tool}) for a tool {@link #tools()} does not list, or
     *     naming the thing an argument points at that does not exist (a user, a ticket)
     * @throws dev.steward.domain.problem.InvalidValue naming {@code arguments.<name>} the system refused
     * @throws dev.steward.application.problem.PortFailure if the system failed (retryable or not)
     */
    ToolResult execute(ToolCall call);

    /** The PSA behind this connection: tickets, notes, replies, approvals. */
    default Optional<TicketSystem> ticketSystem() {
        return Optional.empty();
    }

    /** How this connection's webhook deliveries are checked and read. */
    default Optional<WebhookReader> webhooks() {
        return Optional.empty();
    }

    /**
     * How the system's events reach Steward (a PSA's webhook: registered by Steward, to paste, set up by hand, or
     * none), for the integration page; empty for a kind without webhooks.
     */
    default Optional<InboundWebhook> inboundWebhook() {
        return Optional.empty();
    }

    /**
     * The values to store for the integration instead of those it was connected with, when connecting added some:
     * what undoing it later needs (the id of a webhook it registered) and what checking deliveries needs (the secret
     * it generated). Empty when the given values are to be stored as they are.
     */
    default Optional<IntegrationSettings> valuesToStore() {
        return Optional.empty();
    }

    /**
     * Removes from the system what connecting registered there (a webhook), when the integration is disconnected or
     * its connecting is undone; called before {@link #close}. Removing what is already gone succeeds.
     *
     * @throws dev.steward.application.problem.PortFailure if the system could not be asked (the caller disconnects
     *     anyway, and says so)
     */
    default void removeRegistrations() {
    }

    /** The external entries a client can be mapped to (customer tenants, companies, organizations). */
    default Optional<Directory> directory() {
        return Optional.empty();
    }

    /** How this connection verifies a requester's identity before a sensitive action (an MFA push service). */
    default Optional<IdentityVerifier> identityVerifier() {
        return Optional.empty();
    }

    /**
     * Asks the system again which tools it offers (an MCP server's list may change) and returns them; {@link #tools()}
     * returns the same from then on. A kind with a fixed catalog returns its tools.
     *
     * @throws dev.steward.application.problem.PortFailure if the system could not be asked
     */
    default List<Tool> refreshTools() {
        return tools();
    }

    /**
     * Runs {@code listener} whenever the connection's tools changed on their own (an MCP server announced that its
     * list changed), after {@link #tools()} returns the new list. Kinds with a fixed catalog never call it.
     */
    default void onToolsChanged(Runnable listener) {
    }

    /**
     * Runs {@code listener} with the connection's values whenever it renewed a secret on its own (an OAuth access
     * token refreshed before it expired), so that Steward stores them and connects with them after a restart. Kinds
     * whose secrets never change never call it.
     */
    default void onSecretsRenewed(Consumer<IntegrationSettings> listener) {
    }

    /** Since when the system has not answered, while it does not: its tools fail fast until it answers again. */
    default Optional<Instant> unreachableSince() {
        return Optional.empty();
    }

    /** Lets go of what the connection holds (pooled clients, sessions); the connection is not used afterwards. */
    @Override
    default void close() {
    }
}
