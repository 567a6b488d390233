package dev.steward.application.agent;

import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agent.message.Assignment;
import dev.steward.application.agent.message.SessionOutcome;
import dev.steward.application.agentloop.AgentLoop;
import dev.steward.application.id.TimeOrderedIdGenerator;
import dev.steward.application.lifecycle.PeriodicTask;
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.problem.PortFailure;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One client's agent: the same code in a container ({@code java -jar steward.jar agent}, over HTTP) and on a virtual
 * thread of the in-process runtime (calling the use cases directly). Its loop is a {@link PeriodicTask} whose turns
 * say how long to wait before the next. Each turn: mark the turn (set whether or not the control plane answered; an
 * engine health check, when an operator turns one on, watches that mark), then ask for work with a long poll that lasts until the next
 * heartbeat at most, and is the pause before the next turn; when a heartbeat is due that same call checks in
 * with the configuration version the agent runs ({@link ControlPlane#checkInAndTake}), and its answer says which
 * version the control plane holds, so the configuration is fetched only when it changed: an idle agent makes one
 * call per heartbeat. A work item is run by {@link AgentLoop} with the configuration fetched for it and a reasoner for
 * that configuration; the lease is renewed while it runs (with a check-in whenever a heartbeat falls due meanwhile:
 * the control plane judges the agent alive by its check-ins, {@code AgentLiveness}), and the item completed when it
 * is done.
 *
 * <p>Losing the control plane is survivable: the agent keeps its configuration and retries with back-off, and an item
 * it could not finish is delivered to it again once the lease runs out (every effect is idempotent by step). A
 * refused token ends the agent: it was revoked or replaced.
 *
 * <p>{@code onTurn} runs on every turn, and when a call ends, answered or not: that is what an agent's health means
 * ("the process is alive and its loop turns"), for a health check inside the container. The mark is therefore
 * never older than the longest call (a long poll of one heartbeat plus its timeout) or, while the control plane cannot
 * be reached, the 5 s pause between turns; a control-plane outage never marks agents unhealthy, calls are only
 * spaced out meanwhile.
 */
public final class AgentWorker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AgentWorker.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /**
     * While the control plane cannot be reached the loop still turns (and says so) at least this often, however long
     * the heartbeat: an idle container agent beats every 20 s, and a health check that reads "the loop turns" from a
     * mark at most 30 s old must not see an outage as a dead agent. It is also where the back-off starts.
     */
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);
    private static final Duration MIN_RENEWAL = Duration.ofMillis(500);

    /**
     * {@code heartbeat}: how often the agent checks in ({@code STEWARD_HEARTBEAT_MS}); {@code longPoll}: the longest
     * one request for work waits, which is also at most a heartbeat. An idle agent makes one request per heartbeat,
     * and work reaches it at once whatever the heartbeat (the long poll answers as soon as an item is queued).
     */
    public record Timing(Duration heartbeat, Duration longPoll) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(5), AgentWorkUseCase.MAX_WAIT);

        public Timing {
            Objects.requireNonNull(heartbeat, "heartbeat");
            Objects.requireNonNull(longPoll, "longPoll");
        }
    }

    private final ControlPlane controlPlane;
    private final AgentReasoning reasoning;
    private final Timing timing;
    private final Runnable onTurn;
    private final Consumer<String> journal;
    // time-ordered, so the work queue lets a later run take over an earlier one's item but never the reverse
    private final UUID instance = new TimeOrderedIdGenerator(java.time.Clock.systemUTC()).next();
    private final PeriodicTask loop;
    private volatile AgentConfiguration current;
    private volatile long nextBeat = System.nanoTime();
    // the loop's own state, touched only by its turns
    private long nextCall = System.nanoTime(); // the first turn calls at once
    private int failures;
    private volatile boolean refused;
    private volatile boolean closed;

    /**
     * @param onTurn  runs at the start of every turn of the loop, answered or not (the heartbeat file)
     * @param journal what the agent says about its work, one line each (its log)
     */
    public AgentWorker(ControlPlane controlPlane, AgentReasoning reasoning, Timing timing, Runnable onTurn,
                       Consumer<String> journal) {
        this.controlPlane = controlPlane;
        this.reasoning = reasoning;
        this.timing = timing;
        this.onTurn = onTurn;
        this.journal = journal;
        this.loop = PeriodicTask.paced("agent-loop-" + instance, pause(), this::turn);
    }

    /** This run of the agent, as the control plane knows it: a later instance takes over the work of an earlier one. */
    public UUID instance() {
        return instance;
    }

    /** The configuration the agent runs now (empty before its first check-in). */
    public Optional<AgentConfiguration> configuration() {
        return Optional.ofNullable(current);
    }

    /**
     * Runs the loop until {@link #close()} or until the control plane refuses the agent.
     *
     * @return false when it stopped because it was refused
     */
    public boolean run() throws InterruptedException {
        loop.start().await();
        return !refused;
    }

    /**
     * One turn of the loop: mark it, then (unless backing off) call the control plane; the answer is how long the
     * loop waits before the next turn. A call answered is followed at once by the next (its long poll was the pause),
     * a call that failed by the pause, and so is a turn that only marks because the agent is backing off.
     */
    private Optional<Duration> turn() {
        onTurn.run();
        if (System.nanoTime() - nextCall < 0) {
            return Optional.of(pause()); // backing off: the loop still turns every pause, it only does not call
        }
        try {
            Duration rest = call();
            failures = 0;
            return Optional.of(rest);
        } catch (PortFailure e) {
            if (closed) {
                return Optional.empty(); // the call was interrupted by close()
            }
            onTurn.run(); // a call that failed (after up to its timeout) ends a turn as much as an answer does
            if (refused(e)) {
                say(Level.ERROR, "the control plane refused this agent (" + e.getMessage() + "); stopping");
                refused = true;
                return Optional.empty();
            }
            failures++;
            long backoff = Math.min(MAX_BACKOFF.toMillis(), pause().toMillis() * (1L << Math.min(failures - 1, 5)));
            nextCall = System.nanoTime() + Duration.ofMillis(backoff).toNanos();
            say(Level.WARNING, "control plane unreachable (" + e.getMessage() + "); calling again in " + backoff
                    + " ms");
            return Optional.of(pause());
        }
    }

    /** How long the loop waits between turns while it backs off: the heartbeat, but never more than 5 s. */
    private Duration pause() {
        return timing.heartbeat().compareTo(MAX_PAUSE) < 0 ? timing.heartbeat() : MAX_PAUSE;
    }

    /**
     * Asks for work for up to the time left until the next heartbeat, checking in with the same call when a heartbeat
     * is due; fetches the configuration first (the first turn) and again when the control plane holds another
     * version.
     *
     * @return what is left of the time asked for: an answer of "nothing" that comes early (a control plane that does
     *         not hold the request) still waits out that time; zero after a work item
     */
    private Duration call() {
        if (current == null) {
            adopt(controlPlane.configuration());
        }
        long asked = System.nanoTime();
        Optional<Assignment> assignment;
        long wait;
        if (asked - nextBeat >= 0) {
            wait = Math.min(timing.heartbeat().toNanos(), timing.longPoll().toNanos());
            ControlPlane.Heartbeat answer = controlPlane.checkInAndTake(instance, Duration.ofNanos(wait),
                    current.version());
            nextBeat = asked + timing.heartbeat().toNanos(); // (a failed beat is tried again at the next call)
            assignment = answer.work();
            if (assignment.isEmpty() && answer.latestVersion().orElse(-1) != current.version()) {
                refresh(); // (a work item fetches the configuration anyway)
            }
        } else {
            wait = Math.min(nextBeat - asked, timing.longPoll().toNanos());
            assignment = controlPlane.take(instance, Duration.ofNanos(wait));
        }
        if (assignment.isPresent()) {
            work(assignment.get());
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, wait - (System.nanoTime() - asked)));
    }

    /** Takes one item (waiting up to {@code wait}) and works it; for tests and benchmarks that drive the agent. */
    public boolean workOnce(Duration wait) {
        if (current == null) {
            beatOnce();
        }
        Optional<Assignment> assignment = controlPlane.take(instance, wait);
        assignment.ifPresent(this::work);
        return assignment.isPresent();
    }

    /** One heartbeat: fetch the configuration, adopt a new version, check in with the version now running. */
    public void beatOnce() {
        adopt(controlPlane.configuration());
        controlPlane.checkIn(current.version());
        nextBeat = System.nanoTime() + timing.heartbeat().toNanos();
    }

    /**
     * The control plane holds another version than the one running (or did not say which): fetch it, adopt it, and
     * acknowledge a new one at once, which is what moves its deploy status on.
     */
    private void refresh() {
        AgentConfiguration latest = controlPlane.configuration();
        boolean changed = latest.version() != current.version();
        adopt(latest);
        if (changed) {
            controlPlane.checkIn(latest.version());
        }
    }

    private void adopt(AgentConfiguration latest) {
        AgentConfiguration before = current;
        current = latest;
        if (before == null || before.version() != latest.version()) {
            say(Level.INFO, "agent " + latest.slug() + " now runs configuration v" + latest.version() + " (mode "
                    + latest.mode().label() + ", " + latest.tools().size() + " tools, "
                    + latest.reasoner().kind().name().toLowerCase() + " reasoner)");
        }
    }

    /**
     * Works one assignment with the configuration as it is now (runbooks written meanwhile apply). Anything but a
     * refusal leaves the item to be delivered again: its effects so far are recorded, so the next delivery goes on
     * where this one stopped.
     */
    private void work(Assignment assignment) {
        String what = "ticket " + assignment.session().ticket() + " (" + kindOf(assignment.task()) + ", session "
                + assignment.session().id() + ", delivery " + assignment.delivery() + ")";
        say(Level.INFO, "working " + what);
        long started = System.nanoTime();
        PeriodicTask renewer = keepingLease(assignment).start();
        try {
            AgentConfiguration configuration = controlPlane.configuration();
            boolean newVersion = current == null || configuration.version() != current.version();
            adopt(configuration);
            if (newVersion) {
                controlPlane.checkIn(configuration.version());
            }
            SessionOutcome outcome = new AgentLoop(reasoning.reasonerFor(configuration, controlPlane), controlPlane,
                    configuration).work(assignment);
            boolean completed = controlPlane.complete(assignment, outcome);
            say(Level.INFO, (completed ? "finished " : "finished, but the lease was lost meanwhile: ") + what + " -> "
                    + outcome.name().toLowerCase() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (PortFailure e) {
            if (refused(e)) {
                throw e;
            }
            say(Level.WARNING, "could not finish " + what + " (" + e.getMessage() + "); it will be delivered again");
        } catch (RuntimeException e) {
            say(Level.WARNING, "could not finish " + what + " (" + e + "); it will be delivered again");
        } finally {
            renewer.cancel();
        }
    }

    /**
     * Renews the lease every third of its length until cancelled or the lease is lost. Each renewal, answered or
     * not, also marks a turn: an agent deep in one long item (or waiting for a control plane that restarts) is
     * working, not stuck. And it checks in whenever a heartbeat falls due meanwhile, as the idle loop would: the
     * control plane judges an agent alive by its check-ins, and an item may take longer than its silence limit.
     */
    private PeriodicTask keepingLease(Assignment assignment) {
        Duration length = Duration.between(Instant.now(), assignment.leaseUntil());
        Duration every = length.dividedBy(3).compareTo(MIN_RENEWAL) < 0 ? MIN_RENEWAL : length.dividedBy(3);
        return PeriodicTask.paced("lease-" + assignment.work(), every, new PeriodicTask.Turn() {
            private boolean leased; // the first turn only waits: the lease was just taken

            @Override
            public Optional<Duration> run() {
                if (!leased) {
                    leased = true;
                    return Optional.of(every);
                }
                onTurn.run();
                try {
                    if (!controlPlane.renew(assignment)) {
                        say(Level.WARNING, "lost the lease of work item " + assignment.work());
                        return Optional.empty();
                    }
                    checkInIfDue();
                } catch (PortFailure e) {
                    say(Level.WARNING, "could not renew the lease of work item " + assignment.work() + " ("
                            + e.getMessage() + ")");
                }
                return Optional.of(every);
            }
        });
    }

    /** A heartbeat's check-in while an item runs (the version it runs; a new one is fetched after the item). */
    private void checkInIfDue() {
        AgentConfiguration running = current;
        long now = System.nanoTime();
        if (running != null && now - nextBeat >= 0) {
            controlPlane.checkIn(running.version());
            nextBeat = now + timing.heartbeat().toNanos();
        }
    }

    private static String kindOf(Assignment.Task task) {
        return switch (task) {
            case Assignment.Task.Start start -> "new ticket";
            case Assignment.Task.FollowUp followUp -> "follow-up";
            case Assignment.Task.Decided decided -> "approval " + decided.decision().name().toLowerCase();
        };
    }

    private static boolean refused(PortFailure e) {
        return ControlPlane.REFUSED.equals(e.port());
    }

    private void say(Level level, String line) {
        LOG.log(level, line);
        journal.accept(line);
    }

    /** Stops the loop: a long poll or work item in progress is interrupted (the item is delivered again). */
    @Override
    public void close() {
        closed = true;
        loop.cancel();
    }
}
