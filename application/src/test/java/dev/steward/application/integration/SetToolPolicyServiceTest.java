package dev.steward.application.integration;

import static dev.steward.application.integration.IntegrationWorld.psa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.integration.ToolPolicy;
import dev.steward.domain.msp.Msp;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SetToolPolicyServiceTest {

    private final IntegrationWorld world = new IntegrationWorld();
    private final Msp msp = world.core.anMsp();

    @AfterEach
    void close() {
        world.close();
    }

    private SetToolPolicyCommand command(String id, String tool, String policy, Optional<Long> version) {
        return new SetToolPolicyCommand(msp.id(), id, tool, policy, version);
    }

    @Test
    void setsAPolicyAtTheNextVersionAndReconfiguresTheMspsAgents() {
        Client acme = world.core.anActiveClient(msp, "Acme", "acme");
        String id = world.connect.connect(psa(msp.id(), "https://cw.example")).integration().id().toString();
        long connectedConfig = world.core.stored(acme).configVersion();

        IntegrationDetails set = world.setPolicy.set(command(id, "connectwise:update-status", "auto",
                Optional.of(1L)));

        assertThat(set.integration().version()).isEqualTo(2);
        assertThat(set.integration().policyOf(ToolName.of("connectwise:update-status"))).isEqualTo(ToolPolicy.AUTO);
        assertThat(world.get.get(msp.id(), id)).isEqualTo(set);
        assertThat(world.core.stored(acme).configVersion()).isEqualTo(connectedConfig + 1);
        assertThat(world.core.stored(acme).deployStatus()).isEqualTo(DeployStatus.DEPLOYING);
    }

    @Test
    void refusesAStaleVersionAnUnknownPolicyAndAnUnknownToolChangingNothing() {
        String id = world.connect.connect(psa(msp.id(), "https://cw.example")).integration().id().toString();
        world.setPolicy.set(command(id, "connectwise:get-ticket", "disabled", Optional.empty()));

        assertThatThrownBy(() -> world.setPolicy.set(command(id, "connectwise:get-ticket", "auto", Optional.of(1L))))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("version.stale"));
        assertThatThrownBy(() -> world.setPolicy.set(command(id, "connectwise:get-ticket", "sometimes",
                Optional.empty())))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("policy"));
        assertThatThrownBy(() -> world.setPolicy.set(command(id, "m365:get-user", "auto", Optional.empty())))
                .isInstanceOf(NotFound.class).hasMessageContaining("m365:get-user");
        assertThatThrownBy(() -> world.setPolicy.set(command(id, "NOT A TOOL", "auto", Optional.empty())))
                .isInstanceOf(NotFound.class);
        assertThat(world.get.get(msp.id(), id).integration().policyOf(ToolName.of("connectwise:get-ticket")))
                .isEqualTo(ToolPolicy.DISABLED);
    }

    @Test
    void anotherMspsIntegrationIsNotFound() {
        String id = world.connect.connect(psa(msp.id(), "https://cw.example")).integration().id().toString();
        Msp other = world.core.anMsp();

        assertThatThrownBy(() -> world.setPolicy.set(new SetToolPolicyCommand(other.id(), id,
                "connectwise:get-ticket", "auto", Optional.empty()))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> world.get.get(other.id(), id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> world.disconnect.disconnect(other.id(), id)).isInstanceOf(NotFound.class);
        assertThat(world.connected()).hasSize(1);
    }
}
