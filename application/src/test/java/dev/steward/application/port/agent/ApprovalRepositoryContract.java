package dev.steward.application.port.agent;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every {@link ApprovalRepository} must pass this: one test per rule of the port's Javadoc. */
public abstract class ApprovalRepositoryContract extends StoreContractSupport {

    protected abstract ApprovalRepository approvals();

    /** A call's original arguments: the secret among them is what the redacted copy hides. */
    private static final Map<String, String> ORIGINAL = Map.of("user", "jane", "password", "Tr0ub4dor&3");

    private static ApprovalRequest raised(MspId msp, ClientId client, Instant at) {
        return ApprovalRequest.raise(UUID.randomUUID(), msp, client, UUID.randomUUID(), "CW-12",
                ToolName.of("m365:reset-password"), RedactedArguments.of(Map.of("user", "jane", "password", "x")),
                "Reset Jane's password and send it by SMS", at);
    }

    @Test
    void findsAStoredRequestOnlyInItsOwnMsp() {
        MspId msp = storedMsp();
        ApprovalRequest request = raised(msp, storedClient(msp).id(), T0);

        approvals().add(request, ORIGINAL);

        assertThat(approvals().find(msp, request.id())).contains(request);
        assertThat(approvals().find(storedMsp(), request.id())).isEmpty();
        assertThat(approvals().find(msp, UUID.randomUUID())).isEmpty();
    }

    @Test
    void listsPendingRequestsOldestFirstOptionallyOfOneClient() {
        MspId msp = storedMsp();
        ClientId one = storedClient(msp).id();
        ClientId two = storedClient(msp).id();
        ApprovalRequest second = raised(msp, one, T0.plusSeconds(2));
        ApprovalRequest first = raised(msp, two, T0.plusSeconds(1));
        ApprovalRequest third = raised(msp, one, T0.plusSeconds(3));
        ApprovalRequest decided = raised(msp, one, T0);
        MspId otherMsp = storedMsp();
        for (ApprovalRequest r : List.of(second, first, third, decided, raised(otherMsp, storedClient(otherMsp).id(),
                T0))) {
            approvals().add(r, ORIGINAL);
        }
        approvals().decide(decided.deny("tech", UserRole.MSP_TECHNICIAN, "no", T0.plusSeconds(9)));

        assertThat(approvals().pending(msp, Optional.empty())).containsExactly(first, second, third);
        assertThat(approvals().pending(msp, Optional.of(one))).containsExactly(second, third);
    }

    @Test
    void storesTheDecisionOfAPendingRequest() {
        MspId msp = storedMsp();
        ApprovalRequest request = raised(msp, storedClient(msp).id(), T0);
        approvals().add(request, ORIGINAL);

        ApprovalRequest approved = approvals().decide(request.approve("alice@msp.test", UserRole.MSP_ADMIN,
                "looks right", T0.plusSeconds(30)));

        assertThat(approvals().find(msp, request.id())).contains(approved);
        assertThat(approved.isPending()).isFalse();
    }

    @Test
    void refusesToDecideARequestThatWasDecidedMeanwhile() {
        MspId msp = storedMsp();
        ApprovalRequest request = raised(msp, storedClient(msp).id(), T0);
        approvals().add(request, ORIGINAL);
        ApprovalRequest approved = approvals().decide(request.approve("alice", UserRole.MSP_ADMIN, "", T0));

        assertThatThrownBy(() -> approvals().decide(request.deny("bob", UserRole.MSP_TECHNICIAN, "", T0)))
                .isInstanceOfSatisfying(Conflict.class,
                        c -> assertThat(c.code()).isEqualTo("approval.already-decided"));
        assertThat(approvals().find(msp, request.id())).contains(approved);
    }

    @Test
    void endsTwoSimultaneousDecisionsWithExactlyOne() throws Exception {
        MspId msp = storedMsp();
        ApprovalRequest request = raised(msp, storedClient(msp).id(), T0);
        approvals().add(request, ORIGINAL);
        List<ApprovalRequest> decisions = List.of(
                request.approve("alice", UserRole.MSP_ADMIN, "go", T0.plusSeconds(1)),
                request.deny("bob", UserRole.MSP_TECHNICIAN, "stop", T0.plusSeconds(1)));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<ApprovalRequest>>> results = new ArrayList<>();
            for (ApprovalRequest decision : decisions) {
                Callable<Optional<ApprovalRequest>> decide = () -> {
                    start.await();
                    try {
                        return Optional.of(approvals().decide(decision));
                    } catch (Conflict alreadyDecided) {
                        return Optional.empty();
                    }
                };
                results.add(threads.submit(decide));
            }
            start.countDown();
            List<ApprovalRequest> won = new ArrayList<>();
            for (Future<Optional<ApprovalRequest>> result : results) {
                result.get(30, TimeUnit.SECONDS).ifPresent(won::add);
            }

            assertThat(won).as("exactly one of two simultaneous decisions is saved").hasSize(1);
            assertThat(approvals().find(msp, request.id())).contains(won.getFirst());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void forgetsADecisionTakenInAUnitOfWorkThatFails() {
        MspId msp = storedMsp();
        ApprovalRequest request = raised(msp, storedClient(msp).id(), T0);
        approvals().add(request, ORIGINAL);

        assertThatThrownBy(() -> unitOfWork().run(() -> {
            approvals().decide(request.approve("alice", UserRole.MSP_ADMIN, "", T0));
            throw new IllegalStateException("the use case failed");
        })).hasMessage("the use case failed");

        assertThat(approvals().find(msp, request.id())).contains(request);
    }

    @Test
    void keepsTheOriginalArgumentsExactlyAndOnlyForItsOwnMsp() {
        MspId msp = storedMsp();
        ApprovalRequest request = raised(msp, storedClient(msp).id(), T0);
        Map<String, String> original = Map.of("user", "jane@contoso.example", "password", "Tr0ub4dor&3",
                "note", "ümlaut, \"quotes\", newline\nand a very long value " + "x".repeat(3000));

        approvals().add(request, original);

        assertThat(approvals().arguments(msp, request.id())).contains(original);
        assertThat(approvals().find(msp, request.id()).orElseThrow().arguments().values())
                .as("everything else shows the arguments redacted").containsEntry("password", RedactedArguments.MASK);
        assertThat(approvals().arguments(storedMsp(), request.id())).isEmpty();
        assertThat(approvals().arguments(msp, UUID.randomUUID())).isEmpty();
    }

    @Test
    void keepsTheArgumentsOfADecidedRequest() {
        MspId msp = storedMsp();
        ApprovalRequest request = raised(msp, storedClient(msp).id(), T0);
        approvals().add(request, ORIGINAL);
        approvals().decide(request.approve("alice", UserRole.MSP_ADMIN, "", T0.plusSeconds(1)));

        assertThat(approvals().arguments(msp, request.id())).contains(ORIGINAL);
    }

    @Test
    void listsEveryRequestOfOneSessionOldestFirst() {
        MspId msp = storedMsp();
        ClientId client = storedClient(msp).id();
        UUID session = UUID.randomUUID();
        ApprovalRequest later = ApprovalRequest.raise(UUID.randomUUID(), msp, client, session, "CW-13",
                ToolName.of("m365:revoke-sessions"), RedactedArguments.NONE, "plan", T0.plusSeconds(5));
        ApprovalRequest earlier = ApprovalRequest.raise(UUID.randomUUID(), msp, client, session, "CW-13",
                ToolName.of("m365:reset-password"), RedactedArguments.NONE, "plan", T0.plusSeconds(1));
        approvals().add(later, Map.of());
        approvals().add(earlier, Map.of());
        approvals().add(raised(msp, client, T0), ORIGINAL);
        ApprovalRequest denied = approvals().decide(earlier.deny("bob", UserRole.MSP_TECHNICIAN, "no", T0));

        assertThat(approvals().ofSession(msp, session)).containsExactly(denied, later);
        assertThat(approvals().ofSession(storedMsp(), session)).isEmpty();
    }

    @Test
    void listsPendingRequestsOfEveryMspRequestedByACutoffOldestFirst() {
        Instant base = Instant.parse("2030-01-0" + (1 + (int) (System.nanoTime() % 8)) + "T00:00:00Z")
                .plusSeconds(System.nanoTime() % 80_000);
        MspId one = storedMsp();
        MspId two = storedMsp();
        ApprovalRequest old = raised(one, storedClient(one).id(), base.minusSeconds(100));
        ApprovalRequest older = raised(two, storedClient(two).id(), base.minusSeconds(200));
        ApprovalRequest atCutoff = raised(one, storedClient(one).id(), base);
        ApprovalRequest fresh = raised(one, storedClient(one).id(), base.plusSeconds(1));
        ApprovalRequest decided = raised(two, storedClient(two).id(), base.minusSeconds(300));
        for (ApprovalRequest r : List.of(old, older, atCutoff, fresh, decided)) {
            approvals().add(r, ORIGINAL);
        }
        approvals().decide(decided.expire(base, "not decided within 24 hours"));

        List<ApprovalRequest> due = approvals().pendingRequestedBefore(base, 1000).stream()
                .filter(r -> List.of(old.id(), older.id(), atCutoff.id(), fresh.id(), decided.id()).contains(r.id()))
                .toList();
        assertThat(due).containsExactly(older, old, atCutoff);
        assertThat(approvals().pendingRequestedBefore(base, 1)).hasSize(1);
    }

    @Test
    void storesAnExpiryLikeADecision() {
        MspId msp = storedMsp();
        ApprovalRequest request = raised(msp, storedClient(msp).id(), T0);
        approvals().add(request, ORIGINAL);

        ApprovalRequest expired = approvals().decide(request.expire(T0.plusSeconds(86_400),
                "not decided within 24 hours"));

        assertThat(approvals().find(msp, request.id())).contains(expired);
        assertThatThrownBy(() -> approvals().decide(request.approve("alice", UserRole.MSP_ADMIN, "", T0)))
                .isInstanceOf(Conflict.class);
    }
}
