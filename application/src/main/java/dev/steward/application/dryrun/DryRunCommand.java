package dev.steward.application.dryrun;

import dev.steward.domain.msp.MspId;
import java.util.Objects;

/**
 * A dry run of a client's agent: against the PSA ticket numbered {@code ticket}, or against a pasted {@code text}
 * (exactly one of them); {@code technician} is who asked (recorded in activity).
 */
public record DryRunCommand(MspId msp, String slug, String ticket, String text, String technician) {

    public DryRunCommand {
        Objects.requireNonNull(msp, "msp");
        technician = technician == null ? "" : technician;
    }
}
