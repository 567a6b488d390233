package dev.steward.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import org.junit.jupiter.api.Test;

class PromptTextTest {

    @Test
    void mayBeEmptyOrUpToTwentyThousandCharacters() {
        assertThat(PromptText.EMPTY.value()).isEmpty();
        assertThat(PromptText.of("p".repeat(PromptText.MAX_LENGTH)).value()).hasSize(20_000);
    }

    @Test
    void refusesLongerTextSayingHowLongItWas() {
        assertThatThrownBy(() -> PromptText.of("p".repeat(20_001)))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("prompt must be at most 20000 characters (got 20001)");
    }

    @Test
    void refusesNulAndMissingText() {
        assertThatThrownBy(() -> PromptText.of("a\0b")).isInstanceOf(InvalidValue.class)
                .hasMessage("prompt must not contain NUL characters");
        assertThatThrownBy(() -> PromptText.of(null)).isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("prompt"));
    }

    @Test
    void keepsTextAsWritten() {
        assertThat(PromptText.of("  indented\n").value()).isEqualTo("  indented\n");
        assertThat(PromptText.of(" \n").isBlank()).isTrue();
    }
}
