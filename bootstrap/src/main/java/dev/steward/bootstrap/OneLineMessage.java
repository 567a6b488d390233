package dev.steward.bootstrap;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} for the text log, one line per event whatever the message holds ({@link OneLineText}). (The JSON log
 * escapes them already; stack traces are written after the message, untouched.)
 */
public final class OneLineMessage extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return OneLineText.escaped(super.convert(event));
    }
}
