package dev.steward.application.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.ToolExecutor;
import dev.steward.application.port.ToolInvocation;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@link ToolExecutor} must pass this. */
public abstract class ToolExecutorContract {

    protected abstract ToolExecutor executor();

    /** A read-only tool the executor has, and arguments it accepts. */
    protected abstract ToolInvocation aValidInvocation();

    @Test
    void runsAKnownToolAndSummarisesTheResult() {
        assertThat(executor().execute(aValidInvocation())).isNotNull();
    }

    @Test
    void anUnknownToolIsNotFound() {
        ToolInvocation valid = aValidInvocation();
        ToolInvocation unknown = new ToolInvocation(valid.msp(), new ClientId(UUID.randomUUID()),
                ToolName.of("nowhere:no-such-tool"), Map.of());
        assertThatThrownBy(() -> executor().execute(unknown)).isInstanceOf(NotFound.class)
                .hasMessageContaining("nowhere:no-such-tool");
    }
}
