package dev.steward.domain.approval;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A technician's answer to an approval comment, written as an internal note on the ticket: the note starts with
 * {@code approve} or {@code deny} (any case), optionally followed by a reason ({@code deny: the user left}). A note
 * whose first word only looks like one ({@code approved}, {@code denied}, {@code reject} ...) is an
 * {@link Unknown} command: ignored, and logged so the technician can see why nothing happened. Any other note is no
 * command at all.
 */
public sealed interface ApprovalCommand {

    int MAX_REASON = 2000;

    record Approve(String reason) implements ApprovalCommand {}

    record Deny(String reason) implements ApprovalCommand {}

    record Unknown(String word) implements ApprovalCommand {}

    Pattern FIRST_WORD = Pattern.compile("^\\s*([\\p{L}]+)(.*)$", Pattern.DOTALL);
    Pattern LOOKALIKE = Pattern.compile("approv.*|den(y|i).*|reject.*|accept.*|decline.*");

    /** The command this note text gives, if it is one. */
    static Optional<ApprovalCommand> parse(String note) {
        if (note == null) {
            return Optional.empty();
        }
        Matcher m = FIRST_WORD.matcher(note);
        if (!m.matches()) {
            return Optional.empty();
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(2);
        boolean separated = rest.isEmpty() || !Character.isLetterOrDigit(rest.charAt(0));
        if (separated && word.equals("approve")) {
            return Optional.of(new Approve(reason(rest)));
        }
        if (separated && word.equals("deny")) {
            return Optional.of(new Deny(reason(rest)));
        }
        return LOOKALIKE.matcher(word).matches() ? Optional.of(new Unknown(word)) : Optional.empty();
    }

    private static String reason(String rest) {
        String reason = rest.replaceFirst("^[\\s:,.;\\-–—]+", "").strip();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }
}
