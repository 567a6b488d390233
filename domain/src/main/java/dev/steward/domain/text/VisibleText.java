package dev.steward.domain.text;

import dev.steward.domain.problem.InvalidValue;
import java.util.Locale;

/**
 * The rule every name a person reads shares (client, MSP, API token, workflow, operator names, sign-in emails): no
 * control characters and no invisible formatting characters — bidirectional overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069), zero-width spaces and joiners, the byte-order mark, soft hyphens, line and paragraph separators —
 * which can make a name look like another one ("Trojan Source"). Such a character is refused, naming the field, the
 * code point and its position; nothing is stripped silently.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** @throws InvalidValue ({@code <field>.invisible-character}) at the first such character */
    public static void require(String field, String value) {
        if (value == null) {
            return;
        }
        int position = 1;
        for (int i = 0; i < value.length(); position++) {
            int c = value.codePointAt(i);
            if (invisible(c)) {
                throw InvalidValue.of(field, "invisible-character", "must not contain control or invisible "
                        + "formatting characters (found U+" + String.format(Locale.ROOT, "%04X", c) + " at position "
                        + position + ")");
            }
            i += Character.charCount(c);
        }
    }

    /**
     * A short name as people type it: required, stripped of surrounding blanks (visibly, at the edge of the value),
     * at most {@code max} characters, and visible throughout.
     *
     * @throws InvalidValue ({@code <field>}) for each broken rule, the first one found
     */
    public static String name(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw InvalidValue.of(field, "required", "is required");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw InvalidValue.of(field, "too-long", "must be at most " + max + " characters");
        }
        require(field, stripped);
        return stripped;
    }

    /** Whether {@code c} is a control or invisible formatting character (Unicode Cc, Cf, Zl, Zp). */
    public static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
