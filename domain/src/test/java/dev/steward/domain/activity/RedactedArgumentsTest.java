package dev.steward.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactedArgumentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "newPassword", "client_secret", "clientSecret", "token", "accessToken",
        "apiKey", "API_KEY", "api-key", "Authorization", "credential", "privateKey", "private_key", "otp", "passcode",
        "Cookie"})
    void masksTheValueOfASecretLookingKey(String key) {
        RedactedArguments arguments = RedactedArguments.of(Map.of(key, "hunter2", "user", "jane@acme.example"));

        assertThat(arguments.values()).containsEntry(key, RedactedArguments.MASK)
                .containsEntry("user", "jane@acme.example");
        assertThat(arguments.values().values()).doesNotContain("hunter2");
    }

    @Test
    void keepsOrdinaryArgumentsAsGiven() {
        assertThat(RedactedArguments.of(Map.of("user", "jane", "group", "Sales")).values())
                .isEqualTo(Map.of("user", "jane", "group", "Sales"));
        assertThat(RedactedArguments.NONE.values()).isEmpty();
    }

    @Test
    void cannotBeBuiltAroundAnUnredactedSecret() {
        assertThatThrownBy(() -> new RedactedArguments(Map.of("password", "hunter2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("argument password must be redacted")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void canBeRebuiltFromStoredRedactedValues() {
        RedactedArguments stored = new RedactedArguments(Map.of("password", RedactedArguments.MASK, "user", "jane"));

        assertThat(stored).isEqualTo(RedactedArguments.of(Map.of("password", "anything", "user", "jane")));
    }

    @Test
    void isImmutable() {
        RedactedArguments arguments = RedactedArguments.of(Map.of("user", "jane"));

        assertThatThrownBy(() -> arguments.values().put("password", "hunter2"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void recognisesSecretKeysRegardlessOfCase() {
        assertThat(RedactedArguments.isSecretKey("X-Api-Key")).isTrue();
        assertThat(RedactedArguments.isSecretKey("PASSWORD_HINT")).isTrue();
        assertThat(RedactedArguments.isSecretKey("userPrincipalName")).isFalse();
    }
}
