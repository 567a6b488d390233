package dev.steward.bootstrap;

import ch.qos.logback.classic.spi.LogbackServiceProvider;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The agent command's logging ({@link Main} chooses it for {@code agent}; the control plane keeps logback): the same
 * text lines as {@code logback.xml}'s pattern ({@code %d{ISO8601} %-5level [%thread] %logger{36} - %msg}, each message
 * on one line ({@link OneLineText}), a stack trace after it), on standard output, from
 * {@code STEWARD_LOG_LEVEL} (default INFO) up. Why not logback: setting logback up from its XML was ~40 ms of the ~280
 * ms of CPU an agent needs to its first check-in, and an agent logs a few lines a ticket (docs/benchmarks.md, "Where 50
 * starts at once go"). {@code STEWARD_LOG_FORMAT=json} hands everything to logback, for its JSON lines.
 */
public final class AgentLogProvider implements SLF4JServiceProvider {

    private static final DateTimeFormatter ISO8601 = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final int LOGGER_NAME_LENGTH = 36;

    private final Map<String, String> env;
    private final PrintStream out;
    private SLF4JServiceProvider json;
    private ILoggerFactory loggers;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Found by SLF4J through the {@code slf4j.provider} system property. */
    public AgentLogProvider() {
        this(System.getenv(), System.out);
    }

    AgentLogProvider(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    @Override
    public void initialize() {
        if ("json".equalsIgnoreCase(env.getOrDefault("STEWARD_LOG_FORMAT", "text").strip())) {
            json = new LogbackServiceProvider();
            json.initialize();
            return;
        }
        Level threshold = level(env.get("STEWARD_LOG_LEVEL")).orElse(Level.INFO);
        ConcurrentMap<String, Logger> byName = new ConcurrentHashMap<>();
        loggers = name -> byName.computeIfAbsent(name, n -> new TextLogger(n, threshold, out));
    }

    /** The level a {@code STEWARD_LOG_LEVEL} value names, as logback reads it (any case; ALL is TRACE). */
    static Optional<Level> level(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (name.equals("ALL")) {
            return Optional.of(Level.TRACE);
        }
        try {
            return Optional.of(Level.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return json != null ? json.getLoggerFactory() : loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return json != null ? json.getMarkerFactory() : markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return json != null ? json.getMDCAdapter() : mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    /** One line as logback's text pattern writes it. */
    static String line(Instant at, Level level, String thread, String logger, String message) {
        String levelName = level.toString();
        return ISO8601.format(at) + ' ' + levelName + " ".repeat(Math.max(0, 5 - levelName.length())) + " ["
                + thread + "] " + abbreviated(logger) + " - " + OneLineText.escaped(message);
    }

    /**
     * {@code %logger{36}}: package names shortened to their first letter, leftmost first, until the name fits (the
     * class name itself is never shortened).
     */
    static String abbreviated(String name) {
        if (name.length() <= LOGGER_NAME_LENGTH) {
            return name;
        }
        String[] parts = name.split("\\.", -1);
        int length = name.length();
        for (int i = 0; i < parts.length - 1 && length > LOGGER_NAME_LENGTH; i++) {
            if (parts[i].length() > 1) {
                length -= parts[i].length() - 1;
                parts[i] = parts[i].substring(0, 1);
            }
        }
        return String.join(".", parts);
    }

    private static final class TextLogger extends LegacyAbstractLogger {

        private final int threshold;
        private final transient PrintStream out;

        TextLogger(String name, Level threshold, PrintStream out) {
            this.name = name;
            this.threshold = threshold.toInt();
            this.out = out;
        }

        private boolean enabled(Level level) {
            return level.toInt() >= threshold;
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable throwable) {
            String line = line(Instant.now(), level, Thread.currentThread().getName(), name,
                    MessageFormatter.basicArrayFormat(pattern, arguments));
            synchronized (out) {
                out.println(line);
                if (throwable != null) {
                    throwable.printStackTrace(out);
                }
            }
        }
    }
}
