package dev.steward.application.inmemory;

import dev.steward.application.port.access.OperatorRepository;
import dev.steward.application.port.access.OperatorRepositoryContract;

class InMemoryOperatorRepositoryTest extends OperatorRepositoryContract {

    private final InMemoryOperatorRepository operators = new InMemoryOperatorRepository();

    @Override
    protected OperatorRepository operators() {
        return operators;
    }
}
