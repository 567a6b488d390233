package dev.steward.domain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import org.junit.jupiter.api.Test;

class PsaMappingTest {

    @Test
    void namesTheFieldThatIsMissing() {
        assertThatThrownBy(() -> new PsaMapping(" ", "42"))
                .isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("integrationKind"));
        assertThatThrownBy(() -> new PsaMapping("halopsa", null))
                .isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("companyId"));
    }

    @Test
    void refusesACompanyIdLongerThanTwoHundredCharacters() {
        assertThat(new PsaMapping("halopsa", "9".repeat(200)).companyId()).hasSize(200);
        assertThatThrownBy(() -> new PsaMapping("halopsa", "9".repeat(201)))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("companyId must be at most 200 characters");
    }

    @Test
    void refusesAKindThatIsNoPsaKind() {
        assertThatThrownBy(() -> new PsaMapping("Connect Wise", "42"))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code()).isEqualTo("integrationKind.malformed"));
        assertThatThrownBy(() -> new PsaMapping("mcp:docs", "42")).isInstanceOf(InvalidValue.class);
    }
}
