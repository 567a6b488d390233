package dev.steward.application.port.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.session.AgentSession;
import dev.steward.domain.session.AgentSession.Channel;
import dev.steward.domain.session.NoteMark;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every {@link SessionRepository} must pass this. */
public abstract class SessionRepositoryContract {

    protected abstract SessionRepository repository();

    /**
     * The client the sessions belong to. Stores with foreign keys override this to store a client first; the
     * default is a fresh id.
     */
    protected ClientId aStoredClient() {
        return new ClientId(UUID.randomUUID());
    }

    private static AgentSession session(ClientId client, String reference) {
        return AgentSession.start(UUID.randomUUID(), client, Channel.TICKET, reference, "dana@contoso.example",
                EffectiveMode.PLAN, 1, Fixtures.T0);
    }

    @Test
    void storesANewSessionAndFindsItByIdAndSource() {
        ClientId client = aStoredClient();
        AgentSession session = session(client, "51001");

        assertThat(repository().addIfAbsent(session)).isEqualTo(session);
        assertThat(repository().find(session.id())).contains(session);
        assertThat(repository().find(client, Channel.TICKET, "51001")).contains(session);
    }

    @Test
    void aSecondSessionForTheSameSourceReturnsTheFirst() {
        ClientId client = aStoredClient();
        AgentSession first = session(client, "51002");
        repository().addIfAbsent(first);

        AgentSession again = repository().addIfAbsent(session(client, "51002"));

        assertThat(again.id()).as("the same ticket must not start a second session").isEqualTo(first.id());
    }

    @Test
    void theSameReferenceForAnotherClientIsAnotherSession() {
        AgentSession a = session(aStoredClient(), "51003");
        AgentSession b = session(aStoredClient(), "51003");
        repository().addIfAbsent(a);

        assertThat(repository().addIfAbsent(b)).isEqualTo(b);
    }

    @Test
    void ofConcurrentAddsForOneSourceExactlyOneStores() throws Exception {
        ClientId client = aStoredClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<UUID>> calls = IntStream.range(0, 16)
                    .<Callable<UUID>>mapToObj(i -> () -> repository().addIfAbsent(session(client, "51004")).id())
                    .toList();
            List<UUID> winners = pool.invokeAll(calls).stream().map(SessionRepositoryContract::get).distinct().toList();
            assertThat(winners).as("every caller must see the one stored session").hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void updatesAStoredSession() {
        AgentSession session = session(aStoredClient(), "51005");
        repository().addIfAbsent(session);
        AgentSession done = session.ended(AgentSession.State.COMPLETED, Fixtures.T0.plusSeconds(5));

        repository().update(done);

        assertThat(repository().find(session.id())).contains(done);
    }

    @Test
    void restartsOnlyAFailedSessionAndOnlyOnce() throws Exception {
        AgentSession session = session(aStoredClient(), "51007");
        repository().addIfAbsent(session);
        assertThat(repository().restartFailed(session.id(), Fixtures.T0)).as("a running session is not restarted")
                .isEmpty();
        repository().update(session.ended(AgentSession.State.FAILED, Fixtures.T0.plusSeconds(1)));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> calls = IntStream.range(0, 8).<Callable<Boolean>>mapToObj(i ->
                    () -> repository().restartFailed(session.id(), Fixtures.T0.plusSeconds(2)).isPresent()).toList();
            long winners = pool.invokeAll(calls).stream().filter(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).count();
            assertThat(winners).as("exactly one caller may run a failed session again").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        AgentSession again = repository().find(session.id()).orElseThrow();
        assertThat(again.state()).isEqualTo(AgentSession.State.RUNNING);
        assertThat(again.externalReference()).isEqualTo("51007");
    }

    @Test
    void updatingAnUnknownSessionIsNotFound() {
        assertThatThrownBy(() -> repository().update(session(aStoredClient(), "51006"))).isInstanceOf(NotFound.class);
    }

    @Test
    void neverRestartsASessionWhoseNoteReachedTheTicket() {
        AgentSession session = session(aStoredClient(), "51008");
        repository().addIfAbsent(session);
        repository().update(session.withNotePosted().ended(AgentSession.State.FAILED, Fixtures.T0.plusSeconds(1)));

        assertThat(repository().restartFailed(session.id(), Fixtures.T0.plusSeconds(2)))
                .as("a second note is worse than a technician's look").isEmpty();
        assertThat(repository().find(session.id()).orElseThrow().state()).isEqualTo(AgentSession.State.FAILED);
    }

    @Test
    void keepsTheNoteMarkAndNotesSeenThroughEveryUpdate() {
        AgentSession session = session(aStoredClient(), "51009");
        repository().addIfAbsent(session);
        NoteMark mark = new NoteMark(Fixtures.T0.plusSeconds(30), "880002");

        repository().update(session.withNotePosted().withNotesSeen(mark));

        AgentSession stored = repository().find(session.id()).orElseThrow();
        assertThat(stored.notePosted()).isTrue();
        assertThat(stored.notesSeen()).contains(mark);
    }

    @Test
    void anUpdateFromAStaleCopyCannotUndoThePostedNoteOrRewindTheNotesSeen() {
        AgentSession stale = session(aStoredClient(), "51010");
        repository().addIfAbsent(stale);
        NoteMark later = new NoteMark(Fixtures.T0.plusSeconds(60), "880009");
        repository().update(stale.withNotePosted().withNotesSeen(later));

        AgentSession stored = repository().update(stale.withNotesSeen(new NoteMark(Fixtures.T0.plusSeconds(10), "1"))
                .ended(AgentSession.State.COMPLETED, Fixtures.T0.plusSeconds(70)));

        assertThat(stored.notePosted()).as("once posted, always").isTrue();
        assertThat(stored.notesSeen()).contains(later);
        assertThat(stored.state()).isEqualTo(AgentSession.State.COMPLETED);
        assertThat(repository().find(stale.id())).contains(stored);
    }

    @Test
    void storesAClosedSession() {
        AgentSession session = session(aStoredClient(), "51011");
        repository().addIfAbsent(session);

        repository().update(session.closed(Fixtures.T0.plusSeconds(5)));

        assertThat(repository().find(session.id()).orElseThrow().state()).isEqualTo(AgentSession.State.CLOSED);
    }

    private static UUID get(Future<UUID> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
