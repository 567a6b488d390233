package dev.steward.application.operator;

import dev.steward.domain.operator.Operator;
import java.util.Optional;

/** Operator credentials: created by the CLI ({@code add-operator}), checked on every operator API call. */
public interface OperatorCredentialsUseCase {

    /**
     * A new operator and its credential ({@code sto_…}), stored hashed; the secret is only in the answer.
     *
     * @throws dev.steward.application.problem.InvalidCommand ({@code name}) if the name is blank, too long or holds
     *     invisible characters
     */
    IssuedOperatorCredential add(String name);

    /** The active operator holding this credential; empty for an unknown or revoked one. */
    Optional<Operator> authenticate(String credential);
}
