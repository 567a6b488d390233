package dev.steward.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.ClientRepositoryContract;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.MutableClock;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.prompt.PromptText;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The cached client store passes the whole kit (one instance always reads its own writes), and a write by another
 * instance, which this one cannot see happen, shows here once the copy's second is over.
 */
class CachedClientRepositoryIT extends ClientRepositoryContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final MutableClock clock = MutableClock.startingAt("2026-05-04T09:00:00Z");
    private final CachedClientRepository cached = new CachedClientRepository(stores.clients(), stores.unitOfWork(),
            clock);
    private final CachedMspRepository cachedMsps = new CachedMspRepository(stores.msps(), stores.unitOfWork(), clock);

    @Override
    protected MspRepository msps() {
        return cachedMsps;
    }

    @Override
    protected ClientRepository clients() {
        return cached;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork();
    }

    @Test
    void readsItsOwnCommittedWritesAtOnceAndOthersWithinASecond() {
        Msp msp = cachedMsps.add(Fixtures.anMsp());
        Client stored = cached.add(Fixtures.aClient().inMsp(msp.id()).build());
        assertThat(cached.find(msp.id(), stored.slug())).contains(stored);

        Client renamedHere = unitOfWork().inTransaction(() -> cached.update(
                stored.withPrompt(new PromptText("here"), Fixtures.T0)));
        assertThat(cached.find(msp.id(), stored.slug())).contains(renamedHere);

        Client renamedElsewhere = stores.clients().update(renamedHere.withPrompt(new PromptText("elsewhere"), Fixtures.T0));
        assertThat(cached.find(msp.id(), stored.slug())).as("another instance's write, within the second")
                .contains(renamedHere);
        assertThat(unitOfWork().inTransaction(() -> cached.find(msp.id(), stored.slug())))
                .as("a transaction always reads the database").contains(renamedElsewhere);

        clock.advance(CachedClientRepository.TTL);
        assertThat(cached.find(msp.id(), stored.slug())).contains(renamedElsewhere);
    }

    @Test
    void aRolledBackWriteLeavesTheCopyAsItWas() {
        Msp msp = cachedMsps.add(Fixtures.anMsp());
        Client stored = cached.add(Fixtures.aClient().inMsp(msp.id()).build());
        cached.find(msp.id(), stored.slug());

        try {
            unitOfWork().inTransaction(() -> {
                cached.update(stored.withPrompt(new PromptText("never committed"), Fixtures.T0));
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(cached.find(msp.id(), stored.slug())).contains(stored);
        clock.advance(Duration.ofSeconds(2));
        assertThat(cached.find(msp.id(), stored.slug())).contains(stored);
    }
}
