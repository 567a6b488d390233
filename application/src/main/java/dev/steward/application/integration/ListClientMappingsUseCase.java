package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;
import java.util.List;

/** Capability: which directories a client can be mapped into, and where it is mapped. */
public interface ListClientMappingsUseCase {

    /**
     * Every live integration serving the client (its own, and the MSP-wide ones of other kinds) that offers a
     * directory, by kind, each with the client's mapping of that kind.
     *
     * @throws dev.steward.application.problem.NotFound ({@code client}) if the MSP has no such client
     */
    List<MappingChoice> list(MspId msp, String slug);
}
