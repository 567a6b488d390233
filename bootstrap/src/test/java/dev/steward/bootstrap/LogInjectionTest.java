package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review's reproduction: a webhook's path value or a PSA's answer holding CR/LF was written into the log as it
 * was, so it could forge whole log lines. The production log configuration writes one line per event.
 */
class LogInjectionTest {

    @Test
    void aValueWithLineBreaksStaysOnItsLogLine() throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            configure(context, "/logback.xml");
            Logger log = LoggerFactory.getLogger("dev.steward.test");

            log.warn("intake of {} ticket {} failed", "connectwise",
                    "51001\r\n2026-01-01 00:00:00,000 INFO  [main] d.s.b.Main - admin signed in\u001b[2J");
        } finally {
            System.setOut(console);
            configure(context, "/logback-test.xml");
        }

        String written = captured.toString(StandardCharsets.UTF_8);
        assertThat(written.lines()).hasSize(1);
        assertThat(written).contains("ticket 51001\\r\\n2026-01-01").contains("\\u001b[2J")
                .doesNotContain("\u001b");
    }

    private static void configure(LoggerContext context, String resource) throws Exception {
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogInjectionTest.class.getResource(resource));
    }

    @Test
    void plainMessagesAreUnchanged() {
        assertThat(OneLineMessage.escaped("intake of 51001 failed\tretrying")).isEqualTo("intake of 51001 failed\tretrying");
        assertThat(OneLineMessage.escaped(null)).isNull();
    }
}
