package dev.steward.application.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.InMemoryCore;
import dev.steward.application.agent.WorkArrivals;
import dev.steward.application.approval.DecideApprovalCommand.Decision;
import dev.steward.application.inmemory.InMemoryActivityLog;
import dev.steward.application.inmemory.InMemoryApprovalRepository;
import dev.steward.application.inmemory.InMemoryWorkQueue;
import dev.steward.application.port.activity.ActivityQuery;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.ApprovalState;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.problem.ApprovalNotAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecideApprovalServiceTest {

    private final InMemoryCore core = new InMemoryCore();
    private final InMemoryApprovalRepository approvals = new InMemoryApprovalRepository(core.unitOfWork);
    private final InMemoryActivityLog activity = new InMemoryActivityLog();
    private final InMemoryWorkQueue work = new InMemoryWorkQueue(core.unitOfWork);
    private final DecideApprovalService decide = new DecideApprovalService(core.validator, approvals, activity,
            core.ids, core.clients, work, new WorkArrivals(), core.clock, core.unitOfWork);
    private final ListApprovalsService list = new ListApprovalsService(approvals, core.clients, core.msps);
    private final Msp msp = core.anMsp();
    private final Client acme = core.aClient(msp, "Acme", "acme");

    @AfterEach
    void close() {
        core.close();
    }

    private ApprovalRequest raised(Client client) {
        ApprovalRequest request = ApprovalRequest.raise(UUID.randomUUID(), client.msp(), client.id(),
                UUID.randomUUID(), "CW-7", ToolName.of("m365:reset-password"), RedactedArguments.of(Map.of("user",
                        "jane")), "Reset Jane's password", core.clock.instant());
        approvals.add(request, Map.of("user", "jane", "password", "x"));
        return request;
    }

    private DecideApprovalCommand command(ApprovalRequest request, Decision decision, String by) {
        return new DecideApprovalCommand(msp.id(), request.id().toString(), decision, by, UserRole.MSP_TECHNICIAN,
                "checked with the manager");
    }

    @Test
    void approvingRecordsWhoWhenAndWhyAndLeavesThePendingList() {
        ApprovalRequest request = raised(acme);
        ApprovalRequest other = raised(core.aClient(msp, "Other", "other"));
        assertThat(list.pending(msp.id(), Optional.of("acme"))).extracting(ApprovalDetails::request)
                .containsExactly(request);

        ApprovalDetails decided = decide.decide(command(request, Decision.APPROVE, "ana@northwind.example"));

        assertThat(decided.client()).isEqualTo(acme.slug());
        assertThat(decided.request().state()).isEqualTo(new ApprovalState.Approved("ana@northwind.example",
                core.clock.instant(), "checked with the manager"));
        assertThat(list.pending(msp.id(), Optional.empty())).extracting(ApprovalDetails::request)
                .containsExactly(other);
        assertThat(activity.query(ActivityQuery.newest(msp.id(), Optional.of(acme.id()), 10))).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(ActivityKind.APPROVAL);
            assertThat(entry.outcome()).isEqualTo(ActivityOutcome.APPROVED);
            assertThat(entry.actor()).contains("ana@northwind.example");
            assertThat(entry.ticket()).contains("CW-7");
            assertThat(entry.summary()).isEqualTo("approved by ana@northwind.example: checked with the manager");
        });
    }

    @Test
    void denyingRecordsADenialAndADecidedRequestCannotBeDecidedAgain() {
        ApprovalRequest request = raised(acme);

        assertThat(decide.decide(command(request, Decision.DENY, "ana")).request().state())
                .isInstanceOf(ApprovalState.Denied.class);
        assertThatThrownBy(() -> decide.decide(command(request, Decision.APPROVE, "bo")))
                .isInstanceOfSatisfying(ApprovalNotAllowed.class, e -> assertThat(e.code())
                        .isEqualTo("approval.already-decided"));
    }

    @Test
    void aViewerMayNotDecideAndAnotherMspsRequestIsNotFound() {
        ApprovalRequest request = raised(acme);

        assertThatThrownBy(() -> decide.decide(new DecideApprovalCommand(msp.id(), request.id().toString(),
                Decision.APPROVE, "vic", UserRole.MSP_VIEWER, null))).isInstanceOf(ApprovalNotAllowed.class);
        assertThatThrownBy(() -> decide.decide(new DecideApprovalCommand(core.anMsp().id(), request.id().toString(),
                Decision.APPROVE, "eve", UserRole.MSP_ADMIN, null))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> list.pending(msp.id(), Optional.of("nobody"))).isInstanceOf(NotFound.class);
        assertThat(approvals.find(msp.id(), request.id()).orElseThrow().isPending()).isTrue();
    }

    @Test
    void ofTwoTechniciansDecidingAtOnceExactlyOneWins() throws Exception {
        for (int round = 0; round < 50; round++) {
            ApprovalRequest request = raised(acme);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApprovalDetails>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (String who : List.of("ana", "bo")) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return decide.decide(command(request, who.equals("ana") ? Decision.APPROVE : Decision.DENY,
                                who));
                    }));
                }
                start.countDown();
                int won = 0;
                int refused = 0;
                for (Future<ApprovalDetails> result : results) {
                    try {
                        result.get();
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOfAny(Conflict.class, ApprovalNotAllowed.class);
                        refused++;
                    }
                }
                assertThat(won).as("round %s", round).isEqualTo(1);
                assertThat(refused).isEqualTo(1);
            }
        }
    }
}
