package dev.steward.application.operator;

import dev.steward.application.port.access.OperatorRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.Violations;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.operator.Operator;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

public final class OperatorCredentialsService implements OperatorCredentialsUseCase {

    /** Marks operator credentials so that secret scanners and people can tell them from MSP API tokens. */
    static final String PREFIX = "sto_";

    private final OperatorRepository operators;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public OperatorCredentialsService(OperatorRepository operators, Clock clock, UnitOfWork unitOfWork) {
        this.operators = operators;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public IssuedOperatorCredential add(String name) {
        Violations violations = new Violations();
        String checked = violations.attempt(() -> Operator.checkedName(name));
        violations.throwIfAny();
        Operator operator = new Operator(UUID.randomUUID(), checked, clock.instant(), Optional.empty());
        String secret = SecretTokens.newToken(PREFIX);
        unitOfWork.run(() -> operators.add(operator, SecretTokens.hash(secret)));
        return new IssuedOperatorCredential(operator, secret);
    }

    @Override
    public Optional<Operator> authenticate(String credential) {
        if (!SecretTokens.plausible(credential) || !credential.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return operators.findActive(SecretTokens.hash(credential));
    }
}
