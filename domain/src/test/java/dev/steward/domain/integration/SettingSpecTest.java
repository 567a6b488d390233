package dev.steward.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import org.junit.jupiter.api.Test;

class SettingSpecTest {

    @Test
    void aSecretIsGivenUnderSecretsAndAPlainSettingUnderSettings() {
        assertThat(SettingSpec.secret("privateKey", "Private key").field()).isEqualTo("secrets.privateKey");
        assertThat(SettingSpec.required("apiBase", "API base").field()).isEqualTo("settings.apiBase");
        assertThat(SettingSpec.optional("boardId", "Board").required()).isFalse();
    }

    @Test
    void refusesAKeyThatIsNotLettersAndDigits() {
        for (String key : new String[] {"", "1abc", "api-base", "a.b", "x".repeat(65)}) {
            assertThatThrownBy(() -> SettingSpec.required(key, "x")).as(key).isInstanceOf(InvalidValue.class);
        }
    }

    @Test
    void aValueStewardWritesItselfIsOptionalAndMarkedSoAndPeoplesValuesAreNot() {
        assertThat(SettingSpec.writtenSecret("oauthAccessToken", "Access token")).satisfies(spec -> {
            assertThat(spec.written()).isTrue();
            assertThat(spec.secret()).isTrue();
            assertThat(spec.required()).isFalse();
            assertThat(spec.field()).isEqualTo("secrets.oauthAccessToken");
        });
        assertThat(SettingSpec.written("oauthGrant", "Grant").secret()).isFalse();
        assertThat(SettingSpec.optional("boardId", "Board").written()).isFalse();
        assertThatThrownBy(() -> new SettingSpec("token", "Token", true, true, true))
                .isInstanceOf(InvalidValue.class);
    }
}
