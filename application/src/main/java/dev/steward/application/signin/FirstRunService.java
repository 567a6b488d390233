package dev.steward.application.signin;

import dev.steward.application.msp.RegisterMspCommand;
import dev.steward.application.msp.RegisterMspUseCase;
import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.InstallationLock;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.user.User;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Runs in one unit of work under the {@link InstallationLock}: control planes starting at once on an empty store set
 * it up one after the other, so the second finds the first one's admin and does nothing (one MSP, one admin).
 */
public final class FirstRunService implements FirstRunUseCase {

    private final UserRepository users;
    private final MspRepository msps;
    private final RegisterMspUseCase registerMsp;
    private final CreateUserUseCase createUser;
    private final InstallationLock lock;
    private final UnitOfWork unitOfWork;

    @Inject
    public FirstRunService(UserRepository users, MspRepository msps, RegisterMspUseCase registerMsp,
                           CreateUserUseCase createUser, InstallationLock lock, UnitOfWork unitOfWork) {
        this.users = users;
        this.msps = msps;
        this.registerMsp = registerMsp;
        this.createUser = createUser;
        this.lock = lock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<FirstAdmin> setUp(String mspName, String email, Optional<String> password) {
        return unitOfWork.inTransaction(() -> {
            lock.holdUntilTheWorkEnds();
            return users.any() ? Optional.<FirstAdmin>empty() : Optional.of(create(mspName, email, password));
        });
    }

    private FirstAdmin create(String mspName, String email, Optional<String> password) {
        Msp msp = msps.list().stream().findFirst()
                .orElseGet(() -> registerMsp.register(new RegisterMspCommand(mspName)));
        // 43 random URL-safe characters: strong, and easy to copy from a terminal.
        Optional<String> generated = password.isPresent() ? Optional.empty() : Optional.of(SecretTokens.newToken(""));
        User admin = createUser.create(new CreateUserCommand(msp.id(), email,
                password.orElseGet(generated::get), UserRole.MSP_ADMIN.label()));
        return new FirstAdmin(msp, admin, generated);
    }
}
