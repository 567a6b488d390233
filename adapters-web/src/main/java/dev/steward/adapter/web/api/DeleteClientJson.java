package dev.steward.adapter.web.api;

import dev.steward.application.client.DeleteClientCommand;
import dev.steward.domain.msp.MspId;
import java.util.Optional;

/** Body of {@code DELETE /api/v1/clients/{slug}}: the client's name, typed exactly. */
public record DeleteClientJson(String confirmName) {

    DeleteClientCommand toCommand(MspId msp, String slug, Optional<Long> expectedVersion) {
        return new DeleteClientCommand(msp, slug, confirmName, expectedVersion);
    }
}
