package dev.steward.adapter.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.access.PasswordHasher;
import dev.steward.application.port.access.PasswordHasherContract;
import dev.steward.domain.user.Password;
import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest extends PasswordHasherContract {

    private final Argon2idPasswordHasher hasher = Argon2idPasswordHasher.recommended();

    @Override
    protected PasswordHasher hasher() {
        return hasher;
    }

    @Test
    void writesThePhcFormatWithItsParameters() {
        assertThat(hasher.hash(new Password("correct horse battery staple")))
                .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    /** RFC 9106-compatible output: a hash made by the reference implementation ({@code argon2} CLI) verifies. */
    @Test
    void readsAHashOfTheReferenceImplementation() {
        // echo -n "password" | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        assertThat(hasher.matches("password", reference)).isTrue();
        assertThat(hasher.matches("Password", reference)).isFalse();
    }

    @Test
    void hashesMadeWithAnotherCostStillVerify() {
        String cheap = new Argon2idPasswordHasher(1024, 1, 1).hash(new Password("correct horse battery staple"));

        assertThat(hasher.matches("correct horse battery staple", cheap)).isTrue();
    }
}
