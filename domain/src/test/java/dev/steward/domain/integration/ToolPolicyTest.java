package dev.steward.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolPolicyTest {

    @Test
    void readOnlyToolsRunAutomaticallyAndWriteToolsWaitForApproval() {
        assertThat(ToolPolicy.defaultFor(ToolEffect.READ_ONLY)).isEqualTo(ToolPolicy.AUTO);
        assertThat(ToolPolicy.defaultFor(ToolEffect.WRITE)).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mcp:crm:get", "mcp:crm:get-contact", "mcp:crm:list_deals", "mcp:crm:search-notes",
        "mcp:crm:fetch-invoice"})
    void guessesAutoForAnMcpToolThatReads(String name) {
        ToolName tool = ToolName.of(name);

        assertThat(ToolPolicy.guessedFromName(tool)).isEqualTo(ToolPolicy.AUTO);
        assertThat(ToolPolicy.effectGuessedFromName(tool)).isEqualTo(ToolEffect.READ_ONLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mcp:crm:create-contact", "mcp:crm:update_deal", "mcp:crm:delete-note",
        "mcp:crm:send-mail", "mcp:crm:reboot", "mcp:crm:getaway-plan", "mcp:crm:listen", "mcp:crm:x"})
    void guessesApprovalNeededForAnythingElse(String name) {
        ToolName tool = ToolName.of(name);

        assertThat(ToolPolicy.guessedFromName(tool)).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
        assertThat(ToolPolicy.effectGuessedFromName(tool)).isEqualTo(ToolEffect.WRITE);
    }

    @Test
    void parsesItsLabelsAndRefusesOthers() {
        assertThat(ToolPolicy.parse("policy", "auto")).isEqualTo(ToolPolicy.AUTO);
        assertThat(ToolPolicy.parse("policy", "approval_needed")).isEqualTo(ToolPolicy.APPROVAL_NEEDED);
        assertThat(ToolPolicy.parse("policy", "disabled")).isEqualTo(ToolPolicy.DISABLED);
        assertThatThrownBy(() -> ToolPolicy.parse("policy", "AUTO"))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("policy must be one of auto, approval_needed, disabled");
        assertThatThrownBy(() -> ToolPolicy.parse("policy", null)).isInstanceOf(InvalidValue.class);
    }
}
