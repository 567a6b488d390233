package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The review's reproduction: a webhook's path value or a PSA's answer holding CR/LF was written into the log as it
 * was, so it could forge whole log lines. The production log configuration writes one line per event.
 */
class LogInjectionTest {

    @Test
    void aValueWithLineBreaksStaysOnItsLogLine() throws Exception {
        List<String> written = ProductionTextLog.lines("dev.steward.test", log -> log.warn("intake of {} ticket {} failed",
                "connectwise", "51001\r\n2026-01-01 00:00:00,000 INFO  [main] d.s.b.Main - admin signed in\u001b[2J"));

        assertThat(written).hasSize(1);
        assertThat(written.getFirst()).contains("ticket 51001\\r\\n2026-01-01").contains("\\u001b[2J")
                .doesNotContain("\u001b");
    }

    @Test
    void plainMessagesAreUnchanged() {
        assertThat(OneLineText.escaped("intake of 51001 failed\tretrying")).isEqualTo("intake of 51001 failed\tretrying");
        assertThat(OneLineText.escaped(null)).isNull();
    }
}
