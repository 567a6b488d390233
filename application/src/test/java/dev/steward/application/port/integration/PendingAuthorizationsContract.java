package dev.steward.application.port.integration;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.integration.PendingAuthorization;
import dev.steward.application.port.integration.PendingAuthorizations;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.integration.IntegrationId;
import dev.steward.domain.msp.MspId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every {@link PendingAuthorizations} must pass this: one test per rule of the port's Javadoc. */
public abstract class PendingAuthorizationsContract extends StoreContractSupport {

    protected abstract PendingAuthorizations pending();

    private PendingAuthorization aPending(MspId msp, Optional<String> client) {
        return new PendingAuthorization("state-" + UUID.randomUUID(), msp, client, "mcp:rmm",
                new IntegrationSettings(Map.of("url", "https://rmm.example/mcp", "auth", "oauth"),
                        Map.of("oauthCodeVerifier", "verifier-" + UUID.randomUUID(), "oauthClientSecret", "cs")),
                "https://steward.example/integrations/authorized", T0.plus(Duration.ofMinutes(10)), Optional.empty());
    }

    @Test
    void aSavedAuthorizationIsTakenWithEverythingItHeld() {
        PendingAuthorization saved = aPending(storedMsp(), Optional.of("acme"));
        pending().save(saved);

        assertThat(pending().take(saved.state(), T0)).hasValueSatisfying(taken -> {
            assertThat(taken.msp()).isEqualTo(saved.msp());
            assertThat(taken.client()).isEqualTo(saved.client());
            assertThat(taken.kind()).isEqualTo(saved.kind());
            assertThat(taken.values().settings()).isEqualTo(saved.values().settings());
            assertThat(taken.values().secrets()).isEqualTo(saved.values().secrets());
            assertThat(taken.redirectUri()).isEqualTo(saved.redirectUri());
            assertThat(taken.expiresAt()).isEqualTo(saved.expiresAt());
            assertThat(taken.integration()).isEmpty();
        });
    }

    @Test
    void anAuthorizationOfAConnectedIntegrationKeepsWhichOne() {
        MspId msp = storedMsp();
        PendingAuthorization base = aPending(msp, Optional.empty());
        IntegrationId integration = storedIntegration(msp);
        PendingAuthorization again = new PendingAuthorization(base.state(), msp, Optional.empty(), base.kind(),
                base.values(), base.redirectUri(), base.expiresAt(), Optional.of(integration));
        pending().save(again);

        assertThat(pending().take(again.state(), T0)).hasValueSatisfying(t -> assertThat(t.integration())
                .contains(integration));
    }

    /** An integration of the MSP as the store under test knows it (a pending authorization may name one). */
    protected abstract IntegrationId storedIntegration(MspId msp);

    @Test
    void anMspWideAuthorizationHasNoClient() {
        PendingAuthorization saved = aPending(storedMsp(), Optional.empty());
        pending().save(saved);

        assertThat(pending().take(saved.state(), T0)).hasValueSatisfying(t -> assertThat(t.client()).isEmpty());
    }

    @Test
    void anAuthorizationIsTakenOnlyOnce() {
        PendingAuthorization saved = aPending(storedMsp(), Optional.empty());
        pending().save(saved);
        pending().take(saved.state(), T0);

        assertThat(pending().take(saved.state(), T0)).isEmpty();
    }

    @Test
    void anExpiredAuthorizationIsNotTakenAndIsForgotten() {
        PendingAuthorization saved = aPending(storedMsp(), Optional.empty());
        pending().save(saved);

        assertThat(pending().take(saved.state(), saved.expiresAt().plusSeconds(1))).isEmpty();
        assertThat(pending().take(saved.state(), T0)).isEmpty();
    }

    @Test
    void anUnknownStateFindsNothing() {
        pending().save(aPending(storedMsp(), Optional.empty()));

        assertThat(pending().take("state-" + UUID.randomUUID(), T0)).isEmpty();
    }

    @Test
    void ofConcurrentTakersExactlyOneGetsIt() throws Exception {
        PendingAuthorization saved = aPending(storedMsp(), Optional.empty());
        pending().save(saved);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> takers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                takers.add(() -> pending().take(saved.state(), T0).isPresent());
            }
            int winners = 0;
            for (Future<Boolean> taken : pool.invokeAll(takers)) {
                winners += taken.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
