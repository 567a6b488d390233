package dev.steward.application.testkit;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.domain.client.Client;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;

/**
 * What the kits of stores that refer to MSPs and clients need: a place to create them first, because a real
 * database enforces those references (foreign keys). Subclasses return the stores under test; they may be shared
 * across tests and across kits, since every test creates its own MSP.
 */
public abstract class StoreContractSupport {

    protected abstract MspRepository msps();

    protected abstract ClientRepository clients();

    /** The unit of work the stores under test take part in. */
    protected abstract UnitOfWork unitOfWork();

    protected MspId storedMsp() {
        Msp msp = Fixtures.anMsp();
        msps().add(msp);
        return msp.id();
    }

    protected Client storedClient(MspId msp) {
        return clients().add(Fixtures.aClient().inMsp(msp).build());
    }
}
