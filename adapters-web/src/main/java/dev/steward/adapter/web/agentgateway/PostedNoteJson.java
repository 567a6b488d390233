package dev.steward.adapter.web.agentgateway;

import dev.steward.application.agent.message.PostedNote;


/** What a post left on the ticket: the PSA note's id, whether it was posted before, and whether it asked the same. */
public record PostedNoteJson(String noteId, boolean replayed, boolean sameAsBefore) {

    public static PostedNoteJson from(PostedNote note) {
        return new PostedNoteJson(note.noteId(), note.replayed(), note.sameAsBefore());
    }

    public PostedNote toNote() {
        return new PostedNote(noteId, replayed, sameAsBefore);
    }
}
