package dev.steward.domain.integration;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which entry of an integration's directory a client is: its Microsoft 365 customer tenant, its Hudu company, its IT
 * Glue organization. One per client and integration kind; an entry is one client's only (per MSP), so one client's
 * calls never reach another client's data.
 */
public record ClientMapping(MspId msp, ClientId client, String kind, String externalId, String label) {

    public static final int MAX_ID = 200;
    public static final int MAX_LABEL = 200;
    private static final Pattern KIND = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");

    public ClientMapping {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw InvalidValue.of("kind", "malformed", "must be an integration kind, e.g. m365 or hudu");
        }
        if (externalId == null || externalId.isBlank()) {
            throw InvalidValue.of("externalId", "required", "is required");
        }
        if (externalId.length() > MAX_ID) {
            throw InvalidValue.of("externalId", "too-long", "must be at most " + MAX_ID + " characters");
        }
        if (externalId.chars().anyMatch(Character::isISOControl)) {
            throw InvalidValue.of("externalId", "malformed", "must not contain control characters");
        }
        label = label == null ? "" : label;
        if (label.length() > MAX_LABEL) {
            throw InvalidValue.of("label", "too-long", "must be at most " + MAX_LABEL + " characters");
        }
    }
}
