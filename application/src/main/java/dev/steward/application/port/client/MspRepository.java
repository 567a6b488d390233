package dev.steward.application.port.client;

import dev.steward.application.stability.Stable;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.Optional;

/** Stores MSPs (tenants) and their settings. {@link #update} is optimistic, as for clients. */
@Stable
public interface MspRepository {

    /** @return the MSP at version 1; @throws dev.steward.application.problem.Conflict if the id exists */
    Msp add(Msp msp);

    Optional<Msp> find(MspId id);

    /** All MSPs, oldest first. */
    List<Msp> list();

    /**
     * @return the MSP at the next version
     * @throws dev.steward.application.problem.Conflict ({@code version.stale}) if it changed since it was loaded
     */
    Msp update(Msp msp);
}
