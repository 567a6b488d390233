package dev.steward.application.port.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.access.PasswordHasher;
import dev.steward.domain.user.Password;
import org.junit.jupiter.api.Test;

/** Every {@link PasswordHasher} must pass this: one test per rule of the port's Javadoc. */
public abstract class PasswordHasherContract {

    protected abstract PasswordHasher hasher();

    private static final Password PASSWORD = new Password("correct horse battery staple");

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String hash = hasher().hash(PASSWORD);

        assertThat(hasher().matches("correct horse battery staple", hash)).isTrue();
        assertThat(hasher().matches("correct horse battery stapl", hash)).isFalse();
        assertThat(hasher().matches("", hash)).isFalse();
    }

    @Test
    void theHashNeverContainsThePasswordAndIsSalted() {
        String first = hasher().hash(PASSWORD);
        String second = hasher().hash(PASSWORD);

        assertThat(first).doesNotContain(PASSWORD.value());
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher().matches(PASSWORD.value(), second)).isTrue();
    }

    @Test
    void nonAsciiPasswordsWork() {
        String hash = hasher().hash(new Password("pässwörd-ünïcode-密码-🔑"));

        assertThat(hasher().matches("pässwörd-ünïcode-密码-🔑", hash)).isTrue();
        assertThat(hasher().matches("passwörd-ünïcode-密码-🔑", hash)).isFalse();
    }

    @Test
    void aMalformedStoredHashMatchesNothing() {
        assertThat(hasher().matches(PASSWORD.value(), "not a hash")).isFalse();
        assertThat(hasher().matches(PASSWORD.value(), "")).isFalse();
        assertThat(hasher().matches(PASSWORD.value(), "$argon2id$v=19$m=x,t=1,p=1$$")).isFalse();
    }
}
