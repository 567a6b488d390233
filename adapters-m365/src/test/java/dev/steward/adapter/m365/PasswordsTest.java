package dev.steward.adapter.m365;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void everyPasswordHasEachCharacterClassAndNoLookAlikes() {
        Passwords passwords = new Passwords(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String password = passwords.generate();
            assertThat(password).hasSize(Passwords.LENGTH).containsPattern("[A-Z]").containsPattern("[a-z]")
                    .containsPattern("[0-9]").containsPattern("[^A-Za-z0-9]").doesNotContainPattern("[0O1lI]");
            seen.add(password);
        }
        assertThat(seen).hasSize(2000);
    }
}
