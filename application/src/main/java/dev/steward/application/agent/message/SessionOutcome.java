package dev.steward.application.agent.message;

/** How a work item left its session: done for now, or paused until an approval is decided. */
public enum SessionOutcome { COMPLETED, AWAITING_APPROVAL }
