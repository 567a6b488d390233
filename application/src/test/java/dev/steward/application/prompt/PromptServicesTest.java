package dev.steward.application.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.InMemoryCore;
import dev.steward.application.client.ClientDetails;
import dev.steward.application.client.DeleteClientCommand;
import dev.steward.application.mode.ChangeOperatingModeCommand;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.prompt.PromptTiers;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The MSP prompt, the client prompt and the composed preview, as a technician edits them on the Prompt tab. */
class PromptServicesTest {

    private final InMemoryCore core = new InMemoryCore();
    private final Msp msp = core.anMsp();

    @AfterEach
    void stopAgents() {
        core.close();
    }

    private Msp editMsp(String prompt) {
        return core.editMspPrompt.edit(new EditMspPromptCommand(msp.id(), prompt, Optional.empty()));
    }

    private ClientDetails editClient(String slug, String prompt) {
        return core.editClientPrompt.edit(new EditClientPromptCommand(msp.id(), slug, prompt, Optional.empty()));
    }

    @Nested
    class Preview {

        @Test
        void composesBaseThenMspThenClient() {
            core.aClient(msp, "Acme Corp", "acme");
            editMsp("Sign every note as Northwind IT.");
            editClient("acme", "Acme's VPN is GlobalProtect.");

            String composed = core.previewPrompt.preview(msp.id(), "acme").text();

            int base = composed.indexOf(PromptTiers.BASE.value().lines().findFirst().orElseThrow());
            int mspTier = composed.indexOf("Sign every note as Northwind IT.");
            int clientTier = composed.indexOf("Acme's VPN is GlobalProtect.");
            assertThat(composed).startsWith("## Base instructions\n");
            assertThat(base).isPositive();
            assertThat(mspTier).isGreaterThan(base);
            assertThat(clientTier).isGreaterThan(mspTier);
            assertThat(composed).contains("## MSP instructions").contains("## Client instructions");
        }

        @Test
        void leavesOutTiersNobodyWrote() {
            core.aClient(msp, "Acme Corp", "acme");

            String composed = core.previewPrompt.preview(msp.id(), "acme").text();

            assertThat(composed).isEqualTo(PromptTiers.of(msp.prompt(), msp.prompt()).compose().text())
                    .doesNotContain("## MSP instructions").doesNotContain("## Client instructions");
        }

        @Test
        void showsOnlyTheMspsOwnClient() {
            Msp other = core.anMsp();
            core.aClient(other, "Acme Corp", "acme");

            assertThatThrownBy(() -> core.previewPrompt.preview(msp.id(), "acme")).isInstanceOf(NotFound.class);
        }
    }

    @Nested
    class ClientPrompt {

        @Test
        void savingDeploysItToTheClientsAgent() {
            Client acme = core.anActiveClient(msp, "Acme Corp", "acme");

            ClientDetails edited = editClient("acme", "Prefer remote sessions.");

            assertThat(edited.client().prompt().value()).isEqualTo("Prefer remote sessions.");
            assertThat(edited.client().configVersion()).isEqualTo(acme.configVersion() + 1);
            assertThat(edited.client().deployStatus()).isEqualTo(DeployStatus.DEPLOYING);

            core.reconciler.reconcileDue();

            assertThat(core.stored(acme).deployStatus()).isEqualTo(DeployStatus.IDLE);
            assertThat(core.stored(acme).status()).isEqualTo(AgentStatus.ACTIVE);
        }

        @Test
        void aSaveByTheReconcilerMeanwhileDoesNotFailTheEdit() {
            Client acme = core.aClient(msp, "Acme Corp", "acme");
            EditClientPromptService racing = new EditClientPromptService(core.validator,
                    core.clientsRacedByTheReconciler(), core.msps, core.clock, core.unitOfWork);

            ClientDetails edited = racing.edit(new EditClientPromptCommand(msp.id(), "acme", "Prefer remote sessions.",
                    Optional.empty()));

            assertThat(edited.client().prompt().value()).isEqualTo("Prefer remote sessions.");
            assertThat(core.stored(acme)).isEqualTo(edited.client());
        }

        @Test
        void savingTheSameTextChangesNothing() {
            core.anActiveClient(msp, "Acme Corp", "acme");
            Client once = editClient("acme", "Prefer remote sessions.").client();

            assertThat(editClient("acme", "Prefer remote sessions.").client()).isEqualTo(once);
        }

        @Test
        void refusesAnOverlongOrNulContainingPromptNamingTheField() {
            Client acme = core.aClient(msp, "Acme Corp", "acme");

            assertThatThrownBy(() -> editClient("acme", "p".repeat(20_001)))
                    .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations()).singleElement()
                            .satisfies(v -> assertThat(v.field()).isEqualTo("prompt")));
            assertThatThrownBy(() -> editClient("acme", "a\0b"))
                    .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations()).singleElement()
                            .satisfies(v -> assertThat(v.code()).isEqualTo("prompt.nul-character")));
            assertThat(core.stored(acme)).isEqualTo(acme);
        }

        @Test
        void aStaleExpectedVersionIsAConflict() {
            Client acme = core.aClient(msp, "Acme Corp", "acme");
            core.changeMode.change(new ChangeOperatingModeCommand(msp.id(), "acme", "execute", Optional.empty()));

            assertThatThrownBy(() -> core.editClientPrompt.edit(new EditClientPromptCommand(msp.id(), "acme", "x",
                    Optional.of(acme.version())))).isInstanceOf(Conflict.class);
        }
    }

    @Nested
    class MspPrompt {

        @Test
        void savingDeploysToEveryLiveClientOfTheMspWhateverItsMode() {
            Client acme = core.anActiveClient(msp, "Acme Corp", "acme");
            Client globex = core.anActiveClient(msp, "Globex", "globex");
            core.changeMode.change(new ChangeOperatingModeCommand(msp.id(), "globex", "execute", Optional.empty()));
            core.reconciler.reconcileDue();
            Client globexBefore = core.stored(globex);
            core.anActiveClient(msp, "Gone Inc", "gone");
            core.deleteClient.delete(new DeleteClientCommand(msp.id(), "gone", "Gone Inc", Optional.empty()));
            Client gone = core.details(msp, "gone").client();
            Msp other = core.anMsp();
            Client elsewhere = core.aClient(other, "Acme Corp", "acme");

            Msp edited = editMsp("Sign every note as Northwind IT.");

            assertThat(edited.prompt().value()).isEqualTo("Sign every note as Northwind IT.");
            assertThat(core.stored(acme).configVersion()).isEqualTo(acme.configVersion() + 1);
            assertThat(core.stored(globex).configVersion()).isEqualTo(globexBefore.configVersion() + 1);
            assertThat(core.stored(acme).deployStatus()).isEqualTo(DeployStatus.DEPLOYING);
            assertThat(core.stored(gone)).isEqualTo(gone);
            assertThat(core.stored(elsewhere)).isEqualTo(elsewhere);

            core.reconciler.reconcileDue();

            assertThat(core.allClientsOf(msp)).filteredOn(c -> !c.isDestroyed())
                    .allSatisfy(c -> {
                        assertThat(c.status()).isEqualTo(AgentStatus.ACTIVE);
                        assertThat(c.deployStatus()).isEqualTo(DeployStatus.IDLE);
                    });
        }

        @Test
        void aClientTheReconcilerSavesMeanwhileStillGetsThePrompt() {
            Client acme = core.aClient(msp, "Acme Corp", "acme");
            EditMspPromptService racing = new EditMspPromptService(core.validator, core.msps,
                    core.clientsRacedByTheReconciler(), core.clock, core.unitOfWork);

            racing.edit(new EditMspPromptCommand(msp.id(), "Sign every note.", Optional.empty()));

            assertThat(core.stored(acme).configVersion()).isEqualTo(acme.configVersion() + 1);
            assertThat(core.msps.find(msp.id()).orElseThrow().prompt().value()).isEqualTo("Sign every note.");
        }

        @Test
        void savingTheSameTextChangesNothing() {
            Client acme = core.anActiveClient(msp, "Acme Corp", "acme");

            assertThat(editMsp("")).isEqualTo(msp);
            assertThat(core.stored(acme)).isEqualTo(acme);
        }

        @Test
        void aStaleExpectedVersionIsAConflictAndNothingChanges() {
            Client acme = core.anActiveClient(msp, "Acme Corp", "acme");
            editMsp("v1");

            assertThatThrownBy(() -> core.editMspPrompt.edit(new EditMspPromptCommand(msp.id(), "v2",
                    Optional.of(msp.version())))).isInstanceOf(Conflict.class);
            assertThat(core.msps.find(msp.id()).orElseThrow().prompt().value()).isEqualTo("v1");
            assertThat(core.stored(acme).configVersion()).isEqualTo(acme.configVersion() + 1);
        }

        @Test
        void refusesAMissingPrompt() {
            assertThatThrownBy(() -> editMsp(null)).isInstanceOfSatisfying(InvalidCommand.class,
                    e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("prompt"));
        }
    }
}
