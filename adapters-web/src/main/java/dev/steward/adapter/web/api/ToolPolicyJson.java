package dev.steward.adapter.web.api;

/** A tool's policy: {@code auto}, {@code approval_needed} or {@code disabled}. */
public record ToolPolicyJson(String policy) {
}
