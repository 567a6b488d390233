package dev.steward.application.testkit;

import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.ClientName;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.msp.MspName;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data with sensible defaults. Every generated slug and id is unique in the JVM, so a kit can run against one
 * shared database without cleaning it between tests.
 */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    private Fixtures() {
    }

    public static Slug uniqueSlug() {
        return Slug.of("client-" + RUN + "-" + SEQUENCE.incrementAndGet());
    }

    public static MspId uniqueMspId() {
        return new MspId(UUID.randomUUID());
    }

    public static Msp anMsp() {
        return Msp.register(uniqueMspId(), new MspName("MSP " + SEQUENCE.incrementAndGet()), T0);
    }

    public static ClientBuilder aClient() {
        return new ClientBuilder();
    }

    /** Builds a client; {@link #inStatus} walks the state machine's happy path so the history stays valid. */
    public static final class ClientBuilder {
        private MspId msp = uniqueMspId();
        private Slug slug = uniqueSlug();
        private String name;
        private Instant at = T0;
        private AgentStatus status = AgentStatus.CREATING;
        private ClientId id = new ClientId(UUID.randomUUID());

        public ClientBuilder inMsp(MspId value) {
            msp = value;
            return this;
        }

        public ClientBuilder inMsp(Msp value) {
            return inMsp(value.id());
        }

        public ClientBuilder withSlug(String value) {
            slug = Slug.of(value);
            return this;
        }

        public ClientBuilder withSlug(Slug value) {
            slug = value;
            return this;
        }

        public ClientBuilder named(String value) {
            name = value;
            return this;
        }

        public ClientBuilder withId(ClientId value) {
            id = value;
            return this;
        }

        public ClientBuilder createdAt(Instant value) {
            at = value;
            return this;
        }

        public ClientBuilder inStatus(AgentStatus value) {
            status = value;
            return this;
        }

        public ClientBuilder active() {
            return inStatus(AgentStatus.ACTIVE);
        }

        public Client build() {
            Client client = Client.register(id, msp, new ClientName(name == null ? "Client " + slug : name), slug, at);
            return switch (status) {
                case CREATING -> client;
                case PROVISIONING -> client.movedTo(AgentStatus.PROVISIONING, "fixture", at);
                case PENDING -> client.movedTo(AgentStatus.PENDING, "fixture", at);
                case ERROR -> client.movedTo(AgentStatus.ERROR, "fixture", at);
                case ACTIVE -> client.movedTo(AgentStatus.PROVISIONING, "fixture", at)
                        .movedTo(AgentStatus.ACTIVE, "fixture", at)
                        .withDeployStatus(dev.steward.domain.agent.DeployStatus.IDLE);
                case DESTROYED -> client.movedTo(AgentStatus.DESTROYED, "fixture", at);
            };
        }
    }
}
