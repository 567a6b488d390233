package dev.steward.application.port.psa;

import java.util.Objects;

/**
 * A port method was called whose capability the implementation does not declare. It is a programming error of the
 * caller (it should have checked {@code capabilities()}), so it is unchecked and never retried.
 */
public final class UnsupportedCapability extends UnsupportedOperationException {

    private final PsaCapability capability;

    public UnsupportedCapability(String system, PsaCapability capability) {
        super(Objects.requireNonNull(system, "system") + " does not support " + capability);
        this.capability = capability;
    }

    public PsaCapability capability() {
        return capability;
    }
}
