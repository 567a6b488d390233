package dev.steward.application.port.access;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.access.ApiTokenRepository;
import dev.steward.application.port.access.UserRepository;
import dev.steward.application.security.SecretTokens;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.ApiToken;
import dev.steward.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@link ApiTokenRepository} must pass this: one test per rule of the port's Javadoc. */
public abstract class ApiTokenRepositoryContract extends StoreContractSupport {

    protected abstract ApiTokenRepository tokens();

    /** Where the tokens' issuers are stored (stores with foreign keys need them first). */
    protected abstract UserRepository users();

    private UserId storedUser(MspId msp) {
        return users().add(UserRepositoryContract.aUser(msp, "t-" + UUID.randomUUID() + "@msp.example")).id();
    }

    private ApiToken token(MspId msp, String name, Instant at) {
        return new ApiToken(UUID.randomUUID(), msp, name, "abcd", at, storedUser(msp), UserRole.MSP_TECHNICIAN,
                Optional.empty());
    }

    @Test
    void findsAnActiveTokenByItsSecretHash() {
        MspId msp = storedMsp();
        ApiToken token = token(msp, "ci", T0);
        String hash = SecretTokens.hash(SecretTokens.newToken("stk_"));

        tokens().add(token, hash);

        assertThat(tokens().findActive(hash)).contains(token);
        assertThat(tokens().findActive(SecretTokens.hash("unknown"))).isEmpty();
    }

    @Test
    void keepsTheRoleATokenWasIssuedWith() {
        MspId msp = storedMsp();
        ApiToken viewer = new ApiToken(UUID.randomUUID(), msp, "dashboard", "wxyz", T0, storedUser(msp),
                UserRole.MSP_VIEWER, Optional.empty());
        String hash = SecretTokens.hash(SecretTokens.newToken("stk_"));

        tokens().add(viewer, hash);

        assertThat(tokens().findActive(hash)).hasValueSatisfying(t -> assertThat(t.role())
                .isEqualTo(UserRole.MSP_VIEWER));
        assertThat(tokens().list(msp)).containsExactly(viewer);
    }

    @Test
    void aRevokedTokenIsNoLongerFoundAndKeepsItsFirstRevocationTime() {
        MspId msp = storedMsp();
        ApiToken token = token(msp, "ci", T0);
        String hash = SecretTokens.hash(SecretTokens.newToken("stk_"));
        tokens().add(token, hash);

        Optional<ApiToken> first = tokens().revoke(msp, token.id(), T0.plusSeconds(10));
        Optional<ApiToken> again = tokens().revoke(msp, token.id(), T0.plusSeconds(20));

        assertThat(first).contains(token.revoked(T0.plusSeconds(10)));
        assertThat(again).isEqualTo(first);
        assertThat(tokens().findActive(hash)).isEmpty();
    }

    @Test
    void anotherMspCannotRevokeOrListTheToken() {
        MspId msp = storedMsp();
        MspId other = storedMsp();
        ApiToken token = token(msp, "ci", T0);
        String hash = SecretTokens.hash(SecretTokens.newToken("stk_"));
        tokens().add(token, hash);

        assertThat(tokens().revoke(other, token.id(), T0)).isEmpty();
        assertThat(tokens().list(other)).isEmpty();
        assertThat(tokens().findActive(hash)).contains(token);
    }

    @Test
    void listsTheMspsTokensNewestFirstRevokedIncluded() {
        MspId msp = storedMsp();
        ApiToken older = token(msp, "older", T0);
        ApiToken newer = token(msp, "newer", T0.plusSeconds(60));
        tokens().add(older, SecretTokens.hash(SecretTokens.newToken("stk_")));
        tokens().add(newer, SecretTokens.hash(SecretTokens.newToken("stk_")));
        tokens().revoke(msp, older.id(), T0.plusSeconds(120));

        assertThat(tokens().list(msp)).containsExactly(newer, older.revoked(T0.plusSeconds(120)));
    }

    @Test
    void revokingAnUnknownTokenFindsNothing() {
        assertThat(tokens().revoke(storedMsp(), UUID.randomUUID(), T0)).isEmpty();
    }
}
