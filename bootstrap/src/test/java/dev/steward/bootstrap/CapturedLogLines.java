package dev.steward.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every event of Steward's own loggers, at every level (the core's System.Logger is routed here too), and others'
 * warnings, from {@link #start()} to {@link #stop()}: for tests that a secret reaches no log line.
 */
final class CapturedLogLines {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level stewardLevelBefore;

    void start() {
        appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        Logger steward = (Logger) LoggerFactory.getLogger("dev.steward");
        stewardLevelBefore = steward.getLevel();
        steward.setLevel(Level.ALL);
    }

    /** Each captured event's message, with its exception's message when it has one. */
    List<String> lines() {
        return appender.list.stream().map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                : " " + e.getThrowableProxy().getMessage())).toList();
    }

    void stop() {
        ((Logger) LoggerFactory.getLogger("dev.steward")).setLevel(stewardLevelBefore);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
        appender.stop();
    }
}
