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
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("psaMapping.integrationKind"));
        assertThatThrownBy(() -> new PsaMapping("halopsa", null))
                .isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("psaMapping.companyId"));
    }

    @Test
    void refusesACompanyIdLongerThanTwoHundredCharacters() {
        assertThat(new PsaMapping("halopsa", "9".repeat(200)).companyId()).hasSize(200);
        assertThatThrownBy(() -> new PsaMapping("halopsa", "9".repeat(201)))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("psaMapping.companyId must be at most 200 characters");
    }
}
