package dev.steward.application.provisioning;

import dev.steward.application.port.ClientQuery;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.provisioning.ProvisioningReconcilerTest.CrashSafety.SimulatedCrash;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store that reads normally and dies on the first save, as a process killed just before it commits would. */
final class ClientRepositoryCrashingOnUpdate implements ClientRepository {

    private final ClientRepository delegate;

    ClientRepositoryCrashingOnUpdate(ClientRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public Client update(Client client) {
        throw new SimulatedCrash();
    }

    @Override
    public Client add(Client client) {
        return delegate.add(client);
    }

    @Override
    public Optional<Client> find(ClientId id) {
        return delegate.find(id);
    }

    @Override
    public Optional<Client> find(MspId msp, Slug slug) {
        return delegate.find(msp, slug);
    }

    @Override
    public List<Client> list(ClientQuery query) {
        return delegate.list(query);
    }

    @Override
    public List<StatusChange> history(ClientId id) {
        return delegate.history(id);
    }

    @Override
    public List<ClientId> dueForReconciliation(Instant now, int limit) {
        return delegate.dueForReconciliation(now, limit);
    }

    @Override
    public List<Client> listLive(Optional<ClientId> after, int limit) {
        return delegate.listLive(after, limit);
    }

    @Override
    public Optional<Client> claim(ClientId id) {
        return delegate.claim(id);
    }
}
