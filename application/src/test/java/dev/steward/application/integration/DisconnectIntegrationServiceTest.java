package dev.steward.application.integration;

import static dev.steward.application.integration.IntegrationWorld.psa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.problem.NotFound;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.msp.Msp;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DisconnectIntegrationServiceTest {

    private final IntegrationWorld world = new IntegrationWorld();
    private final Msp msp = world.core.anMsp();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void removesTheIntegrationItsSecretsAndStopsItsAdapterUsingIt() {
        Integration integration = world.connect.connect(psa(msp.id(), "https://cw.example")).integration();

        world.disconnect.disconnect(msp.id(), integration.id().toString());

        assertThat(world.list.list(msp.id(), Optional.empty())).isEmpty();
        assertThat(world.vault.reveal(msp.id(), integration.id())).isEmpty();
        assertThat(world.connected()).isEmpty();
        assertThatThrownBy(() -> world.disconnect.disconnect(msp.id(), integration.id().toString()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> world.disconnect.disconnect(msp.id(), "not-an-id")).isInstanceOf(NotFound.class);
    }

    @Test
    void aPsaThatCannotBeAskedToRemoveItsWebhookDoesNotKeepTheIntegrationConnected() {
        Integration integration = world.connect.connect(psa(msp.id(), "https://cw.example")).integration();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        world.live.register(integration, new dev.steward.application.spi.IntegrationConnection() {
            @Override
            public java.util.List<dev.steward.domain.integration.Tool> tools() {
                return integration.tools();
            }

            @Override
            public dev.steward.application.spi.ToolResult execute(dev.steward.application.spi.ToolCall call) {
                throw new AssertionError("not called");
            }

            @Override
            public void removeRegistrations() {
                throw dev.steward.application.problem.PortFailure.retryable("connectwise",
                        "connectwise could not be reached", null);
            }

            @Override
            public void close() {
                closed.set(true);
            }
        });

        world.disconnect.disconnect(msp.id(), integration.id().toString());

        assertThat(world.list.list(msp.id(), Optional.empty())).isEmpty();
        assertThat(world.live.connection(integration.id())).isEmpty();
        assertThat(closed).isTrue();
    }
}
