package dev.steward.application.activity;

import dev.steward.domain.msp.MspId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A page of an MSP's activity, newest first. Every filter is optional (null or empty for none): {@code client} (a
 * slug; none means MSP-wide), {@code ticket}, {@code tool} (e.g. {@code m365:get-user}), {@code outcome} (a label such
 * as {@code refused_by_policy}), {@code from} / {@code to} (ISO-8601 instants, from inclusive, to exclusive), and
 * {@code before}, the {@code next} cursor of the previous page.
 */
public record ListActivityQuery(
        @NotNull MspId msp,
        String client,
        @Size(max = 200, message = "must be at most 200 characters") String ticket,
        String tool,
        String outcome,
        String from,
        String to,
        @Size(max = 100, message = "must be at most 100 characters") String before,
        @Min(value = 1, message = "must be at least 1") @Max(value = 500, message = "must be at most 500") int limit) {
}
