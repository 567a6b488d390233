package dev.steward.application.port.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.runtime.AgentCredentials;
import dev.steward.domain.client.ClientId;
import org.junit.jupiter.api.Test;

/** Every {@link AgentCredentials} must pass this: one test per rule of the port's Javadoc. */
public abstract class AgentCredentialsContract {

    protected abstract AgentCredentials credentials();

    /** A client the store may reference (stores with foreign keys need it stored first). */
    protected abstract ClientId aStoredClient();

    private ClientId aClientId() {
        return aStoredClient();
    }

    /** What an agent does at first contact: trade the bootstrap token it was started with for its session token. */
    private String sessionOf(ClientId client) {
        return credentials().exchange(credentials().issue(client)).orElseThrow();
    }

    @Test
    void anIssuedBootstrapTokenIsExchangedOnceForASessionTokenThatVerifiesAsItsClient() {
        ClientId client = aClientId();
        String bootstrap = credentials().issue(client);

        assertThat(bootstrap).startsWith(AgentCredentials.BOOTSTRAP_PREFIX).hasSizeGreaterThanOrEqualTo(32);
        assertThat(credentials().verify(bootstrap)).as("a bootstrap token is no session credential").isEmpty();
        String session = credentials().exchange(bootstrap).orElseThrow();

        assertThat(session).startsWith("stw_").isNotEqualTo(bootstrap);
        assertThat(credentials().verify(session)).contains(client);
        assertThat(credentials().exchange(bootstrap)).as("the bootstrap token is spent").isEmpty();
        assertThat(credentials().verify(session)).as("a second exchange leaves the session alone").contains(client);
    }

    @Test
    void everyIssueGivesADifferentToken() {
        ClientId client = aClientId();
        assertThat(credentials().issue(client)).isNotEqualTo(credentials().issue(client));
        assertThat(sessionOf(client)).isNotEqualTo(sessionOf(client));
    }

    @Test
    void issuingAgainReplacesTheEarlierBootstrapAndSessionTokens() {
        ClientId client = aClientId();
        String session = sessionOf(client);
        String firstBootstrap = credentials().issue(client);
        String secondBootstrap = credentials().issue(client);

        assertThat(credentials().verify(session)).isEmpty();
        assertThat(credentials().exchange(firstBootstrap)).isEmpty();
        assertThat(credentials().exchange(secondBootstrap)).isPresent();
    }

    @Test
    void revokingStopsTheTokensAtOnceAndIsIdempotent() {
        ClientId client = aClientId();
        String session = sessionOf(client);
        ClientId waiting = aClientId();
        String bootstrap = credentials().issue(waiting);

        credentials().revoke(client);
        credentials().revoke(client);
        credentials().revoke(waiting);

        assertThat(credentials().verify(session)).isEmpty();
        assertThat(credentials().exchange(bootstrap)).isEmpty();
    }

    @Test
    void revokingOneClientLeavesOthersWorking() {
        ClientId kept = aClientId();
        ClientId revoked = aClientId();
        String keptSession = sessionOf(kept);
        sessionOf(revoked);

        credentials().revoke(revoked);

        assertThat(credentials().verify(keptSession)).contains(kept);
    }

    @Test
    void unknownEmptyOrAbsurdTokensVerifyAsNobodyAndExchangeForNothing() {
        for (String token : java.util.Arrays.asList("stw_not-a-token", "stb_not-a-token", "", null,
                "x".repeat(10_000))) {
            assertThat(credentials().verify(token)).isEmpty();
            assertThat(credentials().exchange(token)).isEmpty();
        }
    }
}
