package dev.steward.application.port.agent;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.agent.SessionEffect;
import dev.steward.application.port.agent.SessionEffects;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.Client;
import dev.steward.domain.integration.ToolName;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every {@link SessionEffects} must pass this: one test per rule of the port's Javadoc. */
public abstract class SessionEffectsContract extends StoreContractSupport {

    protected abstract SessionEffects effects();

    /** A session of {@code client} the store may refer to; stores with foreign keys store one first. */
    protected UUID storedSession(Client client) {
        return UUID.randomUUID();
    }

    private record Session(Client client, UUID id) {}

    private Session session() {
        Client client = storedClient(storedMsp());
        return new Session(client, storedSession(client));
    }

    private static SessionEffect note(Session session, String step) {
        return SessionEffect.begun(session.id(), session.client().id(), step, SessionEffect.Kind.NOTE, "NOTE:plan-1",
                Optional.empty(), "", T0);
    }

    private static SessionEffect call(Session session, String step) {
        return SessionEffect.begun(session.id(), session.client().id(), step, SessionEffect.Kind.TOOL_CALL,
                "call:abc", Optional.of(ToolName.of("m365:reset-password")), "reset the password", T0.plusSeconds(1));
    }

    @Test
    void theFirstBeginOfAStepIsFreshAndEveryLaterOneSeesWhatIsStored() {
        Session session = session();
        SessionEffect effect = note(session, "w1:note");

        assertThat(effects().begin(effect)).isEqualTo(new SessionEffects.Begun.Fresh(effect));
        SessionEffects.Begun again = effects().begin(note(session, "w1:note"));

        assertThat(again).isInstanceOf(SessionEffects.Begun.Existing.class);
        assertThat(again.effect()).isEqualTo(effect);
        assertThat(again.effect().finished()).as("begun, not finished: the effect may or may not have happened")
                .isFalse();
    }

    @Test
    void storesHowAnEffectWentForEveryLaterBegin() {
        Session session = session();
        SessionEffect begun = call(session, "w1:execute:1");
        effects().begin(begun);
        UUID approval = UUID.randomUUID();

        SessionEffect done = effects().finish(begun.done(ActivityOutcome.AWAITING_APPROVAL,
                "needs a technician's approval", Optional.empty(), Optional.of(approval)));

        assertThat(effects().begin(call(session, "w1:execute:1")))
                .isEqualTo(new SessionEffects.Begun.Existing(done));
        assertThat(done.finished()).isTrue();
        assertThat(done.approval()).contains(approval);
        assertThat(done.tool()).contains(ToolName.of("m365:reset-password"));
        assertThat(done.reason()).isEqualTo("reset the password");
    }

    @Test
    void finishingAStepNeverBegunIsNotFound() {
        Session session = session();
        assertThatThrownBy(() -> effects().finish(note(session, "w1:note").done(ActivityOutcome.OK, "", Optional.of("1"),
                Optional.empty()))).isInstanceOf(NotFound.class);
    }

    @Test
    void listsASessionsEffectsInTheOrderTheyWereBegun() {
        Session session = session();
        Session other = session();
        List<SessionEffect> begun = List.of(note(session, "w1:note"), call(session, "w1:execute:1"),
                call(session, "w1:execute:2"), note(session, "w2:note"));
        begun.forEach(effects()::begin);
        effects().begin(note(other, "w1:note"));
        effects().finish(begun.get(1).done(ActivityOutcome.OK, "done", Optional.empty(), Optional.empty()));

        assertThat(effects().of(session.id())).extracting(SessionEffect::step)
                .containsExactly("w1:note", "w1:execute:1", "w1:execute:2", "w2:note");
        assertThat(effects().of(session.id()).get(1).finished()).isTrue();
        assertThat(effects().of(UUID.randomUUID())).isEmpty();
    }

    @Test
    void remembersTheNotesStewardPostedPerClient() {
        Session session = session();
        SessionEffect begun = note(session, "w1:note");
        effects().begin(begun);
        String noteId = "88" + Math.abs(System.nanoTime() % 1_000_000);

        effects().finish(begun.done(ActivityOutcome.OK, "Steward diagnosis", Optional.of(noteId), Optional.empty()));

        assertThat(effects().wroteNote(session.client().id(), noteId)).isTrue();
        assertThat(effects().wroteNote(session.client().id(), noteId + "1")).isFalse();
        assertThat(effects().wroteNote(session().client().id(), noteId)).as("another client's PSA note id").isFalse();
    }

    @Test
    void ofConcurrentBeginsOfOneStepExactlyOneIsFresh() throws Exception {
        Session session = session();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> callers = IntStream.range(0, 8).<Callable<Boolean>>mapToObj(i ->
                    () -> effects().begin(call(session, "w1:execute:1")) instanceof SessionEffects.Begun.Fresh)
                    .toList();
            long fresh = pool.invokeAll(callers).stream().filter(SessionEffectsContract::get).count();
            assertThat(fresh).as("one step, eight begins at once: exactly one may do the effect").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBeginSurvivesTheCallersFailedUnitOfWork() {
        Session session = session();
        SessionEffect effect = note(session, "w1:note");

        assertThatThrownBy(() -> unitOfWork().run(() -> {
            effects().begin(effect);
            throw new IllegalStateException("the PSA call failed");
        })).hasMessage("the PSA call failed");

        assertThat(effects().begin(note(session, "w1:note"))).as("the record must outlive what failed after it")
                .isInstanceOf(SessionEffects.Begun.Existing.class);
    }

    private static boolean get(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
