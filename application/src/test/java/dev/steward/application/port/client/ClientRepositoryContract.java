package dev.steward.application.port.client;

import static dev.steward.application.testkit.Fixtures.T0;
import static dev.steward.application.testkit.Fixtures.aClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.client.ClientQuery;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.application.testkit.Fixtures;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.agent.AgentStatus;
import dev.steward.domain.agent.DeployStatus;
import dev.steward.domain.agent.RetrySchedule;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.DeletionConfirmation;
import dev.steward.domain.client.PsaMapping;
import dev.steward.domain.client.Slug;
import dev.steward.domain.mode.OperatingMode;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.prompt.PromptText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every {@link ClientRepository} must pass this: one test per rule of the port's Javadoc. Subclass it and return the
 * stores; the data of each test is unique, so the stores may be shared (one database, no truncation).
 */
public abstract class ClientRepositoryContract extends StoreContractSupport {

    /** Each reconciliation test works at an instant earlier than every earlier one, so its clients wait longest. */
    private static final AtomicLong EPOCHS = new AtomicLong();

    private ClientRepository repository() {
        return clients();
    }

    @Test
    void storesANewClientAtVersionOneAndFindsItByMspAndSlug() {
        MspId msp = storedMsp();
        Client client = aClient().inMsp(msp).build();

        Client stored = repository().add(client);

        assertThat(stored).isEqualTo(client.atVersion(1));
        assertThat(repository().find(msp, client.slug())).contains(stored);
    }

    @Test
    void findsAStoredClientByIdWithEveryField() {
        MspId msp = storedMsp();
        Client added = repository().add(aClient().inMsp(msp).named("Acme Corp").build());
        Client changed = added.withMode(OperatingMode.EXECUTE, T0.plusSeconds(5))
                .withPrompt(PromptText.of("Be brief.\nUse the runbook."), T0.plusSeconds(6))
                .withPsaMapping(Optional.of(new PsaMapping("halopsa", "company-42")))
                .withDeployStatus(new DeployStatus.Failed("image pull failed"))
                .movedTo(AgentStatus.PENDING, "engine unreachable", T0.plusSeconds(7))
                .withRetry(RetrySchedule.NONE.afterFailure(T0.plusSeconds(7)));

        Client updated = repository().update(changed);

        assertThat(updated).isEqualTo(changed.atVersion(2));
        assertThat(repository().find(added.id())).contains(updated);
    }

    @Test
    void aPsaCompanyIsOneLiveClientsOnlyAndFindsThatClient() {
        MspId msp = storedMsp();
        PsaMapping company = new PsaMapping("connectwise", "250");
        Client mapped = repository().update(repository().add(aClient().inMsp(msp).build())
                .withPsaMapping(Optional.of(company)));
        Client second = repository().add(aClient().inMsp(msp).build());

        assertThatThrownBy(() -> repository().update(second.withPsaMapping(Optional.of(company))))
                .isInstanceOfSatisfying(Conflict.class, c -> {
                    assertThat(c.code()).isEqualTo("psaMapping.taken");
                    assertThat(c.field()).contains("companyId");
                });
        assertThat(repository().find(second.id()).orElseThrow().psaMapping()).as("nothing changed").isEmpty();
        assertThatThrownBy(() -> repository().add(aClient().inMsp(msp).build().withPsaMapping(Optional.of(company))))
                .as("a new client with it").isInstanceOf(Conflict.class);
        assertThat(repository().findByPsaMapping(msp, company)).contains(mapped);
        assertThat(repository().findByPsaMapping(msp, new PsaMapping("halopsa", "250"))).as("another PSA").isEmpty();

        MspId other = storedMsp();
        Client theirs = repository().add(aClient().inMsp(other).build());
        assertThat(repository().update(theirs.withPsaMapping(Optional.of(company))).psaMapping())
                .as("another MSP's company 250").contains(company);
    }

    @Test
    void ofTwoConcurrentMappingsOfOneCompanyOnlyOneWins() throws Exception {
        MspId msp = storedMsp();
        PsaMapping company = new PsaMapping("autotask", "29683501");
        Client first = repository().add(aClient().inMsp(msp).build());
        Client second = repository().add(aClient().inMsp(msp).build());
        CountDownLatch mappedFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Client> winner = threads.submit(() -> unitOfWork().inTransaction(() -> {
                Client done = repository().update(first.withPsaMapping(Optional.of(company)));
                mappedFirst.countDown();
                await(release);
                return done;
            }));
            assertThat(mappedFirst.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Client> loser = threads.submit(() -> unitOfWork().inTransaction(
                    () -> repository().update(second.withPsaMapping(Optional.of(company)))));
            release.countDown();

            assertThat(winner.get(30, TimeUnit.SECONDS).psaMapping()).contains(company);
            assertThatThrownBy(() -> loser.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(Conflict.class);
        } finally {
            threads.shutdownNow();
        }
        assertThat(repository().findByPsaMapping(msp, company).map(Client::id)).contains(first.id());
        assertThat(repository().find(second.id()).orElseThrow().psaMapping()).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownIdOrSlug() {
        assertThat(repository().find(new ClientId(UUID.randomUUID()))).isEmpty();
        assertThat(repository().find(storedMsp(), Fixtures.uniqueSlug())).isEmpty();
    }

    @Test
    void refusesASecondClientWithTheSameSlugInOneMspAndStoresNothing() {
        MspId msp = storedMsp();
        Client first = repository().add(aClient().inMsp(msp).build());
        Client second = aClient().inMsp(msp).withSlug(first.slug()).named("Someone else").build();

        assertThatThrownBy(() -> repository().add(second))
                .isInstanceOfSatisfying(Conflict.class, c -> {
                    assertThat(c.code()).isEqualTo("slug.taken");
                    assertThat(c.field()).contains("slug");
                });
        assertThat(repository().find(second.id())).as("the refused client must not be stored").isEmpty();
        assertThat(repository().find(msp, first.slug())).contains(first);
    }

    @Test
    void allowsTheSameSlugInAnotherMsp() {
        Client first = repository().add(aClient().inMsp(storedMsp()).build());
        MspId other = storedMsp();

        Client second = repository().add(aClient().inMsp(other).withSlug(first.slug()).build());

        assertThat(repository().find(other, first.slug())).contains(second);
        assertThat(repository().find(first.msp(), first.slug())).contains(first);
    }

    @Test
    void keepsADestroyedClientsSlugTaken() {
        MspId msp = storedMsp();
        Client client = repository().add(aClient().inMsp(msp).named("Gone Ltd").build());
        repository().update(client.destroyed(new DeletionConfirmation("Gone Ltd"), T0.plusSeconds(1)));

        assertThatThrownBy(() -> repository().add(aClient().inMsp(msp).withSlug(client.slug()).build()))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("slug.taken"));
    }

    @Test
    void neverListsAnotherMspsClients() {
        MspId mine = storedMsp();
        MspId theirs = storedMsp();
        Client own = repository().add(aClient().inMsp(mine).build());
        repository().add(aClient().inMsp(theirs).build());

        assertThat(repository().list(ClientQuery.all(mine))).containsExactly(own);
    }

    @Test
    void listsClientsOrderedBySlug() {
        MspId msp = storedMsp();
        Client b = repository().add(aClient().inMsp(msp).withSlug("bravo").build());
        Client c = repository().add(aClient().inMsp(msp).withSlug("charlie-2").build());
        Client a = repository().add(aClient().inMsp(msp).withSlug("alpha").build());
        Client c1 = repository().add(aClient().inMsp(msp).withSlug("charlie").build());

        assertThat(repository().list(ClientQuery.all(msp))).containsExactly(a, b, c1, c);
    }

    @Test
    void listsOnlyClientsInTheAskedStatus() {
        MspId msp = storedMsp();
        repository().add(aClient().inMsp(msp).build());
        Client active = repository().add(aClient().inMsp(msp).active().build());
        repository().add(aClient().inMsp(msp).inStatus(AgentStatus.ERROR).build());

        List<Client> page = repository().list(new ClientQuery(msp, Optional.of(AgentStatus.ACTIVE), Optional.empty(),
                Optional.empty(), 10));

        assertThat(page).containsExactly(active);
    }

    @Test
    void searchesNamesAndSlugsIgnoringCase() {
        MspId msp = storedMsp();
        Client byName = repository().add(aClient().inMsp(msp).withSlug("first").named("ACME Industries").build());
        Client bySlug = repository().add(aClient().inMsp(msp).withSlug("acme-labs").named("Labs").build());
        repository().add(aClient().inMsp(msp).withSlug("other").named("Globex").build());

        List<Client> page = repository().list(new ClientQuery(msp, Optional.empty(), Optional.of("Acme"),
                Optional.empty(), 10));

        assertThat(page).containsExactly(bySlug, byName);
    }

    @Test
    void pagesBySlugAfterTheLastSlugOfThePreviousPage() {
        MspId msp = storedMsp();
        List<Client> all = new ArrayList<>();
        for (String slug : List.of("a1", "a2", "a3", "a4", "a5")) {
            all.add(repository().add(aClient().inMsp(msp).withSlug(slug).build()));
        }

        List<Client> first = repository().list(new ClientQuery(msp, Optional.empty(), Optional.empty(),
                Optional.empty(), 2));
        List<Client> second = repository().list(new ClientQuery(msp, Optional.empty(), Optional.empty(),
                Optional.of(first.getLast().slug()), 2));
        List<Client> last = repository().list(new ClientQuery(msp, Optional.empty(), Optional.empty(),
                Optional.of(Slug.of("a4")), 2));

        assertThat(first).containsExactly(all.get(0), all.get(1));
        assertThat(second).containsExactly(all.get(2), all.get(3));
        assertThat(last).containsExactly(all.get(4));
    }

    @Test
    void rejectsAnUpdateBasedOnAStaleVersionAndChangesNothing() {
        Client stored = repository().add(aClient().inMsp(storedMsp()).build());
        Client winner = repository().update(stored.movedTo(AgentStatus.PROVISIONING, "first", T0.plusSeconds(1)));
        Client stale = stored.withMode(OperatingMode.EXECUTE, T0.plusSeconds(2));

        assertThatThrownBy(() -> repository().update(stale))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("version.stale"));
        assertThat(repository().find(stored.id())).contains(winner);
        assertThat(repository().history(stored.id())).isEqualTo(winner.recentHistory());
    }

    @Test
    void refusesToUpdateAnUnknownClient() {
        Client never = aClient().inMsp(storedMsp()).build();

        assertThatThrownBy(() -> repository().update(never)).isInstanceOf(NotFound.class);
    }

    @Test
    void appendsEveryStatusChangeInOrderOldestFirst() {
        Client client = repository().add(aClient().inMsp(storedMsp()).build());
        Client v2 = repository().update(client.movedTo(AgentStatus.PROVISIONING, "start", T0.plusSeconds(1)));
        Client v3 = repository().update(v2.movedTo(AgentStatus.PENDING, "engine down", T0.plusSeconds(2))
                .movedTo(AgentStatus.PROVISIONING, "retry", T0.plusSeconds(3)));
        repository().update(v3.movedTo(AgentStatus.ACTIVE, "healthy", T0.plusSeconds(4)));

        List<StatusChange> history = repository().history(client.id());

        assertThat(history).extracting(StatusChange::to).containsExactly(AgentStatus.CREATING,
                AgentStatus.PROVISIONING, AgentStatus.PENDING, AgentStatus.PROVISIONING, AgentStatus.ACTIVE);
        assertThat(history).extracting(StatusChange::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(history.get(2)).isEqualTo(new StatusChange(3, Optional.of(AgentStatus.PROVISIONING),
                AgentStatus.PENDING, T0.plusSeconds(2), "engine down"));
    }

    @Test
    void keepsTheWholeHistoryWhileTheClientCarriesOnlyTheRecentPart() {
        Client client = repository().add(aClient().inMsp(storedMsp()).inStatus(AgentStatus.PROVISIONING).build());
        for (int i = 0; i < Client.RECENT_HISTORY; i++) {
            Instant at = T0.plusSeconds(10L + i);
            client = repository().update(client.movedTo(AgentStatus.PENDING, "down " + i, at)
                    .movedTo(AgentStatus.PROVISIONING, "retry " + i, at));
        }

        List<StatusChange> history = repository().history(client.id());
        Client found = repository().find(client.id()).orElseThrow();

        assertThat(history).hasSize(2 + 2 * Client.RECENT_HISTORY);
        assertThat(found.recentHistory()).isEqualTo(history.subList(history.size() - Client.RECENT_HISTORY,
                history.size()));
    }

    @Test
    void keepsTheHistoryOfADestroyedClient() {
        Client client = repository().add(aClient().inMsp(storedMsp()).named("Old Co").build());
        repository().update(client.destroyed(new DeletionConfirmation("Old Co"), T0.plusSeconds(1)));

        assertThat(repository().history(client.id())).extracting(StatusChange::to)
                .containsExactly(AgentStatus.CREATING, AgentStatus.DESTROYED);
    }

    @Test
    void hasNoHistoryForAnUnknownClient() {
        assertThat(repository().history(new ClientId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void handsOverCreatingProvisioningAndDueRetriesLongestWaitingFirst() {
        Instant base = Instant.parse("1990-01-01T00:00:00Z").minus(Duration.ofDays(EPOCHS.incrementAndGet()));
        Instant now = base.plusSeconds(100);
        MspId msp = storedMsp();
        Client provisioning = addAt(msp, AgentStatus.PROVISIONING, base.plusSeconds(2), RetrySchedule.NONE);
        Client creating = addAt(msp, AgentStatus.CREATING, base.plusSeconds(1), RetrySchedule.NONE);
        Client pendingDue = addAt(msp, AgentStatus.PENDING, base.plusSeconds(3),
                new RetrySchedule(1, Optional.of(now)));
        Client errorDue = addAt(msp, AgentStatus.ERROR, base.plusSeconds(4),
                new RetrySchedule(2, Optional.of(now.minusSeconds(1))));
        addAt(msp, AgentStatus.PENDING, base, new RetrySchedule(1, Optional.of(now.plusSeconds(1))));
        addAt(msp, AgentStatus.ERROR, base, new RetrySchedule(1, Optional.of(now.plusSeconds(60))));
        addAt(msp, AgentStatus.ACTIVE, base, RetrySchedule.NONE);
        addAt(msp, AgentStatus.DESTROYED, base, RetrySchedule.NONE);

        assertThat(repository().dueForReconciliation(now, 4))
                .as("due clients, those waiting longest first (clients of earlier tests wait less long)")
                .containsExactly(creating.id(), provisioning.id(), pendingDue.id(), errorDue.id());
        assertThat(repository().dueForReconciliation(now, 2)).containsExactly(creating.id(), provisioning.id());
    }

    @Test
    void dueForReconciliationAgreesWithTheDomainRuleForEveryStatusAndRetryTime() {
        Instant base = Instant.parse("1990-01-01T00:00:00Z").minus(Duration.ofDays(EPOCHS.incrementAndGet()));
        Instant now = base.plusSeconds(100);
        MspId msp = storedMsp();
        List<Client> stored = new ArrayList<>();
        List<Optional<Instant>> retryTimes = List.of(Optional.empty(), Optional.of(now.minusSeconds(1)),
                Optional.of(now), Optional.of(now.plusMillis(1)), Optional.of(now.plusSeconds(60)));
        for (AgentStatus status : AgentStatus.values()) {
            for (Optional<Instant> retryAt : retryTimes) {
                int failures = retryAt.isPresent() ? 2 : 0;
                stored.add(addAt(msp, status, base, new RetrySchedule(failures, retryAt)));
            }
        }
        Set<ClientId> ours = stored.stream().map(Client::id).collect(Collectors.toSet());

        Set<ClientId> handedOver = repository().dueForReconciliation(now, 10_000).stream()
                .filter(ours::contains).collect(Collectors.toSet());

        Set<ClientId> dueByTheRule = stored.stream().filter(client -> client.isDueForReconciliation(now))
                .map(Client::id).collect(Collectors.toSet());
        assertThat(handedOver)
                .as("the store's due query must hand over exactly the clients Client.isDueForReconciliation calls due")
                .isEqualTo(dueByTheRule)
                .isNotEmpty();
    }

    private Client addAt(MspId msp, AgentStatus status, Instant at, RetrySchedule retry) {
        return repository().add(aClient().inMsp(msp).inStatus(status).createdAt(at).build().withRetry(retry));
    }

    @Test
    void listsLiveClientsOfEveryMspByIdPageByPage() {
        List<ClientId> live = new ArrayList<>();
        for (String prefix : List.of("ffffffff", "00000000", "80000000", "7fffffff")) {
            ClientId id = new ClientId(UUID.fromString(prefix + UUID.randomUUID().toString().substring(8)));
            live.add(repository().add(aClient().inMsp(storedMsp()).withId(id).build()).id());
        }
        ClientId destroyed = repository().add(aClient().inMsp(storedMsp()).inStatus(AgentStatus.DESTROYED).build())
                .id();

        List<ClientId> seen = new ArrayList<>();
        Optional<ClientId> after = Optional.empty();
        List<Client> page;
        do {
            page = repository().listLive(after, 3);
            assertThat(page).hasSizeLessThanOrEqualTo(3).noneMatch(Client::isDestroyed);
            page.forEach(c -> seen.add(c.id()));
            after = page.isEmpty() ? after : Optional.of(page.getLast().id());
        } while (!page.isEmpty());

        assertThat(seen).as("ids ascending as unsigned 128-bit numbers, like PostgreSQL's uuid order")
                .isSortedAccordingTo(Comparator.comparing(ClientId::toString));
        assertThat(seen).contains(live.toArray(ClientId[]::new)).doesNotContain(destroyed);
    }

    @Test
    void claimsAClientOnlyOnceUntilTheClaimingUnitOfWorkEnds() throws Exception {
        Client client = repository().add(aClient().inMsp(storedMsp()).build());
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<Client>> first = threads.submit(() -> unitOfWork().inTransaction(() -> {
                Optional<Client> got = repository().claim(client.id());
                claimed.countDown();
                await(release);
                return got;
            }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

            Optional<Client> whileHeld = threads.submit(() -> unitOfWork().inTransaction(
                    () -> repository().claim(client.id()))).get(30, TimeUnit.SECONDS);
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).contains(client);
            Optional<Client> afterwards = threads.submit(() -> unitOfWork().inTransaction(
                    () -> repository().claim(client.id()))).get(30, TimeUnit.SECONDS);

            assertThat(whileHeld).as("a second claimer received client " + client.id()
                    + " while the first held it: the claim must lock it until the unit of work ends").isEmpty();
            assertThat(afterwards).as("the claim must be released when the unit of work ends").contains(client);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void claimsNothingForAnUnknownClient() {
        assertThat(unitOfWork().inTransaction(() -> repository().claim(new ClientId(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void rollsBackEverythingAUnitOfWorkWroteWhenItFails() {
        MspId msp = storedMsp();
        Client existing = repository().add(aClient().inMsp(msp).build());
        Client fresh = aClient().inMsp(msp).build();

        assertThatThrownBy(() -> unitOfWork().run(() -> {
            repository().add(fresh);
            unitOfWork().run(() -> repository().update(
                    existing.movedTo(AgentStatus.PROVISIONING, "nested", T0.plusSeconds(1))));
            throw new IllegalStateException("the use case failed");
        })).hasMessage("the use case failed");

        assertThat(repository().find(fresh.id())).isEmpty();
        assertThat(repository().find(msp, fresh.slug())).isEmpty();
        assertThat(repository().find(existing.id())).contains(existing);
        assertThat(repository().history(existing.id())).isEqualTo(existing.recentHistory());
    }

    @Test
    void commitsEverythingAUnitOfWorkWroteWhenItSucceeds() {
        MspId msp = storedMsp();
        Client first = aClient().inMsp(msp).build();
        Client second = aClient().inMsp(msp).build();

        unitOfWork().run(() -> {
            repository().add(first);
            repository().add(second);
        });

        assertThat(repository().list(ClientQuery.all(msp))).extracting(Client::id)
                .containsExactlyInAnyOrder(first.id(), second.id());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the claim within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
