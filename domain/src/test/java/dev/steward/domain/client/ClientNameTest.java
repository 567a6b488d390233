package dev.steward.domain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientNameTest {

    @Test
    void trimsAtTheEdgeOnlyWhenAskedTo() {
        assertThat(ClientName.trimmed("  Acme Corp \t").value()).isEqualTo("Acme Corp");
        assertThatThrownBy(() -> new ClientName(" Acme Corp"))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("name must not start or end with blanks");
    }

    @Test
    void keepsInnerSpacingAndUnicodeAsTyped() {
        assertThat(new ClientName("Müller  &  Söhne GmbH").value()).isEqualTo("Müller  &  Söhne GmbH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t\n"})
    void refusesABlankNameAsRequired(String raw) {
        assertThatThrownBy(() -> ClientName.trimmed(raw))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("name is required")
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("name"));
    }

    @Test
    void refusesAMissingName() {
        assertThatThrownBy(() -> ClientName.trimmed(null)).isInstanceOf(InvalidValue.class).hasMessage("name is required");
        assertThatThrownBy(() -> new ClientName(null)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void acceptsOneToOneHundredCharacters() {
        assertThat(new ClientName("A").value()).hasSize(1);
        assertThat(new ClientName("x".repeat(100)).value()).hasSize(100);
    }

    @Test
    void refusesOneHundredAndOneCharacters() {
        assertThatThrownBy(() -> new ClientName("x".repeat(101)))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("name must be at most 100 characters")
                .satisfies(e -> assertThat(((InvalidValue) e).code()).isEqualTo("name.too-long"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String hundredEmoji = "😀".repeat(100);
        assertThat(new ClientName(hundredEmoji).value()).isEqualTo(hundredEmoji);
        assertThatThrownBy(() -> new ClientName("😀".repeat(101))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void countsLengthAfterTrimming() {
        assertThat(ClientName.trimmed("  " + "x".repeat(100) + "  ").value()).hasSize(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme\tCorp", "Acme\nCorp", "Acme\u0000", "Acme\u007FCorp", "Acme\u0085Corp", "\u001BAcme"})
    void refusesControlCharacters(String raw) {
        assertThatThrownBy(() -> ClientName.trimmed(raw))
                .isInstanceOf(InvalidValue.class)
                .hasMessageStartingWith("name must not contain control or invisible formatting characters")
                .satisfies(e -> assertThat(((InvalidValue) e).code()).isEqualTo("name.invisible-character"));
    }
}
