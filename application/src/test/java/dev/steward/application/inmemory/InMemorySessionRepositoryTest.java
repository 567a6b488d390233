package dev.steward.application.inmemory;

import dev.steward.application.port.SessionRepository;
import dev.steward.application.testkit.SessionRepositoryContract;

class InMemorySessionRepositoryTest extends SessionRepositoryContract {

    private final InMemorySessionRepository repository = new InMemorySessionRepository(new InMemoryUnitOfWork());

    @Override
    protected SessionRepository repository() {
        return repository;
    }
}
