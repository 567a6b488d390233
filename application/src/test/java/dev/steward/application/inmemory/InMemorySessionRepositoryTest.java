package dev.steward.application.inmemory;

import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.port.agent.SessionRepositoryContract;

class InMemorySessionRepositoryTest extends SessionRepositoryContract {

    private final InMemorySessionRepository repository = new InMemorySessionRepository(new InMemoryUnitOfWork());

    @Override
    protected SessionRepository repository() {
        return repository;
    }
}
