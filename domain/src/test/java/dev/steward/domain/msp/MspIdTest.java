package dev.steward.domain.msp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MspIdTest {

    @Test
    void roundTripsThroughItsText() {
        MspId id = MspId.of(UUID.randomUUID());

        assertThat(MspId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void refusesMalformedOrMissingIds() {
        assertThatThrownBy(() -> MspId.parse("42")).isInstanceOf(InvalidValue.class).hasMessage("mspId must be a UUID");
        assertThatThrownBy(() -> new MspId(null)).isInstanceOf(InvalidValue.class).hasMessage("mspId is required");
    }
}
