package dev.steward.domain.workflow;

import dev.steward.domain.client.ClientId;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import dev.steward.domain.text.VisibleText;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A runbook: a one-sentence trigger plus instructions, scoped to all of an MSP's clients or to one. Every active
 * workflow whose trigger matches a request applies; several may combine.
 */
public record Workflow(UUID id, MspId msp, Optional<ClientId> client, String trigger, String instructions,
                       Status status) {

    public enum Status { DRAFT, ACTIVE, ARCHIVED }

    public Workflow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(status, "status");
        if (trigger == null || trigger.isBlank()) {
            throw InvalidValue.of("trigger", "required", "is required");
        }
        if (trigger.length() > 300 || trigger.contains("\n")) {
            throw InvalidValue.of("trigger", "not-one-sentence", "must be one sentence of at most 300 characters");
        }
        VisibleText.require("trigger", trigger);
        if (instructions == null || instructions.isBlank()) {
            throw InvalidValue.of("instructions", "required", "is required");
        }
        if (instructions.length() > 20_000) {
            throw InvalidValue.of("instructions", "too-long", "must be at most 20000 characters");
        }
    }

    public boolean appliesTo(ClientId target) {
        return status == Status.ACTIVE && client.map(target::equals).orElse(true);
    }
}
