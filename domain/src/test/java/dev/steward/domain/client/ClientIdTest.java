package dev.steward.domain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientIdTest {

    @Test
    void roundTripsThroughItsText() {
        ClientId id = new ClientId(UUID.randomUUID());

        assertThat(ClientId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void refusesMalformedOrMissingIdsNamingTheField() {
        assertThatThrownBy(() -> ClientId.parse("not-a-uuid"))
                .isInstanceOf(InvalidValue.class).hasMessage("clientId must be a UUID");
        assertThatThrownBy(() -> ClientId.parse(null)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> ClientId.of(null)).isInstanceOf(InvalidValue.class).hasMessage("clientId is required");
    }
}
