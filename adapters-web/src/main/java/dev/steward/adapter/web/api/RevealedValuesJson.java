package dev.steward.adapter.web.api;

import java.util.Map;

/** The values an approved call produced for its approver, shown once (e.g. {@code temporaryPassword}). */
public record RevealedValuesJson(Map<String, String> values) {
}
