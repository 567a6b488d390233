package dev.steward.application.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.InMemoryCore;
import dev.steward.application.client.DeleteClientCommand;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.Msp;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChangeDefaultModeServiceTest {

    private final InMemoryCore core = new InMemoryCore();
    private final Msp msp = core.anMsp();

    @AfterEach
    void stopAgents() {
        core.close();
    }

    private Msp change(String mode, Optional<Long> expectedVersion) {
        return core.changeDefaultMode.change(new ChangeDefaultModeCommand(msp.id(), mode, expectedVersion));
    }

    @Test
    void reconfiguresEveryLiveInheritingClientAndNoOther() {
        Client inheriting = core.anActiveClient(msp, "Acme Corp", "acme");
        Client stillCreating = core.aClient(msp, "Initech", "initech");
        core.anActiveClient(msp, "Globex", "globex");
        core.changeMode.change(new ChangeOperatingModeCommand(msp.id(), "globex", "plan", Optional.empty()));
        core.reconciler.reconcileDue();
        Client explicit = core.details(msp, "globex").client();
        core.anActiveClient(msp, "Gone Inc", "gone");
        core.deleteClient.delete(new DeleteClientCommand(msp.id(), "gone", "Gone Inc", Optional.empty()));
        Client destroyed = core.details(msp, "gone").client();
        Msp other = core.anMsp();
        Client elsewhere = core.aClient(other, "Acme Corp", "acme");

        Msp changed = change("execute", Optional.empty());

        assertThat(changed.defaultMode()).isEqualTo(EffectiveMode.EXECUTE);
        assertThat(changed.version()).isEqualTo(msp.version() + 1);
        Client after = core.stored(inheriting);
        assertThat(after.configVersion()).isEqualTo(inheriting.configVersion() + 1);
        assertThat(after.status()).isEqualTo(AgentStatus.PROVISIONING);
        assertThat(after.deployStatus()).isEqualTo(DeployStatus.DEPLOYING);
        assertThat(after.lastChange().reason()).contains("MSP default mode execute");
        assertThat(core.stored(stillCreating).configVersion()).isEqualTo(stillCreating.configVersion() + 1);
        assertThat(core.stored(explicit)).isEqualTo(explicit);
        assertThat(core.stored(destroyed)).isEqualTo(destroyed);
        assertThat(core.stored(elsewhere)).isEqualTo(elsewhere);
        assertThat(core.details(msp, "acme").effectiveMode()).isEqualTo(EffectiveMode.EXECUTE);
        assertThat(core.details(msp, "globex").effectiveMode()).isEqualTo(EffectiveMode.PLAN);
    }

    @Test
    void theInheritingAgentsPickUpTheNewConfiguration() {
        Client acme = core.anActiveClient(msp, "Acme Corp", "acme");
        change("execute", Optional.empty());

        core.reconciler.reconcileDue();

        Client after = core.stored(acme);
        assertThat(after.status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(after.deployStatus()).isEqualTo(DeployStatus.IDLE);
        assertThat(core.runtime.observe()).singleElement()
                .satisfies(agent -> assertThat(agent.configVersion()).isEqualTo(after.configVersion()));
    }

    @Test
    void anInheritingClientTheReconcilerSavesMeanwhileIsStillReconfigured() {
        Client acme = core.aClient(msp, "Acme Corp", "acme");
        ChangeDefaultModeService racing = new ChangeDefaultModeService(core.validator, core.msps,
                core.clientsRacedByTheReconciler(), core.clock, core.unitOfWork);

        Msp changed = racing.change(new ChangeDefaultModeCommand(msp.id(), "execute", Optional.empty()));

        assertThat(changed.defaultMode()).isEqualTo(EffectiveMode.EXECUTE);
        Client after = core.stored(acme);
        assertThat(after.configVersion()).isEqualTo(acme.configVersion() + 1);
        assertThat(after.status()).as("made active by the reconciler, then reconfigured")
                .isEqualTo(AgentStatus.PROVISIONING);
    }

    @Test
    void refusesInheritAndChangesNothing() {
        Client acme = core.anActiveClient(msp, "Acme Corp", "acme");

        assertThatThrownBy(() -> change("inherit", Optional.empty()))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("mode");
                            assertThat(v.code()).isEqualTo("mode.inherit-not-allowed");
                        }));
        assertThat(core.msps.find(msp.id())).contains(msp);
        assertThat(core.stored(acme)).isEqualTo(acme);
    }

    @Test
    void refusesAnUnknownModeWithoutOfferingInherit() {
        assertThatThrownBy(() -> change("auto", Optional.empty()))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.message()).isEqualTo("must be plan or execute (got 'auto')")));
    }

    @Test
    void theSameDefaultChangesNothing() {
        Client acme = core.anActiveClient(msp, "Acme Corp", "acme");

        assertThat(change("plan", Optional.empty())).isEqualTo(msp);
        assertThat(core.stored(acme)).isEqualTo(acme);
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndNothingChanges() {
        Client acme = core.anActiveClient(msp, "Acme Corp", "acme");
        change("execute", Optional.of(msp.version()));

        assertThatThrownBy(() -> change("plan", Optional.of(msp.version())))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("version.stale"));
        assertThat(core.msps.find(msp.id()).orElseThrow().defaultMode()).isEqualTo(EffectiveMode.EXECUTE);
        assertThat(core.stored(acme).configVersion()).isEqualTo(acme.configVersion() + 1);
    }

    @Test
    void refusesAnUnknownMsp() {
        assertThatThrownBy(() -> core.changeDefaultMode.change(new ChangeDefaultModeCommand(Fixtures.uniqueMspId(),
                "execute", Optional.empty()))).isInstanceOf(NotFound.class);
    }
}
