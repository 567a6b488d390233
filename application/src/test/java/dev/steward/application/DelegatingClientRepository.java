package dev.steward.application;

import dev.steward.application.port.client.ClientQuery;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.domain.agent.StatusChange;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Passes every call to a real store; tests override a method to inject a crash or interleave another actor. */
public class DelegatingClientRepository implements ClientRepository {

    private final ClientRepository delegate;

    public DelegatingClientRepository(ClientRepository delegate) {
        this.delegate = delegate;
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
    public Client update(Client client) {
        return delegate.update(client);
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
