package dev.steward.application.testkit;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.PlannedAction;
import dev.steward.application.port.Runbook;
import dev.steward.application.port.RunbookId;
import dev.steward.application.port.RunbookStore;
import dev.steward.application.port.StoredRunbook;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every {@link RunbookStore} must pass this: one test per rule of the port's Javadoc. */
public abstract class RunbookStoreContract extends StoreContractSupport {

    protected abstract RunbookStore runbooks();

    private static StoredRunbook runbook(MspId msp, Optional<ClientId> client, String name, String trigger) {
        return new StoredRunbook(new RunbookId(UUID.randomUUID()), msp, client, new Runbook(name,
                List.of(trigger, "second phrase"),
                List.of(new Runbook.Step(ToolName.of("m365:get-user"), Map.of("user", "{requester}")),
                        new Runbook.Step(ToolName.of("m365:list-licences"), Map.of())),
                List.of(new PlannedAction(ToolName.of("m365:reset-password"),
                        Map.of("user", "{requester}", "note", "quote \" and\nnewline"), "the first fix"),
                        new PlannedAction(ToolName.of("m365:revoke-sessions"), Map.of(), ""))),
                T0);
    }

    private static StoredRunbook renamed(StoredRunbook stored, String name) {
        Runbook r = stored.runbook();
        return new StoredRunbook(stored.id(), stored.msp(), stored.client(),
                new Runbook(name, r.triggers(), r.diagnosis(), r.plan()), stored.updatedAt().plusSeconds(60));
    }

    @Test
    void storesAnMspWideAndAClientRunbookWithEveryStepAndAction() {
        MspId msp = storedMsp();
        StoredRunbook mspWide = runbook(msp, Optional.empty(), "Printer", "printer");
        StoredRunbook clientOwn = runbook(msp, Optional.of(storedClient(msp).id()), "VPN", "vpn");

        assertThat(runbooks().save(mspWide)).isEqualTo(mspWide);
        assertThat(runbooks().save(clientOwn)).isEqualTo(clientOwn);

        assertThat(runbooks().find(msp, mspWide.id())).contains(mspWide);
        assertThat(runbooks().find(msp, clientOwn.id())).contains(clientOwn);
    }

    @Test
    void savingANameTheScopeHoldsReplacesThatRunbookAndKeepsItsId() {
        MspId msp = storedMsp();
        StoredRunbook first = runbooks().save(runbook(msp, Optional.empty(), "Printer", "printer"));
        StoredRunbook again = runbook(msp, Optional.empty(), "Printer", "toner");

        StoredRunbook stored = runbooks().save(again);

        assertThat(stored.id()).isEqualTo(first.id());
        assertThat(stored.runbook()).isEqualTo(again.runbook());
        assertThat(runbooks().list(msp, Optional.empty())).containsExactly(stored);
        assertThat(runbooks().find(msp, again.id())).isEmpty();
    }

    @Test
    void theSameNameInAnotherScopeIsAnotherRunbook() {
        MspId msp = storedMsp();
        ClientId client = storedClient(msp).id();
        MspId otherMsp = storedMsp();
        StoredRunbook mspWide = runbooks().save(runbook(msp, Optional.empty(), "Printer", "printer"));
        StoredRunbook clientOwn = runbooks().save(runbook(msp, Optional.of(client), "Printer", "printer"));
        StoredRunbook otherClient = runbooks().save(runbook(msp, Optional.of(storedClient(msp).id()), "Printer", "x"));
        StoredRunbook otherMsps = runbooks().save(runbook(otherMsp, Optional.empty(), "Printer", "printer"));

        assertThat(List.of(mspWide.id(), clientOwn.id(), otherClient.id(), otherMsps.id())).doesNotHaveDuplicates();
        assertThat(runbooks().find(msp, mspWide.id())).contains(mspWide);
        assertThat(runbooks().find(msp, clientOwn.id())).contains(clientOwn);
        assertThat(runbooks().find(otherMsp, otherMsps.id())).contains(otherMsps);
    }

    @Test
    void savingUnderAStoredIdRenamesIt() {
        MspId msp = storedMsp();
        StoredRunbook stored = runbooks().save(runbook(msp, Optional.empty(), "Printer", "printer"));

        StoredRunbook renamed = runbooks().save(renamed(stored, "Printers and scanners"));

        assertThat(renamed.id()).isEqualTo(stored.id());
        assertThat(runbooks().list(msp, Optional.empty())).containsExactly(renamed);
    }

    @Test
    void renamingOntoANameAnotherRunbookHoldsIsAConflictAndChangesNothing() {
        MspId msp = storedMsp();
        StoredRunbook printer = runbooks().save(runbook(msp, Optional.empty(), "Printer", "printer"));
        StoredRunbook vpn = runbooks().save(runbook(msp, Optional.empty(), "VPN", "vpn"));

        assertThatThrownBy(() -> runbooks().save(renamed(vpn, "Printer")))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("runbook.exists"));
        assertThat(runbooks().list(msp, Optional.empty())).containsExactly(printer, vpn);
    }

    @Test
    void findsNothingOfAnotherMsp() {
        MspId msp = storedMsp();
        StoredRunbook stored = runbooks().save(runbook(msp, Optional.empty(), "Printer", "printer"));

        assertThat(runbooks().find(storedMsp(), stored.id())).isEmpty();
        assertThat(runbooks().find(msp, new RunbookId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void listsOneScopeOrderedByName() {
        MspId msp = storedMsp();
        ClientId client = storedClient(msp).id();
        StoredRunbook vpn = runbooks().save(runbook(msp, Optional.empty(), "VPN", "vpn"));
        StoredRunbook mail = runbooks().save(runbook(msp, Optional.empty(), "Mail", "mail"));
        StoredRunbook clientOwn = runbooks().save(runbook(msp, Optional.of(client), "Printer", "printer"));
        runbooks().save(runbook(storedMsp(), Optional.empty(), "Another MSP's", "printer"));

        assertThat(runbooks().list(msp, Optional.empty())).containsExactly(mail, vpn);
        assertThat(runbooks().list(msp, Optional.of(client))).containsExactly(clientOwn);
        assertThat(runbooks().list(msp, Optional.of(storedClient(msp).id()))).isEmpty();
    }

    @Test
    void removesOnlyTheMspsOwnAndSucceedsIfItIsGone() {
        MspId msp = storedMsp();
        StoredRunbook stored = runbooks().save(runbook(msp, Optional.empty(), "Printer", "printer"));

        runbooks().remove(storedMsp(), stored.id());
        assertThat(runbooks().find(msp, stored.id())).contains(stored);

        runbooks().remove(msp, stored.id());
        runbooks().remove(msp, stored.id());
        assertThat(runbooks().find(msp, stored.id())).isEmpty();
    }

    @Test
    void forARequestGivesTheClientsRunbooksThenTheMspWideOnes() {
        MspId msp = storedMsp();
        ClientId client = storedClient(msp).id();
        StoredRunbook mspWide = runbooks().save(runbook(msp, Optional.empty(), "A printer", "printer"));
        StoredRunbook clientOwn = runbooks().save(runbook(msp, Optional.of(client), "Z printer", "printer"));
        runbooks().save(runbook(msp, Optional.of(storedClient(msp).id()), "Another client's", "printer"));
        runbooks().save(runbook(storedMsp(), Optional.empty(), "Another MSP's", "printer"));

        assertThat(runbooks().forRequest(msp, client)).containsExactly(clientOwn, mspWide);
    }

    @Test
    void firstSavesOfOneNameAtOnceLeaveOneRunbook() throws Exception {
        MspId msp = storedMsp();
        List<Callable<StoredRunbook>> saves = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            saves.add(() -> runbooks().save(runbook(msp, Optional.empty(), "Printer", "printer")));
        }
        List<RunbookId> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<StoredRunbook> saved : pool.invokeAll(saves)) {
                ids.add(saved.get().id());
            }
        }

        assertThat(runbooks().list(msp, Optional.empty())).singleElement()
                .satisfies(stored -> assertThat(ids).containsOnly(stored.id()));
    }
}
