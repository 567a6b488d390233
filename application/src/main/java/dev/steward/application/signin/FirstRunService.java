package dev.steward.application.signin;

import dev.steward.application.msp.RegisterMspCommand;
import dev.steward.application.msp.RegisterMspUseCase;
import dev.steward.application.port.MspRepository;
import dev.steward.application.port.UserRepository;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.user.User;
import jakarta.inject.Inject;
import java.util.Optional;

public final class FirstRunService implements FirstRunUseCase {

    private final UserRepository users;
    private final MspRepository msps;
    private final RegisterMspUseCase registerMsp;
    private final CreateUserUseCase createUser;

    @Inject
    public FirstRunService(UserRepository users, MspRepository msps, RegisterMspUseCase registerMsp,
                           CreateUserUseCase createUser) {
        this.users = users;
        this.msps = msps;
        this.registerMsp = registerMsp;
        this.createUser = createUser;
    }

    @Override
    public synchronized Optional<FirstAdmin> setUp(String mspName, String email, Optional<String> password) {
        if (users.any()) {
            return Optional.empty();
        }
        Msp msp = msps.list().stream().findFirst()
                .orElseGet(() -> registerMsp.register(new RegisterMspCommand(mspName)));
        // 43 random URL-safe characters: strong, and easy to copy from a terminal.
        Optional<String> generated = password.isPresent() ? Optional.empty() : Optional.of(SecretTokens.newToken(""));
        User admin = createUser.create(new CreateUserCommand(msp.id(), email,
                password.orElseGet(generated::get), UserRole.MSP_ADMIN.label()));
        return Optional.of(new FirstAdmin(msp, admin, generated));
    }
}
