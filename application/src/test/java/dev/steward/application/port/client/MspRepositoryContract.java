package dev.steward.application.port.client;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.Conflict;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspName;
import dev.steward.domain.prompt.PromptText;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@link MspRepository} must pass this: one test per rule of the port's Javadoc. */
public abstract class MspRepositoryContract {

    protected abstract MspRepository repository();

    protected abstract UnitOfWork unitOfWork();

    @Test
    void storesANewMspAtVersionOneAndFindsIt() {
        Msp msp = Fixtures.anMsp();

        Msp stored = repository().add(msp);

        assertThat(stored).isEqualTo(msp.atVersion(1));
        assertThat(repository().find(msp.id())).contains(stored);
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(repository().find(Fixtures.uniqueMspId())).isEmpty();
    }

    @Test
    void refusesASecondMspWithTheSameId() {
        Msp msp = repository().add(Fixtures.anMsp());
        Msp again = new Msp(msp.id(), new MspName("Impostor"), EffectiveMode.EXECUTE, PromptText.EMPTY, T0, 0,
                java.util.Optional.empty());

        assertThatThrownBy(() -> repository().add(again)).isInstanceOf(Conflict.class);
        assertThat(repository().find(msp.id())).contains(msp);
    }

    @Test
    void listsMspsOldestFirst() {
        Msp newer = repository().add(registeredAt(2));
        Msp older = repository().add(registeredAt(1));
        Msp newest = repository().add(registeredAt(3));

        List<Msp> all = repository().list();

        assertThat(all).containsSubsequence(older, newer, newest);
    }

    private static Msp registeredAt(int secondsBeforeT0) {
        return Msp.register(Fixtures.uniqueMspId(), new MspName("MSP " + UUID.randomUUID()),
                T0.minusSeconds(1_000_000L - secondsBeforeT0));
    }

    @Test
    void keepsASuspensionAndItsEnd() {
        Msp stored = repository().add(Fixtures.anMsp());

        Msp suspended = repository().update(stored.suspended(T0.plusSeconds(30)));

        assertThat(repository().find(stored.id())).contains(suspended);
        assertThat(suspended.active()).isFalse();
        assertThat(suspended.suspendedAt()).contains(T0.plusSeconds(30));
        Msp resumed = repository().update(suspended.resumed());
        assertThat(repository().find(stored.id())).hasValueSatisfying(m -> assertThat(m.active()).isTrue());
        assertThat(resumed.version()).isEqualTo(3);
    }

    @Test
    void savesChangesAtTheNextVersion() {
        Msp stored = repository().add(Fixtures.anMsp());

        Msp updated = repository().update(stored.withDefaultMode(EffectiveMode.EXECUTE)
                .withPrompt(PromptText.of("Always greet by name.")));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(repository().find(stored.id())).contains(updated);
        assertThat(updated.defaultMode()).isEqualTo(EffectiveMode.EXECUTE);
    }

    @Test
    void rejectsAnUpdateBasedOnAStaleVersionAndChangesNothing() {
        Msp stored = repository().add(Fixtures.anMsp());
        Msp winner = repository().update(stored.withPrompt(PromptText.of("first")));

        assertThatThrownBy(() -> repository().update(stored.withDefaultMode(EffectiveMode.EXECUTE)))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("version.stale"));
        assertThat(repository().find(stored.id())).contains(winner);
    }

    @Test
    void forgetsAnMspAddedInAUnitOfWorkThatFails() {
        Msp msp = Fixtures.anMsp();

        assertThatThrownBy(() -> unitOfWork().run(() -> {
            repository().add(msp);
            throw new IllegalStateException("the use case failed");
        })).hasMessage("the use case failed");

        assertThat(repository().find(msp.id())).isEmpty();
    }
}
