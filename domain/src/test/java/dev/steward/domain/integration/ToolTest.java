package dev.steward.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToolTest {

    @Test
    void isClassifiedReadOnlyOrWrite() {
        assertThat(Tool.readOnly("m365:get-user", "Reads a user").effect()).isEqualTo(ToolEffect.READ_ONLY);
        assertThat(Tool.write("m365:reset-password", "Resets a password").effect()).isEqualTo(ToolEffect.WRITE);
        assertThat(ToolEffect.READ_ONLY.label()).isEqualTo("read-only");
        assertThat(ToolEffect.WRITE.label()).isEqualTo("write");
    }

    @Test
    void treatsAMissingDescriptionAsEmptyButRequiresNameAndEffect() {
        assertThat(new Tool(ToolName.of("hudu:search-articles"), ToolEffect.READ_ONLY, null).description()).isEmpty();
        assertThatThrownBy(() -> new Tool(null, ToolEffect.READ_ONLY, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Tool(ToolName.of("a:b"), null, "")).isInstanceOf(NullPointerException.class);
    }
}
