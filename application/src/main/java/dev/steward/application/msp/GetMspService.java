package dev.steward.application.msp;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.client.MspRepository;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;

public final class GetMspService implements GetMspUseCase {

    private final MspRepository msps;

    @Inject
    public GetMspService(MspRepository msps) {
        this.msps = msps;
    }

    @Override
    public Msp get(MspId msp) {
        return ClientLookup.requireMsp(msps, msp);
    }
}
