package dev.steward.domain.client;

import dev.steward.domain.problem.InvalidValue;
import java.util.regex.Pattern;

/** Which PSA company/account this client is, so incoming tickets route to its agent. */
public record PsaMapping(String integrationKind, String companyId) {

    /** A PSA's integration kind, e.g. {@code connectwise}: the kinds integrations use, without a sub-kind. */
    private static final Pattern KIND = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");

    public PsaMapping {
        if (integrationKind == null || integrationKind.isBlank()) {
            throw InvalidValue.of("integrationKind", "required", "is required");
        }
        if (!KIND.matcher(integrationKind).matches()) {
            throw InvalidValue.of("integrationKind", "malformed",
                    "must be a PSA kind such as connectwise, halopsa or autotask");
        }
        if (companyId == null || companyId.isBlank()) {
            throw InvalidValue.of("companyId", "required", "is required");
        }
        if (companyId.length() > 200) {
            throw InvalidValue.of("companyId", "too-long", "must be at most 200 characters");
        }
    }
}
