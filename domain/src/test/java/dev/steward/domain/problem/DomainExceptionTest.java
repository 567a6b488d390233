package dev.steward.domain.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.domain.agent.AgentStatus;
import org.junit.jupiter.api.Test;

class DomainExceptionTest {

    @Test
    void invalidValueNamesTheFieldAndTheRule() {
        InvalidValue e = InvalidValue.of("slug", "too-long", "must be at most 63 characters");

        assertThat(e.field()).isEqualTo("slug");
        assertThat(e.rule()).isEqualTo("must be at most 63 characters");
        assertThat(e.code()).isEqualTo("slug.too-long");
        assertThat(e.getMessage()).isEqualTo("slug must be at most 63 characters");
        assertThat(InvalidValue.of("name", "is odd").code()).isEqualTo("name.invalid");
    }

    @Test
    void everyCaseHasAStableCode() {
        assertThat(new IllegalTransition(AgentStatus.ACTIVE.label(), AgentStatus.CREATING.label()).code())
                .isEqualTo("status.illegal-transition");
        assertThat(new IllegalTransition(AgentStatus.ACTIVE.label(), AgentStatus.CREATING.label()).getMessage())
                .isEqualTo("an agent cannot move from active to creating");
        assertThat(new DeletionNotConfirmed().code()).isEqualTo("client.deletion-not-confirmed");
        assertThat(new ApprovalNotAllowed("role", "no").code()).isEqualTo("approval.role");
    }
}
