package dev.steward.application.agent;

import dev.steward.application.agent.message.Assignment;
import dev.steward.application.agent.message.SessionOutcome;
import dev.steward.application.agentloop.ActivityLines;
import dev.steward.application.agentloop.SessionScope;
import dev.steward.application.lifecycle.PeriodicTask;
import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.port.agent.SessionEffect;
import dev.steward.application.port.agent.SessionEffects;
import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.port.agent.WorkQueue;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.approval.ApprovalState;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.session.AgentSession;
import dev.steward.domain.work.Work;
import dev.steward.domain.work.WorkItem;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Hands work items to agents. A take first looks at the store, then waits for a signal from intake on this control
 * plane ({@link WorkArrivals}). Work queued elsewhere (another control plane on the same database, a lease that ran
 * out) is found by one sweep for all waiting polls every {@link WorkTiming#sweep()}, which signals the clients it
 * concerns; each waiting poll also looks for itself every {@link WorkTiming#recheck()}, much less often. Work is
 * handed out only while the client is {@code active}: a ticket for a client whose agent is being created, is
 * reconfigured or failed waits. An item delivered more than {@link WorkItem#MAX_DELIVERIES} times is given up: its
 * session fails, and the activity log says so.
 */
public final class AgentWorkService implements AgentWorkUseCase {

    private static final System.Logger LOG = System.getLogger(AgentWorkService.class.getName());
    /** Sweeps in a row with no poll waiting after which the sweep ends. */
    private static final int IDLE_SWEEPS = 30;

    private final WorkQueue queue;
    private final SessionRepository sessions;
    private final ClientRepository clients;
    private final ApprovalRepository approvals;
    private final SessionEffects effects;
    private final ActivityLog activity;
    private final WorkArrivals arrivals;
    private final UnitOfWork unitOfWork;
    private final ActivityLines lines;
    private final Clock clock;
    private final WorkTiming timing;
    private final Object sweepLock = new Object();
    private boolean sweeping; // guarded by sweepLock
    private int idleSweeps; // guarded by sweepLock
    private volatile boolean sweepFailed;

    @Inject
    public AgentWorkService(WorkQueue queue, SessionRepository sessions, ClientRepository clients,
                            ApprovalRepository approvals, SessionEffects effects, ActivityLog activity,
                            WorkArrivals arrivals, UnitOfWork unitOfWork, IdGenerator ids, Clock clock,
                            WorkTiming timing) {
        this.queue = queue;
        this.sessions = sessions;
        this.clients = clients;
        this.approvals = approvals;
        this.effects = effects;
        this.activity = activity;
        this.arrivals = arrivals;
        this.unitOfWork = unitOfWork;
        this.lines = new ActivityLines(ids);
        this.clock = clock;
        this.timing = timing;
    }

    @Override
    public Optional<Assignment> take(AgentIdentity agent, UUID instance, Duration wait) {
        Duration capped = wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
        long deadline = System.nanoTime() + capped.toNanos();
        while (true) {
            long seen = arrivals.generation(agent.client());
            Optional<Assignment> assignment = takeOnce(agent, instance);
            long left = deadline - System.nanoTime();
            if (assignment.isPresent() || left <= 0) {
                return assignment;
            }
            boolean signalled;
            try (WorkArrivals.Waiting waiting = arrivals.waiting(agent.client())) {
                sweeping();
                signalled = arrivals.await(agent.client(), seen,
                        Duration.ofNanos(Math.min(left, timing.recheck().toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (!signalled && deadline - System.nanoTime() <= 0) {
                return Optional.empty(); // no last look: the agent's next poll looks first thing
            }
        }
    }

    /** Starts the sweep unless it runs; called by a poll after it registered as waiting, so the sweep sees it. */
    private void sweeping() {
        synchronized (sweepLock) {
            if (!sweeping) {
                sweeping = true;
                idleSweeps = 0;
                PeriodicTask.paced("steward-work-sweep", timing.sweep(), this::sweep).start();
            }
        }
    }

    /**
     * One look at the store for every poll of this control plane that waits now: each client with work that is not
     * under a live lease is signalled, and its polls take it. Ends once no poll has waited for a while (the next poll
     * that waits starts it again), so a control plane without agents runs no sweep.
     */
    private Optional<Duration> sweep() {
        Set<ClientId> awaited = arrivals.awaited();
        if (awaited.isEmpty()) {
            synchronized (sweepLock) {
                if (arrivals.awaited().isEmpty() && ++idleSweeps >= IDLE_SWEEPS) {
                    sweeping = false;
                    return Optional.empty();
                }
            }
            return Optional.of(timing.sweep());
        }
        synchronized (sweepLock) {
            idleSweeps = 0;
        }
        try {
            queue.waitingByClient(awaited, clock.instant()).forEach((client, waiting) -> {
                if (waiting > 0) {
                    arrivals.signal(client);
                }
            });
            if (sweepFailed) {
                sweepFailed = false;
                LOG.log(Level.INFO, "the sweep for work queued elsewhere reads the store again");
            }
        } catch (RuntimeException e) {
            if (!sweepFailed) {
                sweepFailed = true;
                LOG.log(Level.WARNING, "the sweep for work queued elsewhere cannot read the store ({0}); waiting"
                        + " polls look for themselves every {1} s meanwhile", e.getMessage(),
                        timing.recheck().toSeconds());
            }
        }
        return Optional.of(timing.sweep());
    }

    private Optional<Assignment> takeOnce(AgentIdentity agent, UUID instance) {
        Optional<Client> client = clients.find(agent.client()).filter(c -> c.status() == AgentStatus.ACTIVE);
        if (client.isEmpty()) {
            return Optional.empty();
        }
        while (true) {
            // empty: nothing to take; holding empty: an item was taken and finished here (given up, stale)
            Optional<Optional<Assignment>> next = unitOfWork.inTransaction(() -> queue
                    .take(agent.client(), instance, clock.instant(), timing.lease())
                    .map(leased -> assign(leased, client.get())));
            if (next.isEmpty() || next.get().isPresent()) {
                return next.flatMap(assignment -> assignment);
            }
        }
    }

    /** The assignment for a leased item, or empty when the item was finished here (given up, or stale). */
    private Optional<Assignment> assign(WorkQueue.Leased leased, Client client) {
        WorkItem item = leased.item();
        Optional<AgentSession> found = sessions.find(item.work().session());
        if (found.isEmpty()) {
            return skip(leased, "its session is gone");
        }
        AgentSession session = found.get();
        if (leased.delivery() > WorkItem.MAX_DELIVERIES) {
            giveUp(leased, session);
            return Optional.empty();
        }
        List<ApprovalRequest> ofSession = approvals.ofSession(item.msp(), session.id());
        List<SessionEffect> done = effects.of(session.id());
        Assignment.Task task;
        switch (item.work()) {
            case Work.NewTicket start -> {
                if (session.state() != AgentSession.State.RUNNING) {
                    return skip(leased, "its session is " + session.state().name().toLowerCase());
                }
                task = new Assignment.Task.Start(start.request());
            }
            case Work.FollowUp followUp -> {
                if (!session.isOpen()) {
                    return skip(leased, "its session is " + session.state().name().toLowerCase());
                }
                session = resume(session);
                task = new Assignment.Task.FollowUp(followUp.request(), followUp.noteId(), followUp.text());
            }
            case Work.ApprovalDecided decided -> {
                Optional<ApprovalRequest> approval = ofSession.stream()
                        .filter(a -> a.id().equals(decided.approval())).findFirst();
                if (approval.isEmpty() || approval.get().isPending() || !session.isOpen()) {
                    return skip(leased, "its approval is not decided or its session is over");
                }
                session = resume(session);
                task = decidedTask(approval.get(), done);
            }
        }
        UUID deciding = item.work() instanceof Work.ApprovalDecided decided ? decided.approval() : null;
        int pending = (int) ofSession.stream().filter(a -> !a.id().equals(deciding) && unresolved(a, done)).count();
        return Optional.of(new Assignment(item.id(), leased.lease(), leased.until(), leased.delivery(),
                client.configVersion(), new Assignment.Session(session.id(), session.externalReference(),
                session.requester(), session.mode()), task, PlanResults.of(done, ofSession), pending));
    }

    /** Still to come for the session: pending, or approved with its call not run yet (its own item will run it). */
    private static boolean unresolved(ApprovalRequest approval, List<SessionEffect> done) {
        return approval.isPending() || (approval.isApproved() && done.stream().noneMatch(e -> e.finished()
                && e.step().equals(PlanResults.approvedRunStep(approval.id()))));
    }

    private AgentSession resume(AgentSession session) {
        return session.state() == AgentSession.State.RUNNING ? session : sessions.update(session.resumed());
    }

    private static Assignment.Task decidedTask(ApprovalRequest approval, List<SessionEffect> done) {
        String reason = done.stream().filter(e -> e.approval().filter(approval.id()::equals).isPresent())
                .map(SessionEffect::reason).findFirst().orElse("");
        return switch (approval.state()) {
            case ApprovalState.Approved a -> new Assignment.Task.Decided(approval.id(), approval.tool(), reason,
                    Assignment.Decision.APPROVED, a.by(), a.reason());
            case ApprovalState.Denied d -> new Assignment.Task.Decided(approval.id(), approval.tool(), reason,
                    Assignment.Decision.DENIED, d.by(), d.reason());
            case ApprovalState.Expired e -> new Assignment.Task.Decided(approval.id(), approval.tool(), reason,
                    Assignment.Decision.EXPIRED, ApprovalRequest.EXPIRY, e.reason());
            case ApprovalState.Pending p -> throw new IllegalStateException("a pending approval was handed out");
        };
    }

    private Optional<Assignment> skip(WorkQueue.Leased leased, String why) {
        queue.complete(leased.item().client(), leased.item().id(), leased.lease());
        LOG.log(Level.INFO, "work item {0} ({1}) finished without work: {2}", leased.item().id(),
                leased.item().key(), why);
        return Optional.empty();
    }

    private void giveUp(WorkQueue.Leased leased, AgentSession session) {
        WorkItem item = leased.item();
        queue.complete(item.client(), item.id(), leased.lease());
        if (session.state() == AgentSession.State.RUNNING || session.state() == AgentSession.State.AWAITING_APPROVAL) {
            sessions.update(session.ended(AgentSession.State.FAILED, clock.instant()));
        }
        String text = "The agent did not finish this work after " + WorkItem.MAX_DELIVERIES
                + " deliveries (" + item.key() + "); Steward gave it up. A technician should take ticket "
                + session.externalReference() + ".";
        activity.append(lines.message(SessionScope.of(item.msp(), session), ActivityOutcome.FAILED, text, clock.instant()));
        LOG.log(Level.WARNING, "gave up work item {0} of client {1} after {2} deliveries", item.id(), item.client(),
                WorkItem.MAX_DELIVERIES);
    }

    @Override
    public boolean renew(AgentIdentity agent, UUID work, UUID lease) {
        return unitOfWork.inTransaction(() ->
                queue.renew(agent.client(), work, lease, clock.instant(), timing.lease()));
    }

    @Override
    public boolean complete(AgentIdentity agent, UUID work, UUID lease, SessionOutcome outcome) {
        return unitOfWork.inTransaction(() -> {
            Optional<WorkItem> done = queue.complete(agent.client(), work, lease);
            done.flatMap(item -> sessions.find(item.work().session())).ifPresent(session -> {
                if (session.state() == AgentSession.State.RUNNING
                        || session.state() == AgentSession.State.AWAITING_APPROVAL) {
                    sessions.update(outcome == SessionOutcome.AWAITING_APPROVAL ? session.awaitingApproval()
                            : session.ended(AgentSession.State.COMPLETED, clock.instant()));
                }
            });
            return done.isPresent();
        });
    }
}
