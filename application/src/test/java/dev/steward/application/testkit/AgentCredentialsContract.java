package dev.steward.application.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.AgentCredentials;
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

    @Test
    void anIssuedTokenVerifiesAsItsClient() {
        ClientId client = aClientId();
        String token = credentials().issue(client);

        assertThat(token).hasSizeGreaterThanOrEqualTo(32);
        assertThat(credentials().verify(token)).contains(client);
    }

    @Test
    void everyIssueGivesADifferentToken() {
        ClientId client = aClientId();
        assertThat(credentials().issue(client)).isNotEqualTo(credentials().issue(client));
    }

    @Test
    void issuingAgainReplacesTheEarlierToken() {
        ClientId client = aClientId();
        String first = credentials().issue(client);
        String second = credentials().issue(client);

        assertThat(credentials().verify(first)).isEmpty();
        assertThat(credentials().verify(second)).contains(client);
    }

    @Test
    void revokingStopsTheTokenAtOnceAndIsIdempotent() {
        ClientId client = aClientId();
        String token = credentials().issue(client);

        credentials().revoke(client);
        credentials().revoke(client);

        assertThat(credentials().verify(token)).isEmpty();
    }

    @Test
    void revokingOneClientLeavesOthersWorking() {
        ClientId kept = aClientId();
        ClientId revoked = aClientId();
        String keptToken = credentials().issue(kept);
        credentials().issue(revoked);

        credentials().revoke(revoked);

        assertThat(credentials().verify(keptToken)).contains(kept);
    }

    @Test
    void unknownEmptyOrAbsurdTokensVerifyAsNobody() {
        assertThat(credentials().verify("stw_not-a-token")).isEmpty();
        assertThat(credentials().verify("")).isEmpty();
        assertThat(credentials().verify(null)).isEmpty();
        assertThat(credentials().verify("x".repeat(10_000))).isEmpty();
    }
}
