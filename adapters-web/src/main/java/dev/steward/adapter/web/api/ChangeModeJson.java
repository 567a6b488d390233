package dev.steward.adapter.web.api;

import dev.steward.application.mode.ChangeOperatingModeCommand;
import dev.steward.domain.msp.MspId;
import java.util.Optional;

/** Body of {@code PUT /api/v1/clients/{slug}/mode}: {@code plan}, {@code execute} or {@code inherit}. */
public record ChangeModeJson(String mode) {

    ChangeOperatingModeCommand toCommand(MspId msp, String slug, Optional<Long> expectedVersion) {
        return new ChangeOperatingModeCommand(msp, slug, mode, expectedVersion);
    }
}
