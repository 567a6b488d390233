package dev.steward.adapter.web.api;

/** Whether the MSP marks a tool sensitive: its calls then run only for a requester verified in the session. */
public record ToolSensitivityJson(Boolean sensitive) {
}
