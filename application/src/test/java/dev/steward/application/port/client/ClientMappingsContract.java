package dev.steward.application.port.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.client.ClientMappings;
import dev.steward.application.problem.Conflict;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.msp.MspId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Every {@link ClientMappings} must pass this: one test per rule of the port's Javadoc. */
public abstract class ClientMappingsContract extends StoreContractSupport {

    protected abstract ClientMappings mappings();

    private static ClientMapping mapping(MspId msp, ClientId client, String kind, String id) {
        return new ClientMapping(msp, client, kind, id, "Entry " + id);
    }

    @Test
    void findsASavedMappingByClientAndByExternalId() {
        MspId msp = storedMsp();
        ClientId client = storedClient(msp).id();
        ClientMapping tenant = mapping(msp, client, "m365", "tenant-a");

        assertThat(mappings().save(tenant)).isEqualTo(tenant);

        assertThat(mappings().find(msp, client, "m365")).contains(tenant);
        assertThat(mappings().findByExternalId(msp, "m365", "tenant-a")).contains(tenant);
        assertThat(mappings().find(msp, client, "hudu")).isEmpty();
        assertThat(mappings().findByExternalId(msp, "hudu", "tenant-a")).isEmpty();
    }

    @Test
    void aSecondMappingOfAKindReplacesTheClientsFirst() {
        MspId msp = storedMsp();
        ClientId client = storedClient(msp).id();
        mappings().save(mapping(msp, client, "m365", "tenant-a"));
        ClientMapping moved = mapping(msp, client, "m365", "tenant-b");

        mappings().save(moved);

        assertThat(mappings().find(msp, client, "m365")).contains(moved);
        assertThat(mappings().findByExternalId(msp, "m365", "tenant-a")).as("the old entry is free again").isEmpty();
    }

    @Test
    void keepsOneMappingPerKindForAClient() {
        MspId msp = storedMsp();
        ClientId client = storedClient(msp).id();
        ClientMapping hudu = mapping(msp, client, "hudu", "12");
        ClientMapping m365 = mapping(msp, client, "m365", "tenant-a");
        mappings().save(m365);
        mappings().save(hudu);

        assertThat(mappings().ofClient(msp, client)).containsExactly(hudu, m365);
    }

    @Test
    void refusesAnEntryAnotherClientOfTheMspIsMappedTo() {
        MspId msp = storedMsp();
        ClientId first = storedClient(msp).id();
        ClientId second = storedClient(msp).id();
        mappings().save(mapping(msp, first, "m365", "tenant-a"));
        mappings().save(mapping(msp, second, "m365", "tenant-b"));

        assertThatThrownBy(() -> mappings().save(mapping(msp, second, "m365", "tenant-a")))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("mapping.taken"));

        assertThat(mappings().find(msp, second, "m365")).get().extracting(ClientMapping::externalId)
                .as("nothing changed").isEqualTo("tenant-b");
        assertThat(mappings().findByExternalId(msp, "m365", "tenant-a").map(ClientMapping::client)).contains(first);
    }

    @Test
    void letsTwoConcurrentSavesOfOneEntryLeaveOneClientMapped() throws Exception {
        MspId msp = storedMsp();
        ClientId first = storedClient(msp).id();
        ClientId second = storedClient(msp).id();
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> saveAfter(start,
                mapping(msp, first, "hudu", "77")));
        CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> saveAfter(start,
                mapping(msp, second, "hudu", "77")));
        start.countDown();

        assertThat(a.get() ^ b.get()).as("exactly one of the two saves wins").isTrue();
        assertThat(mappings().findByExternalId(msp, "hudu", "77")).isPresent();
    }

    private boolean saveAfter(CountDownLatch start, ClientMapping mapping) {
        try {
            start.await();
            unitOfWork().inTransaction(() -> mappings().save(mapping));
            return true;
        } catch (Conflict taken) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void letsAnotherMspUseTheSameEntryAndNeverShowsItsMappings() {
        MspId one = storedMsp();
        MspId other = storedMsp();
        ClientId ours = storedClient(one).id();
        ClientId theirs = storedClient(other).id();
        mappings().save(mapping(one, ours, "m365", "shared-tenant"));
        mappings().save(mapping(other, theirs, "m365", "shared-tenant"));

        assertThat(mappings().findByExternalId(one, "m365", "shared-tenant").map(ClientMapping::client))
                .contains(ours);
        assertThat(mappings().find(other, ours, "m365")).isEmpty();
        assertThat(mappings().ofClient(other, ours)).isEmpty();
        mappings().remove(other, ours, "m365");
        assertThat(mappings().find(one, ours, "m365")).as("another MSP cannot remove it").isPresent();
    }

    @Test
    void removesAMappingAndSucceedsWhenThereIsNone() {
        MspId msp = storedMsp();
        ClientId client = storedClient(msp).id();
        mappings().save(mapping(msp, client, "hudu", "5"));

        mappings().remove(msp, client, "hudu");
        mappings().remove(msp, client, "hudu");

        assertThat(mappings().find(msp, client, "hudu")).isEmpty();
        assertThat(mappings().findByExternalId(msp, "hudu", "5")).isEmpty();
    }
}
