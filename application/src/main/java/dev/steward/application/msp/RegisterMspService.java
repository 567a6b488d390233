package dev.steward.application.msp;

import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.Violations;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.msp.MspName;
import jakarta.inject.Inject;
import java.time.Clock;

public final class RegisterMspService implements RegisterMspUseCase {

    private final CommandValidator validator;
    private final MspRepository msps;
    private final IdGenerator ids;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    @Inject
    public RegisterMspService(CommandValidator validator, MspRepository msps, IdGenerator ids, Clock clock,
                              UnitOfWork unitOfWork) {
        this.validator = validator;
        this.msps = msps;
        this.ids = ids;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Msp register(RegisterMspCommand command) {
        Violations violations = validator.check(command);
        MspName name = violations.attempt("name",
                () -> new MspName(command.name() == null ? null : command.name().strip()));
        violations.throwIfAny();
        return unitOfWork.inTransaction(() -> msps.add(Msp.register(new MspId(ids.next()), name, clock.instant())));
    }
}
