package dev.steward.application.agent.message;

import java.util.Objects;

/**
 * The note a post left on the ticket. {@code replayed}: it was posted at this step before (nothing new was written);
 * {@code sameAsBefore}: what was posted then is what was asked now (for a note: the same plan).
 */
public record PostedNote(String noteId, boolean replayed, boolean sameAsBefore) {

    public PostedNote {
        Objects.requireNonNull(noteId, "noteId");
    }
}
