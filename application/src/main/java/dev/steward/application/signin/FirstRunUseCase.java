package dev.steward.application.signin;

import dev.steward.domain.msp.Msp;
import dev.steward.domain.user.User;
import java.util.Optional;

/**
 * First run of an installation: while nobody can sign in yet, creates the first MSP (or uses the one that exists)
 * and its first admin. Does nothing once any user exists, so it is safe to run at every start.
 */
public interface FirstRunUseCase {

    /**
     * @param password the admin's password, or empty to generate one (returned once in the result)
     * @return what was created, or empty if the installation already has users
     */
    Optional<FirstAdmin> setUp(String mspName, String email, Optional<String> password);

    /** The first admin; {@code generatedPassword} is present only when it was generated here. */
    record FirstAdmin(Msp msp, User admin, Optional<String> generatedPassword) {

        @Override
        public String toString() {
            return "FirstAdmin[" + admin + "]";
        }
    }
}
