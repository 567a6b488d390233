package dev.steward.domain.msp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.prompt.PromptText;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MspTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private static Msp registered() {
        return Msp.register(new MspId(UUID.randomUUID()), new MspName("Northwind IT"), T0);
    }

    @Test
    void startsInPlanModeWithAnEmptyPrompt() {
        Msp msp = registered();

        assertThat(msp.defaultMode()).isEqualTo(EffectiveMode.PLAN);
        assertThat(msp.prompt()).isEqualTo(PromptText.EMPTY);
        assertThat(msp.version()).isZero();
        assertThat(msp.createdAt()).isEqualTo(T0);
    }

    @Test
    void changesItsDefaultModeAndPromptWithoutTouchingTheRest() {
        Msp msp = registered();

        Msp changed = msp.withDefaultMode(EffectiveMode.EXECUTE).withPrompt(PromptText.of("Be brief."));

        assertThat(changed.defaultMode()).isEqualTo(EffectiveMode.EXECUTE);
        assertThat(changed.prompt().value()).isEqualTo("Be brief.");
        assertThat(changed.id()).isEqualTo(msp.id());
        assertThat(changed.version()).isEqualTo(msp.version());
        assertThat(msp.defaultMode()).isEqualTo(EffectiveMode.PLAN);
    }

    @Test
    void refusesANegativeVersion() {
        assertThatThrownBy(() -> registered().atVersion(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(registered().atVersion(3).version()).isEqualTo(3);
    }
}
