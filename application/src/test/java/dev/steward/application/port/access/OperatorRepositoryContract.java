package dev.steward.application.port.access;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.access.OperatorRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.operator.Operator;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@link OperatorRepository} must pass this: one test per rule of the port's Javadoc. */
public abstract class OperatorRepositoryContract {

    protected abstract OperatorRepository operators();

    private static Operator anOperator(Instant at) {
        return new Operator(UUID.randomUUID(), "ops " + UUID.randomUUID(), at, Optional.empty());
    }

    private static String aHash() {
        return SecretTokens.hash(SecretTokens.newToken("sto_"));
    }

    @Test
    void findsAnActiveOperatorByTheHashOfItsSecretOnly() {
        Operator operator = anOperator(T0);
        String hash = aHash();

        operators().add(operator, hash);

        assertThat(operators().findActive(hash)).contains(operator);
        assertThat(operators().findActive(aHash())).isEmpty();
    }

    @Test
    void aRevokedOperatorIsNotFound() {
        Operator revoked = new Operator(UUID.randomUUID(), "former", T0, Optional.of(T0.plusSeconds(1)));
        String hash = aHash();

        operators().add(revoked, hash);

        assertThat(operators().findActive(hash)).isEmpty();
        assertThat(operators().list()).contains(revoked);
    }

    @Test
    void refusesADuplicateIdOrSecret() {
        Operator operator = anOperator(T0);
        String hash = aHash();
        operators().add(operator, hash);

        assertThatThrownBy(() -> operators().add(operator, aHash())).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> operators().add(anOperator(T0), hash)).isInstanceOf(Conflict.class);
    }

    @Test
    void listsOperatorsOldestFirst() {
        Operator later = anOperator(T0.plusSeconds(20));
        Operator earlier = anOperator(T0.plusSeconds(10));
        operators().add(later, aHash());
        operators().add(earlier, aHash());

        assertThat(operators().list()).containsSubsequence(earlier, later);
    }
}
