package dev.steward.application.port.reasoning;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.application.problem.Conflict;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.workflow.AppliedWorkflow;
import dev.steward.domain.workflow.Trigger;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowName;
import dev.steward.domain.workflow.WorkflowScope;
import dev.steward.domain.workflow.WorkflowStatus;
import dev.steward.domain.workflow.WorkflowSteps;
import dev.steward.domain.workflow.WorkflowVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every {@link WorkflowStore} must pass this: one test per rule of the port's Javadoc. */
public abstract class WorkflowStoreContract extends StoreContractSupport {

    protected abstract WorkflowStore workflows();

    /** A workflow with every part filled in, including text that is awkward to store. */
    public static Workflow aWorkflow(WorkflowScope scope, String name) {
        WorkflowSteps steps = new WorkflowSteps(
                List.of(new WorkflowSteps.Check(ToolName.of("m365:get-user"), Map.of("user", "{requester}")),
                        new WorkflowSteps.Check(ToolName.of("m365:list-licences"), Map.of())),
                List.of(new WorkflowSteps.Action(ToolName.of("m365:reset-password"),
                                Map.of("user", "{requester}", "note", "quote \" and\nnewline"), "the first fix"),
                        new WorkflowSteps.Action(ToolName.of("m365:revoke-sessions"), Map.of(), "")));
        return Workflow.create(new WorkflowId(UUID.randomUUID()), scope, new WorkflowName(name),
                new Trigger("A user says \"" + name.toLowerCase(java.util.Locale.ROOT) + "\" or “can't sign in”."),
                "Check the sign-ins first.\nThen — and only then — unlock.", steps, WorkflowStatus.DRAFT,
                "alice@msp.example", T0);
    }

    private static Workflow edited(Workflow workflow, String name, String by) {
        return workflow.edited(new WorkflowName(name), workflow.trigger(), workflow.instructions() + " Again.",
                WorkflowSteps.NONE, by, workflow.version().changedAt().plusSeconds(60));
    }

    private WorkflowScope mspWide(MspId msp) {
        return new WorkflowScope.MspWide(msp);
    }

    private WorkflowScope clientScope(MspId msp) {
        return new WorkflowScope.OneClient(msp, storedClient(msp).id());
    }

    @Test
    void storesAnMspWideAndAClientWorkflowWithEveryPart() {
        MspId msp = storedMsp();
        Workflow mspWide = aWorkflow(mspWide(msp), "Printer");
        Workflow clientOwn = aWorkflow(clientScope(msp), "VPN");

        workflows().add(mspWide);
        workflows().add(clientOwn);

        assertThat(workflows().find(msp, mspWide.id())).contains(mspWide);
        assertThat(workflows().find(msp, clientOwn.id())).contains(clientOwn);
        assertThat(workflows().history(msp, mspWide.id())).containsExactly(mspWide.version());
    }

    @Test
    void aNameTakenInTheScopeIgnoringCaseIsAConflictOnTheName() {
        MspId msp = storedMsp();
        Workflow first = aWorkflow(mspWide(msp), "Printer");
        workflows().add(first);
        workflows().update(first.movedTo(WorkflowStatus.ARCHIVED, "bob", T0));

        assertThatThrownBy(() -> workflows().add(aWorkflow(mspWide(msp), "PRINTER")))
                .isInstanceOfSatisfying(Conflict.class, c -> {
                    assertThat(c.code()).isEqualTo("workflow.name-taken");
                    assertThat(c.field()).contains("name");
                });
        assertThat(workflows().list(mspWide(msp))).hasSize(1);
    }

    @Test
    void theSameNameInAnotherScopeIsAnotherWorkflow() {
        MspId msp = storedMsp();
        List<Workflow> all = List.of(aWorkflow(mspWide(msp), "Printer"), aWorkflow(clientScope(msp), "Printer"),
                aWorkflow(clientScope(msp), "Printer"), aWorkflow(mspWide(storedMsp()), "Printer"));

        all.forEach(workflows()::add);

        for (Workflow workflow : all) {
            assertThat(workflows().find(workflow.scope().msp().orElseThrow(), workflow.id())).contains(workflow);
        }
    }

    @Test
    void everyUpdateIsTheNextVersionAndEveryVersionStaysReadable() {
        MspId msp = storedMsp();
        Workflow v1 = aWorkflow(mspWide(msp), "Printer");
        workflows().add(v1);
        Workflow v2 = edited(v1, "Printers and scanners", "bob@msp.example");
        workflows().update(v2);
        Workflow v3 = v2.movedTo(WorkflowStatus.ACTIVE, "carol@msp.example", T0.plusSeconds(120));
        workflows().update(v3);

        assertThat(workflows().find(msp, v1.id())).contains(v3);
        assertThat(workflows().version(msp, v1.id(), 1)).contains(v1);
        assertThat(workflows().version(msp, v1.id(), 2)).contains(v2);
        assertThat(workflows().version(msp, v1.id(), 4)).isEmpty();
        assertThat(workflows().history(msp, v1.id())).extracting(WorkflowVersion::number, WorkflowVersion::changedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "alice@msp.example"),
                        org.assertj.core.groups.Tuple.tuple(2, "bob@msp.example"),
                        org.assertj.core.groups.Tuple.tuple(3, "carol@msp.example"));
        assertThat(workflows().list(mspWide(msp))).containsExactly(v3);
    }

    @Test
    void anUpdateFromAStaleVersionIsAConflictAndChangesNothing() {
        MspId msp = storedMsp();
        Workflow v1 = aWorkflow(mspWide(msp), "Printer");
        workflows().add(v1);
        Workflow v2 = edited(v1, "Printer 2", "bob");
        workflows().update(v2);

        assertThatThrownBy(() -> workflows().update(edited(v1, "Printer 3", "carol")))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("version.stale"));
        assertThatThrownBy(() -> workflows().update(edited(aWorkflow(mspWide(msp), "Never stored"), "X", "carol")))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("version.stale"));
        assertThat(workflows().find(msp, v1.id())).contains(v2);
        assertThat(workflows().history(msp, v1.id())).hasSize(2);
    }

    @Test
    void renamingOntoANameAnotherWorkflowHoldsIsAConflictAndChangesNothing() {
        MspId msp = storedMsp();
        Workflow printer = aWorkflow(mspWide(msp), "Printer");
        Workflow vpn = aWorkflow(mspWide(msp), "VPN");
        workflows().add(printer);
        workflows().add(vpn);

        assertThatThrownBy(() -> workflows().update(edited(vpn, "printer", "bob")))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("workflow.name-taken"));
        assertThat(workflows().list(mspWide(msp))).containsExactly(printer, vpn);
        workflows().update(edited(printer, "PRINTER", "bob"));
        assertThat(workflows().find(msp, printer.id()).orElseThrow().name().value()).isEqualTo("PRINTER");
    }

    @Test
    void findsNothingOfAnotherMsp() {
        MspId msp = storedMsp();
        Workflow stored = aWorkflow(mspWide(msp), "Printer");
        workflows().add(stored);
        MspId other = storedMsp();

        assertThat(workflows().find(other, stored.id())).isEmpty();
        assertThat(workflows().version(other, stored.id(), 1)).isEmpty();
        assertThat(workflows().history(other, stored.id())).isEmpty();
        assertThat(workflows().find(msp, new WorkflowId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void listsOneScopeByNameIgnoringCaseInEveryStatus() {
        MspId msp = storedMsp();
        WorkflowScope client = clientScope(msp);
        Workflow vpn = aWorkflow(mspWide(msp), "VPN");
        Workflow mail = aWorkflow(mspWide(msp), "mail");
        Workflow clientOwn = aWorkflow(client, "Printer");
        for (Workflow w : List.of(vpn, mail, clientOwn, aWorkflow(mspWide(storedMsp()), "Another MSP's"))) {
            workflows().add(w);
        }
        Workflow archived = vpn.movedTo(WorkflowStatus.ARCHIVED, "bob", T0);
        workflows().update(archived);

        assertThat(workflows().list(mspWide(msp))).containsExactly(mail, archived);
        assertThat(workflows().list(client)).containsExactly(clientOwn);
        assertThat(workflows().list(clientScope(msp))).isEmpty();
        assertThat(workflows().list(new WorkflowScope.BuiltIn())).isEmpty();
    }

    @Test
    void forAClientGivesItsOwnAndItsMspsWorkflowsOnly() {
        MspId msp = storedMsp();
        WorkflowScope scope = clientScope(msp);
        ClientId client = scope.client().orElseThrow();
        Workflow mspWide = aWorkflow(mspWide(msp), "A printer");
        Workflow clientOwn = aWorkflow(scope, "Z printer");
        for (Workflow w : List.of(mspWide, clientOwn, aWorkflow(clientScope(msp), "Another client's"),
                aWorkflow(mspWide(storedMsp()), "Another MSP's"))) {
            workflows().add(w);
        }

        assertThat(workflows().forClient(msp, client)).containsExactlyInAnyOrder(clientOwn, mspWide);
    }

    @Test
    void recordsTheVersionsASessionUsedOnceEachAndShowsThemOnlyToItsMsp() {
        MspId msp = storedMsp();
        Workflow printer = aWorkflow(mspWide(msp), "Printer");
        workflows().add(printer);
        UUID session = UUID.randomUUID();
        AppliedWorkflow builtIn = new AppliedWorkflow(WorkflowId.builtIn(new WorkflowName("Locked out")),
                new WorkflowName("Locked out"), 1);
        AppliedWorkflow printerV2 = new AppliedWorkflow(printer.id(), new WorkflowName("Printers"), 2);

        workflows().recordUse(msp, session, List.of(printer.applied(), builtIn));
        workflows().recordUse(msp, session, List.of(printer.applied(), printerV2));
        workflows().recordUse(msp, UUID.randomUUID(), List.of(builtIn));

        assertThat(workflows().usedBy(msp, session)).containsExactly(builtIn, printer.applied(), printerV2);
        assertThat(workflows().usedBy(storedMsp(), session)).isEmpty();
        assertThat(workflows().usedBy(msp, UUID.randomUUID())).isEmpty();
    }

    @Test
    void readsTheVersionsSeveralSessionsUsedAtOnceLeavingOutSessionsThatUsedNoneOrAreAnotherMsps() {
        MspId msp = storedMsp();
        Workflow printer = aWorkflow(mspWide(msp), "Printer");
        workflows().add(printer);
        AppliedWorkflow builtIn = new AppliedWorkflow(WorkflowId.builtIn(new WorkflowName("Locked out")),
                new WorkflowName("Locked out"), 1);
        UUID both = UUID.randomUUID();
        UUID one = UUID.randomUUID();
        UUID none = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        workflows().recordUse(msp, both, List.of(printer.applied(), builtIn));
        workflows().recordUse(msp, one, List.of(printer.applied()));
        workflows().recordUse(storedMsp(), elsewhere, List.of(builtIn));

        Map<UUID, List<AppliedWorkflow>> used = workflows().usedBySessions(msp, List.of(both, one, none, elsewhere));

        assertThat(used).containsOnlyKeys(both, one);
        assertThat(used.get(both)).containsExactly(builtIn, printer.applied());
        assertThat(used.get(one)).containsExactly(printer.applied());
        assertThat(workflows().usedBySessions(msp, List.of())).isEmpty();
    }

    @Test
    void refusesToStoreABuiltInWorkflow() {
        assertThatThrownBy(() -> workflows().add(aWorkflow(new WorkflowScope.BuiltIn(), "Locked out")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstAddsOfOneNameAtOnceStoreOne() throws Exception {
        MspId msp = storedMsp();
        List<Callable<Boolean>> adds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            adds.add(() -> {
                workflows().add(aWorkflow(mspWide(msp), "Printer"));
                return true;
            });
        }
        int stored = 0;
        int refused = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> add : pool.invokeAll(adds)) {
                try {
                    add.get();
                    stored++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfSatisfying(Conflict.class,
                            c -> assertThat(c.code()).isEqualTo("workflow.name-taken"));
                    refused++;
                }
            }
        }

        assertThat(stored).isEqualTo(1);
        assertThat(refused).isEqualTo(7);
        assertThat(workflows().list(mspWide(msp))).hasSize(1);
    }

    @Test
    void ofUpdatesFromOneVersionAtOnceOneWins() throws Exception {
        MspId msp = storedMsp();
        Workflow v1 = aWorkflow(mspWide(msp), "Printer");
        workflows().add(v1);
        List<Callable<Boolean>> updates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String by = "user" + i;
            updates.add(() -> {
                workflows().update(edited(v1, "Printer " + by, by));
                return true;
            });
        }
        int won = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> update : pool.invokeAll(updates)) {
                try {
                    update.get();
                    won++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(Conflict.class);
                }
            }
        }

        assertThat(won).isEqualTo(1);
        assertThat(workflows().history(msp, v1.id())).hasSize(2);
        Optional<Workflow> current = workflows().find(msp, v1.id());
        assertThat(current.orElseThrow().version().number()).isEqualTo(2);
    }
}
