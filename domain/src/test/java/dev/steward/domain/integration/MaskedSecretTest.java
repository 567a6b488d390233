package dev.steward.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaskedSecretTest {

    @Test
    void showsTheLastFourCharactersOfALongSecretOnly() {
        MaskedSecret masked = MaskedSecret.of("sk-live-0123456789abcd");

        assertThat(masked.lastFour()).contains("abcd");
        assertThat(masked.text()).isEqualTo("set (…abcd)").doesNotContain("0123");
    }

    @Test
    void showsNoCharacterOfASecretShorterThanTwelve() {
        assertThat(MaskedSecret.of("elevenchars").lastFour()).isEmpty();
        assertThat(MaskedSecret.of("elevenchars").text()).isEqualTo("set");
        assertThat(MaskedSecret.of("twelve-chars").lastFour()).contains("hars");
        assertThat(new MaskedSecret(Optional.empty()).text()).isEqualTo("set");
    }
}
