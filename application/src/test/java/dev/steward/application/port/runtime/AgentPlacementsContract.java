package dev.steward.application.port.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.runtime.AgentPlacements;
import dev.steward.application.port.runtime.AgentPlacements.Placement;
import dev.steward.application.port.runtime.InstanceId;
import dev.steward.application.port.runtime.InstanceRegistry;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.MspId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every {@link AgentPlacements} must pass this: one test per rule of the port's Javadoc. */
public abstract class AgentPlacementsContract extends StoreContractSupport {

    private static final Duration LIVE = Duration.ofMinutes(5);

    protected abstract AgentPlacements placements();

    /** The registry the placements judge liveness by. */
    protected abstract InstanceRegistry instances();

    private Client aClient() {
        return storedClient(storedMsp());
    }

    @Test
    void aSavedPlacementIsFoundReplacedAndRemoved() {
        Client client = aClient();
        InstanceId a = live();
        Placement placed = Placement.running(client.id(), client.msp(), client.slug(), a, 1);
        placements().save(placed);
        assertThat(placements().find(client.id())).contains(placed);

        Placement exited = placed.withVersion(2).exitedWith(3, "exited with code 3");
        placements().save(exited);
        assertThat(placements().find(client.id())).contains(exited);
        assertThat(placements().find(client.id()).orElseThrow().exited()).isTrue();

        placements().remove(client.id());
        assertThat(placements().find(client.id())).isEmpty();
        placements().remove(client.id()); // nothing left: still fine
    }

    @Test
    void placementsAreListedInAllAndByInstance() {
        InstanceId a = live();
        InstanceId b = live();
        Client first = aClient();
        Client second = aClient();
        placements().save(Placement.running(first.id(), first.msp(), first.slug(), a, 1));
        placements().save(Placement.running(second.id(), second.msp(), second.slug(), b, 1));

        assertThat(placements().on(a)).extracting(Placement::client).containsExactly(first.id());
        assertThat(placements().on(b)).extracting(Placement::client).containsExactly(second.id());
        assertThat(placements().all()).extracting(Placement::client).contains(first.id(), second.id());
    }

    @Test
    void onlyPlacementsOfInstancesThatAreNotLiveAreTakenOverAndKeepTheirState() {
        InstanceId gone = InstanceId.random();
        instances().heartbeat(gone, "gone");
        instances().leave(gone);
        InstanceId alive = live();
        InstanceId heir = live();
        Client orphan = aClient();
        Client crashed = aClient();
        Client kept = aClient();
        placements().save(Placement.running(orphan.id(), orphan.msp(), orphan.slug(), gone, 4));
        placements().save(Placement.running(crashed.id(), crashed.msp(), crashed.slug(), gone, 1)
                .exitedWith(137, "killed"));
        placements().save(Placement.running(kept.id(), kept.msp(), kept.slug(), alive, 2));

        List<Placement> moved = placements().takeOver(heir, LIVE, 1000);

        assertThat(moved).extracting(Placement::client).contains(orphan.id(), crashed.id()).doesNotContain(kept.id());
        assertThat(placements().find(orphan.id()).orElseThrow())
                .isEqualTo(Placement.running(orphan.id(), orphan.msp(), orphan.slug(), heir, 4));
        assertThat(placements().find(crashed.id()).orElseThrow().exited()).as("still exited").isTrue();
        assertThat(placements().find(crashed.id()).orElseThrow().instance()).isEqualTo(heir);
        assertThat(placements().find(kept.id()).orElseThrow().instance()).isEqualTo(alive);
    }

    @Test
    void takeOverMovesAtMostTheNumberAsked() {
        InstanceId gone = InstanceId.random();
        MspId msp = storedMsp();
        for (int i = 0; i < 3; i++) {
            Client client = storedClient(msp);
            placements().save(Placement.running(client.id(), msp, client.slug(), gone, 1));
        }
        assertThat(placements().takeOver(live(), LIVE, 2)).hasSize(2);
    }

    @Test
    void eachOrphanIsTakenOverByExactlyOneOfSeveralInstancesAskingAtOnce() throws Exception {
        InstanceId gone = InstanceId.random();
        MspId msp = storedMsp();
        List<Client> orphans = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Client client = storedClient(msp);
            orphans.add(client);
            placements().save(Placement.running(client.id(), msp, client.slug(), gone, 1));
        }
        List<InstanceId> heirs = List.of(live(), live(), live(), live());
        CountDownLatch go = new CountDownLatch(1);
        List<Placement> moved = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(heirs.size())) {
            List<Future<List<Placement>>> results = new ArrayList<>();
            for (InstanceId heir : heirs) {
                Callable<List<Placement>> takeOver = () -> {
                    go.await();
                    return placements().takeOver(heir, LIVE, 1000);
                };
                results.add(threads.submit(takeOver));
            }
            go.countDown();
            for (Future<List<Placement>> result : results) {
                moved.addAll(result.get(60, TimeUnit.SECONDS));
            }
        }
        List<Object> mine = moved.stream().map(Placement::client)
                .filter(c -> orphans.stream().anyMatch(o -> o.id().equals(c))).map(c -> (Object) c).toList();
        assertThat(mine).as("each orphan moved once").hasSize(orphans.size()).doesNotHaveDuplicates();
        for (Client orphan : orphans) {
            Placement now = placements().find(orphan.id()).orElseThrow();
            assertThat(moved).contains(now);
        }
    }

    @Test
    void aPlacementSavedInARolledBackUnitOfWorkIsNotKept() {
        Client client = aClient();
        InstanceId a = live();
        assertThatThrownBy(() -> unitOfWork().run(() -> {
            placements().save(Placement.running(client.id(), client.msp(), client.slug(), a, 1));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(placements().find(client.id())).isEmpty();
    }

    @Test
    void twoUnitsOfWorkDecidingOneClientsPlacementDecideOneAfterTheOther() throws Exception {
        Client client = aClient();
        InstanceId a = live();
        InstanceId b = live();
        placements().save(Placement.running(client.id(), client.msp(), client.slug(), a, 1));
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> first = threads.submit(() -> unitOfWork().run(() -> {
                Placement found = placements().find(client.id()).orElseThrow();
                firstHolds.countDown();
                await(release);
                placements().save(found.withVersion(found.configVersion() + 1));
            }));
            assertThat(firstHolds.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> unitOfWork().run(() -> {
                Placement found = placements().find(client.id()).orElseThrow();
                placements().save(found.on(b).withVersion(found.configVersion() + 1));
            }));
            Thread.sleep(100);
            assertThat(second.isDone()).as("the second waits for the first").isFalse();
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        }
        assertThat(placements().find(client.id()).orElseThrow())
                .as("the second saw the first one's version")
                .isEqualTo(Placement.running(client.id(), client.msp(), client.slug(), b, 3));
    }

    private InstanceId live() {
        InstanceId instance = InstanceId.random();
        instances().heartbeat(instance, "test");
        return instance;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
