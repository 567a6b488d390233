package dev.steward.domain.client;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.DeletionNotConfirmed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DeletionConfirmationTest {

    private static final ClientName NAME = new ClientName("Acme Corp");

    @Test
    void acceptsTheNameTypedExactly() {
        assertThatCode(() -> new DeletionConfirmation("Acme Corp").check(NAME)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "acme corp", "ACME CORP", "Acme  Corp", " Acme Corp", "Acme Corp ", "AcmeCorp",
        "Acme Corp.", "Acme Cor", "Acme\u00A0Corp"})
    void refusesANearMiss(String typed) {
        assertThatThrownBy(() -> new DeletionConfirmation(typed).check(NAME))
                .isInstanceOf(DeletionNotConfirmed.class)
                .hasMessageContaining("typed exactly")
                .hasMessageContaining("case and spaces count");
    }
}
