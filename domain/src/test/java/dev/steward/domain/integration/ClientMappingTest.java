package dev.steward.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientMappingTest {

    private static final MspId MSP = new MspId(UUID.randomUUID());
    private static final ClientId CLIENT = new ClientId(UUID.randomUUID());

    @Test
    void mapsAClientToAnEntryOfAKind() {
        ClientMapping mapping = new ClientMapping(MSP, CLIENT, "m365", "7c1e-tenant", "Contoso Ltd");
        assertThat(mapping.externalId()).isEqualTo("7c1e-tenant");
        assertThat(new ClientMapping(MSP, CLIENT, "hudu", "12", null).label()).isEmpty();
    }

    @Test
    void namesTheFieldOfEveryBadValue() {
        assertThatThrownBy(() -> new ClientMapping(MSP, CLIENT, "M365", "x", "")).isInstanceOf(InvalidValue.class)
                .hasMessageStartingWith("kind ");
        assertThatThrownBy(() -> new ClientMapping(MSP, CLIENT, "m365", " ", "")).isInstanceOf(InvalidValue.class)
                .hasMessage("externalId is required");
        assertThatThrownBy(() -> new ClientMapping(MSP, CLIENT, "m365", "x".repeat(201), ""))
                .isInstanceOf(InvalidValue.class).hasMessage("externalId must be at most 200 characters");
        assertThatThrownBy(() -> new ClientMapping(MSP, CLIENT, "m365", "a\nb", ""))
                .isInstanceOf(InvalidValue.class).hasMessage("externalId must not contain control characters");
        assertThatThrownBy(() -> new ClientMapping(MSP, CLIENT, "m365", "a", "l".repeat(201)))
                .isInstanceOf(InvalidValue.class).hasMessage("label must be at most 200 characters");
    }
}
