package dev.steward.bootstrap;

/**
 * A log message on one line whatever it holds: a value from a request (a ticket id, an email, a PSA's answer) with a
 * CR, LF or other control character cannot start a forged line. Line breaks become {@code \n}/{@code \r}, other
 * controls {@code \\uXXXX}. Used by both text logs: the control plane's ({@link OneLineMessage}) and the agent's
 * ({@link AgentLogProvider}).
 */
final class OneLineText {

    private OneLineText() {
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
