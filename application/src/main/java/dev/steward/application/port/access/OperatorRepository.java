package dev.steward.application.port.access;

import dev.steward.application.stability.Stable;
import dev.steward.domain.operator.Operator;
import java.util.List;
import java.util.Optional;

/**
 * The installation's operators, each stored with the SHA-256 of their credential's secret (256 random bits, so a
 * plain hash suffices and each request is one indexed lookup). ({@code OperatorRepositoryContract}.)
 */
@Stable
public interface OperatorRepository {

    /** @throws dev.steward.application.problem.Conflict if the id or the secret hash exists already */
    void add(Operator operator, String secretHash);

    /** The operator with this secret hash, unless revoked. */
    Optional<Operator> findActive(String secretHash);

    /** Every operator, oldest first, revoked ones included. */
    List<Operator> list();
}
