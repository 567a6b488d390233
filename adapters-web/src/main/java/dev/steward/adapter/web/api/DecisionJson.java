package dev.steward.adapter.web.api;

/** Why an approval request was approved or denied (optional). Who decided comes from the sign-in, not the body. */
public record DecisionJson(String reason) {
}
