package dev.steward.domain.workflow;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.util.Objects;
import java.util.Optional;

/**
 * Whom a workflow is for: one client, all clients of one MSP, or every MSP (Steward's built-in workflows). The order
 * of {@link #rank()} is the precedence: a client's workflow replaces its MSP's of the same name, which replaces a
 * built-in one.
 */
public sealed interface WorkflowScope {

    /** 0 for a client's, 1 for an MSP's, 2 for a built-in workflow: lower wins. */
    int rank();

    /** Whether requests of {@code client} (of {@code msp}) fall in this scope. */
    boolean covers(MspId msp, ClientId client);

    /** The MSP it belongs to; none for a built-in workflow. */
    Optional<MspId> msp();

    /** The client it belongs to; none when MSP-wide or built in. */
    Optional<ClientId> client();

    static WorkflowScope of(MspId msp, Optional<ClientId> client) {
        return client.<WorkflowScope>map(c -> new OneClient(msp, c)).orElseGet(() -> new MspWide(msp));
    }

    /** One client's. */
    record OneClient(MspId owner, ClientId clientId) implements WorkflowScope {
        public OneClient {
            Objects.requireNonNull(owner, "msp");
            Objects.requireNonNull(clientId, "client");
        }

        @Override
        public int rank() {
            return 0;
        }

        @Override
        public boolean covers(MspId msp, ClientId client) {
            return owner.equals(msp) && clientId.equals(client);
        }

        @Override
        public Optional<MspId> msp() {
            return Optional.of(owner);
        }

        @Override
        public Optional<ClientId> client() {
            return Optional.of(clientId);
        }
    }

    /** All clients of one MSP. */
    record MspWide(MspId owner) implements WorkflowScope {
        public MspWide {
            Objects.requireNonNull(owner, "msp");
        }

        @Override
        public int rank() {
            return 1;
        }

        @Override
        public boolean covers(MspId msp, ClientId client) {
            return owner.equals(msp);
        }

        @Override
        public Optional<MspId> msp() {
            return Optional.of(owner);
        }

        @Override
        public Optional<ClientId> client() {
            return Optional.empty();
        }
    }

    /** Shipped with Steward, for every MSP. */
    record BuiltIn() implements WorkflowScope {
        @Override
        public int rank() {
            return 2;
        }

        @Override
        public boolean covers(MspId msp, ClientId client) {
            return true;
        }

        @Override
        public Optional<MspId> msp() {
            return Optional.empty();
        }

        @Override
        public Optional<ClientId> client() {
            return Optional.empty();
        }
    }
}
