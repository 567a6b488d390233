package dev.steward.domain.msp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import org.junit.jupiter.api.Test;

class MspNameTest {

    @Test
    void acceptsOneToOneHundredTrimmedCharacters() {
        assertThat(new MspName("N").value()).isEqualTo("N");
        assertThat(new MspName("n".repeat(100)).value()).hasSize(100);
    }

    @Test
    void refusesBlankUntrimmedAndTooLongNamesNamingTheField() {
        assertThatThrownBy(() -> new MspName(" ")).isInstanceOf(InvalidValue.class).hasMessage("mspName is required");
        assertThatThrownBy(() -> new MspName(null)).isInstanceOf(InvalidValue.class).hasMessage("mspName is required");
        assertThatThrownBy(() -> new MspName(" Northwind")).isInstanceOf(InvalidValue.class)
                .hasMessage("mspName must not start or end with blanks");
        assertThatThrownBy(() -> new MspName("n".repeat(101))).isInstanceOf(InvalidValue.class)
                .hasMessage("mspName must be at most 100 characters");
    }
}
