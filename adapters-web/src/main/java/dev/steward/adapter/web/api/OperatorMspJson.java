package dev.steward.adapter.web.api;

import dev.steward.domain.msp.Msp;
import java.time.Instant;

/** An MSP as its operator sees it: its name and state, nothing inside it. */
public record OperatorMspJson(String id, String name, Instant createdAt, boolean suspended, Instant suspendedAt) {

    public static OperatorMspJson from(Msp msp) {
        return new OperatorMspJson(msp.id().toString(), msp.name().value(), msp.createdAt(), !msp.active(),
                msp.suspendedAt().orElse(null));
    }
}
