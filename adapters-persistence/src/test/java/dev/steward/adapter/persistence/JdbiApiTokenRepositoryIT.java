package dev.steward.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.access.ApiTokenRepository;
import dev.steward.application.port.access.ApiTokenRepositoryContract;
import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.access.UserRepositoryContract;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.ApiToken;
import dev.steward.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JdbiApiTokenRepositoryIT extends ApiTokenRepositoryContract {

    private final JdbiStores stores = TestDatabase.stores();
    private final JdbiUserRepository users = new JdbiUserRepository(stores.unitOfWork());
    private final JdbiApiTokenRepository tokens = new JdbiApiTokenRepository(stores.unitOfWork());

    @Override
    protected MspRepository msps() {
        return stores.msps();
    }

    @Override
    protected ClientRepository clients() {
        return stores.clients();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork();
    }

    @Override
    protected ApiTokenRepository tokens() {
        return tokens;
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    /** The rule CallerCheckedUnitOfWork builds on: a write that found its token active is not overtaken. */
    @Test
    void aRevocationWaitsForAUnitOfWorkThatFoundTheTokenActive() throws Exception {
        MspId msp = storedMsp();
        UserId issuer = users.add(UserRepositoryContract.aUser(msp, "t-" + UUID.randomUUID() + "@msp.example")).id();
        ApiToken token = new ApiToken(UUID.randomUUID(), msp, "ci", "abcd", Instant.now(), issuer,
                dev.steward.domain.approval.UserRole.MSP_TECHNICIAN, Optional.empty());
        String hash = SecretTokens.hash(SecretTokens.newToken("stk_"));
        tokens.add(token, hash);
        CountDownLatch found = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> write = threads.submit(() -> stores.unitOfWork().run(() -> {
                assertThat(tokens.findActive(hash)).isPresent();
                found.countDown();
                await(finish);
            }));
            assertThat(found.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> revocation = threads.submit(() -> tokens.revoke(msp, token.id(), Instant.now()));
            Thread.sleep(300);
            assertThat(revocation.isDone()).as("the revocation waits for the write").isFalse();
            finish.countDown();
            write.get(30, TimeUnit.SECONDS);
            revocation.get(30, TimeUnit.SECONDS);
        }
        assertThat(tokens.findActive(hash)).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
