package dev.steward.application.operator;

import dev.steward.application.msp.RegisterMspCommand;
import dev.steward.application.msp.RegisterMspUseCase;
import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.application.signin.RecentCallers;
import dev.steward.application.user.AddUserCommand;
import dev.steward.application.user.ManageUsersUseCase;
import dev.steward.application.user.NewCredential;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

public final class OperatorMspsService implements OperatorMspsUseCase {

    private final MspRepository msps;
    private final UserRepository users;
    private final RegisterMspUseCase register;
    private final ManageUsersUseCase manageUsers;
    private final Clock clock;
    private final UnitOfWork unitOfWork;
    private final RecentCallers recent;

    @Inject
    public OperatorMspsService(MspRepository msps, UserRepository users, RegisterMspUseCase register,
                               ManageUsersUseCase manageUsers, Clock clock, UnitOfWork unitOfWork,
                               RecentCallers recent) {
        this.msps = msps;
        this.users = users;
        this.register = register;
        this.manageUsers = manageUsers;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
        this.recent = recent;
    }

    @Override
    public List<Msp> list() {
        return msps.list();
    }

    @Override
    public Msp create(String name) {
        return register.register(new RegisterMspCommand(name));
    }

    @Override
    public Msp suspend(MspId msp) {
        Msp suspended = changed(msp, m -> m.suspended(clock.instant()));
        // this instance's remembered callers of the MSP go at once; other instances within RecentCallers.TTL
        recent.forgetAll(msp);
        return suspended;
    }

    @Override
    public Msp resume(MspId msp) {
        return changed(msp, Msp::resumed);
    }

    @Override
    public NewCredential addFirstAdmin(MspId msp, String email, String delivery) {
        return unitOfWork.inTransaction(() -> {
            require(msp);
            if (!users.list(msp).isEmpty()) {
                throw Conflict.of("msp.has-users", "this MSP has users already; its admins add the others");
            }
            return manageUsers.add(new AddUserCommand(msp, email, UserRole.MSP_ADMIN.label(), delivery));
        });
    }

    private Msp changed(MspId id, UnaryOperator<Msp> change) {
        return unitOfWork.inTransaction(() -> {
            Msp stored = require(id);
            Msp next = change.apply(stored);
            return next.equals(stored) ? stored : msps.update(next);
        });
    }

    private Msp require(MspId id) {
        return msps.find(id).orElseThrow(() -> new NotFound("msp", id.toString()));
    }
}
