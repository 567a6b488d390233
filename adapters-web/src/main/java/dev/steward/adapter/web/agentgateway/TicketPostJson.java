package dev.steward.adapter.web.agentgateway;

/**
 * Body of {@code POST /agent/v1/sessions/{session}/posts}: {@code kind} is {@code note}, {@code internal},
 * {@code reply}, {@code approval-request} or {@code hand-off}; {@code planDigest} identifies a note's plan.
 */
public record TicketPostJson(String step, String kind, String text, String planDigest) {}
