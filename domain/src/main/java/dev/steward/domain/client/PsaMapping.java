package dev.steward.domain.client;

import dev.steward.domain.problem.InvalidValue;

/** Which PSA company/account this client is, so incoming tickets route to its agent. */
public record PsaMapping(String integrationKind, String companyId) {

    public PsaMapping {
        if (integrationKind == null || integrationKind.isBlank()) {
            throw InvalidValue.of("psaMapping.integrationKind", "required", "is required");
        }
        if (companyId == null || companyId.isBlank()) {
            throw InvalidValue.of("psaMapping.companyId", "required", "is required");
        }
        if (companyId.length() > 200) {
            throw InvalidValue.of("psaMapping.companyId", "too-long", "must be at most 200 characters");
        }
    }
}
