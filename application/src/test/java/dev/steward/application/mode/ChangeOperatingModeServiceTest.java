package dev.steward.application.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.InMemoryCore;
import dev.steward.application.client.ClientDetails;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.msp.Msp;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChangeOperatingModeServiceTest {

    private final InMemoryCore core = new InMemoryCore();
    private final Msp msp = core.anMsp();

    @AfterEach
    void stopAgents() {
        core.close();
    }

    private ClientDetails change(String mode, Optional<Long> expectedVersion) {
        return core.changeMode.change(new ChangeOperatingModeCommand(msp.id(), "acme", mode, expectedVersion));
    }

    @Test
    void pushesTheNewModeToAnActiveAgent() {
        Client before = core.anActiveClient(msp, "Acme Corp", "acme");

        ClientDetails changed = change("execute", Optional.of(before.version()));

        assertThat(changed.client().mode()).isEqualTo(OperatingMode.EXECUTE);
        assertThat(changed.effectiveMode()).isEqualTo(EffectiveMode.EXECUTE);
        assertThat(changed.client().configVersion()).isEqualTo(before.configVersion() + 1);
        assertThat(changed.client().deployStatus()).isEqualTo(DeployStatus.DEPLOYING);
        assertThat(changed.client().status()).isEqualTo(AgentStatus.PROVISIONING);
        assertThat(changed.client().version()).isEqualTo(before.version() + 1);
        assertThat(core.stored(before)).isEqualTo(changed.client());
    }

    @Test
    void theAgentPicksItUpAndTheDeployEndsIdle() {
        core.anActiveClient(msp, "Acme Corp", "acme");
        ClientDetails changed = change("execute", Optional.empty());

        core.reconciler.reconcileDue();

        Client after = core.stored(changed.client());
        assertThat(after.status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(after.deployStatus()).isEqualTo(DeployStatus.IDLE);
        assertThat(core.runtime.observe()).singleElement()
                .satisfies(agent -> assertThat(agent.configVersion()).isEqualTo(after.configVersion()));
    }

    @Test
    void aSaveByTheReconcilerMeanwhileDoesNotFailAChangeThatPinnedNoVersion() {
        Client acme = core.aClient(msp, "Acme Corp", "acme");
        ChangeOperatingModeService racing = new ChangeOperatingModeService(core.validator,
                core.clientsRacedByTheReconciler(), core.msps, core.clock, core.unitOfWork);

        ClientDetails changed = racing.change(new ChangeOperatingModeCommand(msp.id(), "acme", "execute",
                Optional.empty()));

        assertThat(changed.client().mode()).isEqualTo(OperatingMode.EXECUTE);
        assertThat(changed.client().status()).as("made active by the reconciler, then reconfigured")
                .isEqualTo(AgentStatus.PROVISIONING);
        assertThat(core.stored(acme)).isEqualTo(changed.client());
    }

    @Test
    void aSaveByTheReconcilerMeanwhileIsAConflictForAChangeThatPinnedTheVersion() {
        Client acme = core.aClient(msp, "Acme Corp", "acme");
        ChangeOperatingModeService racing = new ChangeOperatingModeService(core.validator,
                core.clientsRacedByTheReconciler(), core.msps, core.clock, core.unitOfWork);

        assertThatThrownBy(() -> racing.change(new ChangeOperatingModeCommand(msp.id(), "acme", "execute",
                Optional.of(acme.version())))).isInstanceOf(Conflict.class);
        assertThat(core.stored(acme).mode()).isEqualTo(OperatingMode.INHERIT);
    }

    @Test
    void settingTheSameModeChangesNothing() {
        Client before = core.anActiveClient(msp, "Acme Corp", "acme");

        ClientDetails same = change("inherit", Optional.empty());

        assertThat(same.client()).isEqualTo(before);
        assertThat(core.stored(before)).isEqualTo(before);
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndNothingChanges() {
        Client before = core.anActiveClient(msp, "Acme Corp", "acme");

        assertThatThrownBy(() -> change("execute", Optional.of(before.version() - 1)))
                .isInstanceOfSatisfying(Conflict.class, e -> {
                    assertThat(e.code()).isEqualTo("version.stale");
                    assertThat(e.getMessage()).contains("reload and try again");
                });
        assertThat(core.stored(before)).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownModeNamingTheField() {
        core.aClient(msp, "Acme Corp", "acme");

        assertThatThrownBy(() -> change("EXECUTE", Optional.empty()))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("mode");
                            assertThat(v.message()).contains("plan, execute, inherit");
                        }));
        assertThatThrownBy(() -> change(null, Optional.empty()))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("mode"));
    }

    @Test
    void refusesAnUnknownClient() {
        assertThatThrownBy(() -> change("plan", Optional.empty())).isInstanceOf(NotFound.class);
    }
}
