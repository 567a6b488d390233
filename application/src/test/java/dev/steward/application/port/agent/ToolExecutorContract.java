package dev.steward.application.port.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.agent.ToolExecutor;
import dev.steward.application.problem.NotFound;
import dev.steward.application.spi.ToolCall;
import dev.steward.domain.integration.ToolName;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every {@link ToolExecutor} must pass this. */
public abstract class ToolExecutorContract {

    protected abstract ToolExecutor executor();

    /** A call of a read-only tool the executor runs, with arguments it accepts. */
    protected abstract ToolCall aValidCall();

    @Test
    void runsAKnownToolAndSummarisesTheResult() {
        assertThat(executor().execute(aValidCall()).summary()).isNotNull();
    }

    @Test
    void anUnknownToolIsNotFound() {
        ToolCall valid = aValidCall();
        ToolCall unknown = new ToolCall(valid.msp(), valid.client(), valid.mapping(), valid.session(),
                valid.requester(), ToolName.of("nowhere:no-such-tool"), Map.of());
        assertThatThrownBy(() -> executor().execute(unknown)).isInstanceOf(NotFound.class)
                .hasMessageContaining("nowhere:no-such-tool");
    }
}
