package dev.steward.bootstrap;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} for the text log, one line per event whatever the message holds: a value from a request (a ticket id,
 * an email, a PSA's answer) with a CR, LF or other control character cannot start a forged line. Line breaks become
 * {@code \n}/{@code \r}, other controls {@code \\uXXXX}. (The JSON log escapes them already; stack traces are written
 * after the message, untouched.)
 */
public final class OneLineMessage extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return escaped(super.convert(event));
    }

    static String escaped(String message) {
        if (message == null || message.chars().noneMatch(Character::isISOControl)) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length() + 16);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append('\t');
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
