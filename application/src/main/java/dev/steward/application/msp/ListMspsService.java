package dev.steward.application.msp;

import dev.steward.application.port.client.MspRepository;
import dev.steward.domain.msp.Msp;
import jakarta.inject.Inject;
import java.util.List;

public final class ListMspsService implements ListMspsUseCase {

    private final MspRepository msps;

    @Inject
    public ListMspsService(MspRepository msps) {
        this.msps = msps;
    }

    @Override
    public List<Msp> list() {
        return msps.list();
    }
}
