package dev.steward.application.msp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.InMemoryCore;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.domain.mode.EffectiveMode;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.prompt.PromptText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterMspServiceTest {

    private final InMemoryCore core = new InMemoryCore();

    @AfterEach
    void stopAgents() {
        core.close();
    }

    @Test
    void registersAnMspInPlanModeWithAnEmptyPrompt() {
        Msp msp = core.registerMsp.register(new RegisterMspCommand("  Northwind IT "));

        assertThat(msp.name().value()).isEqualTo("Northwind IT");
        assertThat(msp.defaultMode()).isEqualTo(EffectiveMode.PLAN);
        assertThat(msp.prompt()).isEqualTo(PromptText.EMPTY);
        assertThat(msp.version()).isEqualTo(1);
        assertThat(msp.createdAt()).isEqualTo(core.clock.instant());
        assertThat(core.msps.find(msp.id())).contains(msp);
    }

    @Test
    void givesEachMspItsOwnId() {
        assertThat(core.anMsp().id()).isNotEqualTo(core.anMsp().id());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void refusesAMissingNameOnceUnderTheCommandsFieldName(String name) {
        assertThatThrownBy(() -> core.registerMsp.register(new RegisterMspCommand(name)))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("name"));
        assertThat(core.msps.list()).isEmpty();
    }

    @Test
    void refusesAnOverlongName() {
        assertThatThrownBy(() -> core.registerMsp.register(new RegisterMspCommand("n".repeat(101))))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("name");
                            assertThat(v.code()).isEqualTo("name.too-long");
                            assertThat(v.message()).isEqualTo("must be at most 100 characters");
                        }));
    }
}
