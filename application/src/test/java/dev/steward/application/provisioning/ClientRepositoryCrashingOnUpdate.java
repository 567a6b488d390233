package dev.steward.application.provisioning;

import dev.steward.application.DelegatingClientRepository;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.provisioning.ProvisioningReconcilerTest.CrashSafety.SimulatedCrash;
import dev.steward.domain.client.Client;

/** A store that reads normally and dies on the first save, as a process killed just before it commits would. */
final class ClientRepositoryCrashingOnUpdate extends DelegatingClientRepository {

    ClientRepositoryCrashingOnUpdate(ClientRepository delegate) {
        super(delegate);
    }

    @Override
    public Client update(Client client) {
        throw new SimulatedCrash();
    }
}
