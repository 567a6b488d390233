package dev.steward.domain.work;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One piece of work waiting for a client's agent. {@code key} says what it is about (a session's start, a ticket note,
 * an approval); a client never has two items with one key, so a webhook delivered twice queues its work once. The
 * factories below are the only key formats.
 *
 * <p>Delivery is at least once: an item whose agent dies is delivered again, up to {@link #MAX_DELIVERIES} times;
 * after that it is given up and its session failed, so one item that kills its agent cannot hold up the client's
 * queue for ever.
 */
public record WorkItem(UUID id, MspId msp, ClientId client, String key, Work work, Instant createdAt) {

    public static final int MAX_DELIVERIES = 5;
    public static final int MAX_KEY = 200;

    public WorkItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(createdAt, "createdAt");
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("a work item's key is 1-" + MAX_KEY + " characters");
        }
    }

    /**
     * A start of a session: {@code start} is 1 for a new ticket, and something new (e.g. the time in milliseconds)
     * for each run again of a failed session that may restart.
     */
    public static WorkItem newTicket(UUID id, MspId msp, ClientId client, UUID session, long start, String request,
                                     Instant at) {
        return new WorkItem(id, msp, client, "session:" + session + ":start:" + start,
                new Work.NewTicket(session, request), at);
    }

    /** A requester's note on the ticket of an open session; one item per PSA note. */
    public static WorkItem followUp(UUID id, MspId msp, ClientId client, UUID session, String psaKind, String noteId,
                                    String text, String request, Instant at) {
        return new WorkItem(id, msp, client, clip("note:" + psaKind + ":" + noteId),
                new Work.FollowUp(session, noteId, text, request), at);
    }

    /** The decision of one approval request; one item per request. */
    public static WorkItem approvalDecided(UUID id, MspId msp, ClientId client, UUID session, UUID approval,
                                           Instant at) {
        return new WorkItem(id, msp, client, "approval:" + approval, new Work.ApprovalDecided(session, approval), at);
    }

    private static String clip(String key) {
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }
}
