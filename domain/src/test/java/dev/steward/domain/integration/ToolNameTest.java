package dev.steward.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolNameTest {

    @Test
    void splitsAnIntegrationToolIntoIntegrationAndAction() {
        ToolName name = ToolName.of("m365:reset-password");

        assertThat(name.integration()).isEqualTo("m365");
        assertThat(name.action()).isEqualTo("reset-password");
        assertThat(name).hasToString("m365:reset-password");
    }

    @Test
    void keepsTheServerWithTheIntegrationOfAnMcpTool() {
        ToolName name = ToolName.of("mcp:docs:search_pages");

        assertThat(name.integration()).isEqualTo("mcp:docs");
        assertThat(name.action()).isEqualTo("search_pages");
    }

    @Test
    void acceptsSixtyThreeCharacterParts() {
        String part = "a".repeat(63);
        assertThat(ToolName.of(part + ":" + part).action()).hasSize(63);
    }

    @ParameterizedTest
    @ValueSource(strings = {"m365", "m365:get:user", "a:b:c:d", ":get-user", "m365:", "mcp::get", "mcp:docs:",
        "M365:get-user", "m365:Get-User", "m365:-get", "m365:get-", "m365:get user", "m365:get.user", "m365:gét"})
    void refusesAMalformedNameNamingTheField(String raw) {
        assertThatThrownBy(() -> ToolName.of(raw))
                .isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("tool"))
                .satisfies(e -> assertThat(((InvalidValue) e).code()).isEqualTo("tool.malformed"));
    }

    @Test
    void refusesAPartOfSixtyFourCharacters() {
        assertThatThrownBy(() -> ToolName.of("m365:" + "a".repeat(64))).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("1-63 characters");
    }

    @Test
    void refusesAMissingName() {
        assertThatThrownBy(() -> ToolName.of("")).isInstanceOf(InvalidValue.class).hasMessage("tool is required");
        assertThatThrownBy(() -> ToolName.of(null)).isInstanceOf(InvalidValue.class).hasMessage("tool is required");
    }
}
