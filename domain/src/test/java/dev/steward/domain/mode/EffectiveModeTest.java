package dev.steward.domain.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import org.junit.jupiter.api.Test;

class EffectiveModeTest {

    @Test
    void parsesPlanAndExecute() {
        assertThat(EffectiveMode.parse("defaultMode", "plan")).isEqualTo(EffectiveMode.PLAN);
        assertThat(EffectiveMode.parse("defaultMode", "execute")).isEqualTo(EffectiveMode.EXECUTE);
    }

    @Test
    void refusesInheritBecauseNothingIsAboveTheMsp() {
        assertThatThrownBy(() -> EffectiveMode.parse("defaultMode", "inherit"))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("defaultMode cannot be inherit: the MSP default must be plan or execute")
                .satisfies(e -> assertThat(((InvalidValue) e).code()).isEqualTo("defaultMode.inherit-not-allowed"));
    }

    @Test
    void refusesUnknownAndMissingModes() {
        assertThatThrownBy(() -> EffectiveMode.parse("defaultMode", "auto")).isInstanceOf(InvalidValue.class)
                .hasMessage("defaultMode must be plan or execute (got 'auto')");
        assertThatThrownBy(() -> EffectiveMode.parse("defaultMode", null)).isInstanceOf(InvalidValue.class)
                .hasMessage("defaultMode is required");
    }

    @Test
    void mapsBackToTheSameOperatingMode() {
        assertThat(EffectiveMode.PLAN.asOperatingMode()).isEqualTo(OperatingMode.PLAN);
        assertThat(EffectiveMode.EXECUTE.asOperatingMode()).isEqualTo(OperatingMode.EXECUTE);
        for (EffectiveMode mode : EffectiveMode.values()) {
            assertThat(mode.asOperatingMode().effective(EffectiveMode.PLAN)).isEqualTo(mode);
            assertThat(mode.label()).isEqualTo(mode.asOperatingMode().label());
        }
    }
}
