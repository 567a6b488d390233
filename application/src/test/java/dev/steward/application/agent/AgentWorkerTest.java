package dev.steward.application.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agent.message.Assignment;
import dev.steward.application.agent.message.PostedNote;
import dev.steward.application.agent.message.SessionOutcome;
import dev.steward.application.agent.message.TicketPost;
import dev.steward.application.agent.message.ToolAnswer;
import dev.steward.application.agent.message.ToolRequest;
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.testkit.IdleControlPlane;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.MspId;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AgentWorkerTest {

    /** A control plane that cannot be reached, and counts how often it was tried. */
    private static final class Unreachable implements ControlPlane {
        final AtomicInteger calls = new AtomicInteger();
        private final Duration failsAfter;

        Unreachable() {
            this(Duration.ZERO);
        }

        /** Each call fails only after {@code failsAfter}: a control plane that does not answer until a timeout. */
        Unreachable(Duration failsAfter) {
            this.failsAfter = failsAfter;
        }

        private RuntimeException away() {
            calls.incrementAndGet();
            try {
                Thread.sleep(failsAfter);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return PortFailure.retryable(PORT, "connection refused", null);
        }

        @Override
        public AgentConfiguration configuration() {
            throw away();
        }

        @Override
        public OptionalLong checkIn(long configVersion) {
            throw away();
        }

        @Override
        public Optional<Assignment> take(UUID instance, Duration wait) {
            throw away();
        }

        @Override
        public boolean renew(Assignment work) {
            throw away();
        }

        @Override
        public boolean complete(Assignment work, SessionOutcome outcome) {
            throw away();
        }

        @Override
        public ToolAnswer callTool(UUID session, ToolRequest request) {
            throw away();
        }

        @Override
        public PostedNote post(UUID session, TicketPost post) {
            throw away();
        }

        @Override
        public String model(UUID session, String request) {
            throw away();
        }
    }

    @Test
    void theLoopTurnsAndSaysSoOnEveryHeartbeatWhileTheControlPlaneIsAway() throws Exception {
        Unreachable away = new Unreachable();
        AtomicInteger turns = new AtomicInteger();
        AgentWorker worker = new AgentWorker(away, AgentReasoning.runbooks(),
                new AgentWorker.Timing(Duration.ofMillis(20), Duration.ofMillis(20)), turns::incrementAndGet,
                line -> { });
        Thread loop = runInBackground(worker);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> turns.get() >= 20);
            assertThat(away.calls.get()).as("calls are spaced out by the back-off; turns are not")
                    .isLessThan(turns.get() / 2);
        } finally {
            worker.close();
            loop.join(Duration.ofSeconds(5));
        }
    }

    @Test
    void withALongHeartbeatTheLoopStillTurnsAtTheEndOfEveryFailedCallAndEveryFiveSecondsWhileAway() throws Exception {
        // an idle container agent beats every 20 s; its health check wants a mark younger than 30 s even when the
        // control plane times out every call: the mark is set when a call ends and at least every 5 s in between
        Unreachable slow = new Unreachable(Duration.ofMillis(300));
        java.util.List<Long> marks = new java.util.concurrent.CopyOnWriteArrayList<>();
        AgentWorker worker = new AgentWorker(slow, AgentReasoning.runbooks(),
                new AgentWorker.Timing(Duration.ofMinutes(10), AgentWorkUseCase.MAX_WAIT),
                () -> marks.add(System.nanoTime()), line -> { });
        long started = System.nanoTime();
        Thread loop = runInBackground(worker);
        try {
            await().atMost(Duration.ofSeconds(9)).until(() -> marks.size() >= 3);
            assertThat(Duration.ofNanos(marks.get(1) - started)).as("the failed call's end is a turn")
                    .isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
            assertThat(Duration.ofNanos(marks.get(2) - marks.get(1))).as("the next turn comes after the 5 s pause,"
                    + " not after the 10 min heartbeat").isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        } finally {
            worker.close();
            loop.join(Duration.ofSeconds(5));
        }
    }

    @Test
    void closeEndsACallInProgressAtOnceAndTheLoopStopsQuietly() throws Exception {
        // a control plane that would answer only after a minute: a long poll in progress when the agent is stopped
        Unreachable silent = new Unreachable(Duration.ofMinutes(1));
        java.util.List<String> journal = new java.util.concurrent.CopyOnWriteArrayList<>();
        AgentWorker worker = new AgentWorker(silent, AgentReasoning.runbooks(),
                new AgentWorker.Timing(Duration.ofSeconds(20), AgentWorkUseCase.MAX_WAIT), () -> { }, journal::add);
        java.util.concurrent.atomic.AtomicReference<Boolean> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread loop = Thread.ofVirtual().start(() -> {
            try {
                result.set(worker.run());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> silent.calls.get() == 1);
        long closing = System.nanoTime();
        worker.close();
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("close does not wait out the call")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(loop.join(Duration.ofSeconds(5))).as("run returned").isTrue();
        assertThat(result.get()).as("stopped, not refused").isTrue();
        assertThat(journal).as("a stop is no outage").noneMatch(line -> line.contains("unreachable"));
        assertThat(silent.calls).as("no call after the stop").hasValue(1);
    }

    /**
     * A control plane that hands out one work item whose run takes a while (the configuration fetch that starts it
     * is slow), renews its lease, and records every check-in.
     */
    private static final class OneLongItem implements ControlPlane {
        private final IdleControlPlane idle = new IdleControlPlane(new AgentSpec(new ClientId(UUID.randomUUID()),
                new MspId(UUID.randomUUID()), new Slug("long-item"), 1));
        private final Duration itemTakes;
        private final AtomicInteger configurations = new AtomicInteger();
        private final java.util.concurrent.atomic.AtomicBoolean handedOut = new java.util.concurrent.atomic.AtomicBoolean();
        final java.util.List<Long> checkIns = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile long itemStarted;
        volatile long itemEnded;

        OneLongItem(Duration itemTakes) {
            this.itemTakes = itemTakes;
        }

        @Override
        public AgentConfiguration configuration() {
            if (configurations.incrementAndGet() == 2) { // the item's own fetch: the item runs meanwhile
                itemStarted = System.nanoTime();
                try {
                    Thread.sleep(itemTakes);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                itemEnded = System.nanoTime();
            }
            return idle.configuration();
        }

        @Override
        public OptionalLong checkIn(long configVersion) {
            checkIns.add(System.nanoTime());
            return OptionalLong.of(1);
        }

        @Override
        public Optional<Assignment> take(UUID instance, Duration wait) {
            if (handedOut.compareAndSet(false, true)) {
                return Optional.of(new Assignment(UUID.randomUUID(), UUID.randomUUID(),
                        java.time.Instant.now().plusMillis(1500), 1, 1,
                        new Assignment.Session(UUID.randomUUID(), "T-1", "someone", EffectiveMode.PLAN),
                        new Assignment.Task.Start("help"), java.util.List.of(), 0));
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }

        @Override
        public boolean renew(Assignment work) {
            return true;
        }

        @Override
        public boolean complete(Assignment work, SessionOutcome outcome) {
            return true;
        }

        @Override
        public ToolAnswer callTool(UUID session, ToolRequest request) {
            throw PortFailure.retryable(PORT, "not in this test", null);
        }

        @Override
        public PostedNote post(UUID session, TicketPost post) {
            throw PortFailure.retryable(PORT, "not in this test", null);
        }

        @Override
        public String model(UUID session, String request) {
            throw PortFailure.retryable(PORT, "not in this test", null);
        }
    }

    /**
     * The control plane judges an agent alive by its check-ins (issue 14): an agent busy with one long item still
     * checks in at every heartbeat, with its lease renewals, so a long item is never taken for a stuck loop.
     */
    @Test
    void anAgentBusyWithALongItemStillChecksInEveryHeartbeat() throws Exception {
        OneLongItem controlPlane = new OneLongItem(Duration.ofMillis(3_500));
        AgentWorker worker = new AgentWorker(controlPlane, AgentReasoning.runbooks(),
                new AgentWorker.Timing(Duration.ofMillis(500), Duration.ofMillis(500)), () -> { }, line -> { });
        Thread loop = runInBackground(worker);
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> controlPlane.itemEnded != 0);
            long during = controlPlane.checkIns.stream()
                    .filter(at -> at > controlPlane.itemStarted && at < controlPlane.itemEnded).count();
            assertThat(during).as("check-ins during a 3.5 s item at a 0.5 s heartbeat (renewals every 0.5 s)")
                    .isGreaterThanOrEqualTo(3);
        } finally {
            worker.close();
            loop.join(Duration.ofSeconds(5));
        }
    }

    private static Thread runInBackground(AgentWorker worker) {
        return Thread.ofVirtual().start(() -> {
            try {
                worker.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
