package dev.steward.domain.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovalCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "approve|''", "Approve|''", "APPROVE.|''", "  approve  |''", "approve: caller verified|caller verified",
            "approve - called the user back|called the user back"})
    void approveWithAnOptionalReason(String note, String reason) {
        assertThat(ApprovalCommand.parse(note)).contains(new ApprovalCommand.Approve(reason));
    }

    @org.junit.jupiter.api.Test
    void theReasonMayStartOnTheNextLine() {
        assertThat(ApprovalCommand.parse("approve\nverified by phone"))
                .contains(new ApprovalCommand.Approve("verified by phone"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"deny|''", "Deny: the user left last week|the user left last week",
            "DENY, not without the manager|not without the manager"})
    void denyWithAnOptionalReason(String note, String reason) {
        assertThat(ApprovalCommand.parse(note)).contains(new ApprovalCommand.Deny(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"approved", "Approves it", "denied", "Rejected!", "reject", "accept", "declined", "approvee"})
    void aLookalikeIsAnUnknownCommand(String note) {
        assertThat(ApprovalCommand.parse(note)).get().isInstanceOf(ApprovalCommand.Unknown.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Called the user, waiting on a reply", "42 approve", "Steward diagnosis (plan)",
            "the approve button is broken"})
    void anyOtherNoteIsNoCommand(String note) {
        assertThat(ApprovalCommand.parse(note)).isEmpty();
    }
}
