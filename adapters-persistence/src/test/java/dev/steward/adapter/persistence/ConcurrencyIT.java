package dev.steward.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.problem.Conflict;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.msp.MspId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Races the database must settle: a slug created many times at once, a client saved twice from one version. */
class ConcurrencyIT {

    private static final int RACERS = 12;

    private final JdbiStores stores = TestDatabase.stores();
    private final ExecutorService threads = Executors.newFixedThreadPool(RACERS);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** What each racer did: stored the client, or was refused with this conflict code. */
    private record Outcome(boolean stored, String conflict) {}

    private List<Outcome> race(List<Callable<Outcome>> racers) throws Exception {
        CyclicBarrier start = new CyclicBarrier(racers.size());
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Callable<Outcome> racer : racers) {
            futures.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    return racer.call();
                } catch (Conflict c) {
                    return new Outcome(false, c.code());
                }
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    @Test
    void storesExactlyOneOfManySimultaneousClientsWithTheSameSlugAndRefusesTheRestWithAConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            MspId msp = stores.msps().add(Fixtures.anMsp()).id();
            Slug slug = Fixtures.uniqueSlug();
            List<Callable<Outcome>> racers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Client client = Fixtures.aClient().inMsp(msp).withSlug(slug).build();
                racers.add(() -> stores.unitOfWork().inTransaction(() -> {
                    stores.clients().add(client);
                    return new Outcome(true, "");
                }));
            }

            List<Outcome> outcomes = race(racers);

            assertThat(outcomes).filteredOn(Outcome::stored).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.stored()).extracting(Outcome::conflict)
                    .hasSize(RACERS - 1).containsOnly("slug.taken");
            long rows = TestDatabase.database().jdbi().withHandle(h -> h.createQuery(
                            "select count(*) from clients where msp_id = :msp and slug = :slug")
                    .bind("msp", msp.value()).bind("slug", slug.value()).mapTo(Long.class).one());
            assertThat(rows).isEqualTo(1);
        }
    }

    @Test
    void savesExactlyOneOfTwoSimultaneousUpdatesFromTheSameVersion() throws Exception {
        MspId msp = stores.msps().add(Fixtures.anMsp()).id();
        Client loaded = stores.clients().add(Fixtures.aClient().inMsp(msp).build());
        List<Callable<Outcome>> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Client change = i % 2 == 0
                    ? loaded.movedTo(AgentStatus.PROVISIONING, "racer " + i, Fixtures.T0.plusSeconds(i))
                    : loaded.withMode(OperatingMode.EXECUTE, Fixtures.T0.plusSeconds(i));
            racers.add(() -> {
                stores.clients().update(change);
                return new Outcome(true, "");
            });
        }

        List<Outcome> outcomes = race(racers);

        assertThat(outcomes).filteredOn(Outcome::stored).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.stored()).extracting(Outcome::conflict).containsOnly("version.stale");
        Client stored = stores.clients().find(loaded.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stores.clients().history(loaded.id())).isEqualTo(stored.recentHistory());
    }
}
