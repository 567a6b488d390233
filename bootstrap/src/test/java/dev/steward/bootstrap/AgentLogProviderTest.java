package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** The agent's log writes what the control plane's logback writes, without logback. */
class AgentLogProviderTest {

    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}";

    /** What {@code logger} writes through the agent's provider with this environment. */
    private static List<String> agentLines(Map<String, String> env, String logger, Consumer<Logger> logging) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        AgentLogProvider provider = new AgentLogProvider(env, new PrintStream(captured, true, StandardCharsets.UTF_8));
        provider.initialize();
        logging.accept(provider.getLoggerFactory().getLogger(logger));
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String withoutTimestamp(String line) {
        assertThat(line).matches(TIMESTAMP + " .*");
        return line.substring(23);
    }

    @Test
    void writesTheSameLinesAsTheControlPlanesLogbackPattern() throws Exception {
        Consumer<Logger> logging = log -> {
            log.info("agent starting; control plane {}", "http://host.docker.internal:8080");
            log.warn("ticket {} of {}: {}", 51001, "acme", "not found");
            log.error("intake failed\r\n2026-01-01 00:00:00,000 INFO  [main] d.s.b.Main - forged\u001b[2J");
        };
        for (String logger : List.of("dev.steward.application.agent.AgentWorker", "dev.steward.bootstrap.AgentCommand",
                "dev.steward.adapter.web.agentgateway.HttpControlPlane", "x")) {
            List<String> ours = agentLines(Map.of(), logger, logging);
            List<String> logback = ProductionTextLog.lines(logger, logging);

            assertThat(ours).as("logger %s", logger).hasSize(3);
            assertThat(ours.stream().map(AgentLogProviderTest::withoutTimestamp))
                    .containsExactlyElementsOf(logback.stream().map(AgentLogProviderTest::withoutTimestamp).toList());
        }
    }

    @Test
    void writesFromTheLevelStewardLogLevelNamesUpAndInfoWhenItNamesNone() {
        Consumer<Logger> everyLevel = log -> {
            log.trace("t");
            log.debug("d");
            log.info("i");
            log.warn("w");
            log.error("e");
        };
        assertThat(agentLines(Map.of(), "dev.steward.x", everyLevel)).hasSize(3);
        assertThat(agentLines(Map.of("STEWARD_LOG_LEVEL", "warn"), "dev.steward.x", everyLevel)).hasSize(2);
        assertThat(agentLines(Map.of("STEWARD_LOG_LEVEL", "DEBUG"), "dev.steward.x", everyLevel)).hasSize(4);
        assertThat(agentLines(Map.of("STEWARD_LOG_LEVEL", "all"), "dev.steward.x", everyLevel)).hasSize(5);
        assertThat(agentLines(Map.of("STEWARD_LOG_LEVEL", "loud"), "dev.steward.x", everyLevel)).hasSize(3);
        assertThat(AgentLogProvider.level("Error")).contains(Level.ERROR);
    }

    @Test
    void writesAnExceptionsStackTraceAfterItsLine() {
        List<String> lines = agentLines(Map.of(), "dev.steward.x",
                log -> log.warn("call failed for {}", "acme", new IllegalStateException("refused")));

        assertThat(lines.getFirst()).endsWith(" WARN  [" + Thread.currentThread().getName()
                + "] dev.steward.x - call failed for acme");
        assertThat(lines.get(1)).isEqualTo("java.lang.IllegalStateException: refused");
        assertThat(lines.get(2)).startsWith("\tat ");
    }

    @Test
    void jsonLinesAreLogbacksAsForTheControlPlane() {
        AgentLogProvider provider = new AgentLogProvider(Map.of("STEWARD_LOG_FORMAT", "json"), System.out);
        provider.initialize();

        assertThat(provider.getLoggerFactory()).isInstanceOf(LoggerContext.class);
    }

    @Test
    void longLoggerNamesAreShortenedAsLogbackDoesFromTheLeft() {
        assertThat(AgentLogProvider.abbreviated("dev.steward.application.agent.AgentWorker"))
                .isEqualTo("d.s.application.agent.AgentWorker");
        assertThat(AgentLogProvider.abbreviated("dev.steward.bootstrap.AgentCommand"))
                .isEqualTo("dev.steward.bootstrap.AgentCommand");
    }
}
