package dev.steward.adapter.web.api;

/** Body of a workflow's status change: {@code active}, {@code archived} or {@code draft}. */
public record WorkflowStatusJson(String status) {
}
