package dev.steward.application.client;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A page of an MSP's clients ordered by slug. {@code status} (a status label) and {@code search} (part of a name or
 * slug) are optional filters (null for none); {@code after} is the last slug of the previous page.
 */
public record ListClientsQuery(
        @NotNull MspId msp,
        String status,
        @Size(max = 100, message = "must be at most 100 characters") String search,
        @Size(max = 63, message = "must be at most 63 characters") String after,
        @Min(value = 1, message = "must be at least 1") @Max(value = 500, message = "must be at most 500") int limit) {

    public static ListClientsQuery firstPage(MspId msp) {
        return new ListClientsQuery(msp, null, null, null, 100);
    }
}
