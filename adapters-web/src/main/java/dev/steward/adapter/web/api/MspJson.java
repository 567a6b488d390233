package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.EntityTags;
import dev.steward.domain.msp.Msp;
import java.time.Instant;

/** The caller's MSP settings. */
public record MspJson(String id, String name, String defaultMode, String prompt, long version, Instant createdAt) {

    public static MspJson from(Msp msp) {
        return new MspJson(msp.id().toString(), msp.name().value(), msp.defaultMode().label(), msp.prompt().value(),
                msp.version(), msp.createdAt());
    }

    static String entityTag(Msp msp) {
        return EntityTags.of(msp.version(), "");
    }
}
