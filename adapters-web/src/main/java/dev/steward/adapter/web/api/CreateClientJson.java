package dev.steward.adapter.web.api;

import dev.steward.application.client.CreateClientCommand;
import dev.steward.domain.msp.MspId;

/** Body of {@code POST /api/v1/clients}. */
public record CreateClientJson(String name, String slug) {

    CreateClientCommand toCommand(MspId msp) {
        return new CreateClientCommand(msp, name, slug);
    }
}
