package dev.steward.domain.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The newest ticket note intake has looked at for a session: notes at or before it were seen (and either turned into
 * work or ignored), so a redelivered webhook never makes a note count twice. PSAs stamp notes to the second, so two
 * notes of one second are told apart by their ids (numeric ids compare as numbers).
 */
public record NoteMark(Instant at, String noteId) {

    public NoteMark {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(noteId, "noteId");
    }

    /** Whether a note with this time and id is at or before the mark (already seen). */
    public boolean covers(Instant noteAt, String id) {
        int byTime = noteAt.compareTo(at);
        return byTime < 0 || (byTime == 0 && compareIds(id, noteId) <= 0);
    }

    /** The later of this mark and a note's time and id. */
    public NoteMark advancedTo(Instant noteAt, String id) {
        return covers(noteAt, id) ? this : new NoteMark(noteAt, id);
    }

    /** The later of two marks, either of which may be absent (nothing seen yet). */
    public static Optional<NoteMark> later(Optional<NoteMark> a, Optional<NoteMark> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return Optional.of(a.get().advancedTo(b.get().at(), b.get().noteId()));
    }

    static int compareIds(String a, String b) {
        if (a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)) {
            String x = a.replaceFirst("^0+(?=.)", "");
            String y = b.replaceFirst("^0+(?=.)", "");
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        return a.compareTo(b);
    }
}
