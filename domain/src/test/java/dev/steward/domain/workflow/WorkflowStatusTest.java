package dev.steward.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class WorkflowStatusTest {

    /** The table written out (not computed from the enum): from, to, allowed. */
    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of("draft", "active", true),
                Arguments.of("draft", "archived", true),
                Arguments.of("active", "draft", true),
                Arguments.of("active", "archived", true),
                Arguments.of("archived", "active", true),
                Arguments.of("archived", "draft", false));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("transitions")
    void followsTheTransitionTable(String from, String to, boolean allowed) {
        assertThat(WorkflowStatus.ofLabel(from).canMoveTo(WorkflowStatus.ofLabel(to))).isEqualTo(allowed);
    }

    @Test
    void readsOnlyItsThreeLabels() {
        assertThat(WorkflowStatus.ofLabel("archived")).isEqualTo(WorkflowStatus.ARCHIVED);
        assertThatThrownBy(() -> WorkflowStatus.ofLabel("ACTIVE"))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code()).isEqualTo("status.unknown"))
                .hasMessage("status must be draft, active or archived");
    }
}
