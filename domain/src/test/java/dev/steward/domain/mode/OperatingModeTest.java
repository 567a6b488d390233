package dev.steward.domain.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OperatingModeTest {

    @ParameterizedTest
    @EnumSource(EffectiveMode.class)
    void inheritFollowsTheMspDefault(EffectiveMode mspDefault) {
        assertThat(OperatingMode.INHERIT.effective(mspDefault)).isEqualTo(mspDefault);
    }

    @ParameterizedTest
    @EnumSource(EffectiveMode.class)
    void planAndExecuteIgnoreTheMspDefault(EffectiveMode mspDefault) {
        assertThat(OperatingMode.PLAN.effective(mspDefault)).isEqualTo(EffectiveMode.PLAN);
        assertThat(OperatingMode.EXECUTE.effective(mspDefault)).isEqualTo(EffectiveMode.EXECUTE);
    }

    @Test
    void inheritCannotBeResolvedWithoutAnMspDefault() {
        assertThatThrownBy(() -> OperatingMode.INHERIT.effective(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void parsesTheApiLabels() {
        assertThat(OperatingMode.parse("mode", "plan")).isEqualTo(OperatingMode.PLAN);
        assertThat(OperatingMode.parse("mode", "execute")).isEqualTo(OperatingMode.EXECUTE);
        assertThat(OperatingMode.parse("mode", "inherit")).isEqualTo(OperatingMode.INHERIT);
        assertThat(OperatingMode.INHERIT.label()).isEqualTo("inherit");
    }

    @Test
    void refusesOtherSpellingsNamingTheFieldAndTheInput() {
        assertThatThrownBy(() -> OperatingMode.parse("mode", "Execute"))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("mode must be one of plan, execute, inherit (got 'Execute')")
                .satisfies(e -> assertThat(((InvalidValue) e).code()).isEqualTo("mode.unknown"));
    }

    @Test
    void refusesAMissingModeAsRequired() {
        assertThatThrownBy(() -> OperatingMode.parse("mode", null)).isInstanceOf(InvalidValue.class)
                .hasMessage("mode is required");
        assertThatThrownBy(() -> OperatingMode.parse("mode", "")).isInstanceOf(InvalidValue.class)
                .hasMessage("mode is required");
    }

    @Test
    void clipsALongInputInTheMessage() {
        assertThatThrownBy(() -> OperatingMode.parse("mode", "x".repeat(500)))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("(got '" + "x".repeat(40) + "…')");
    }
}
