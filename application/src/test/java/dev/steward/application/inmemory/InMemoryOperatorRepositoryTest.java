package dev.steward.application.inmemory;

import dev.steward.application.port.OperatorRepository;
import dev.steward.application.testkit.OperatorRepositoryContract;

class InMemoryOperatorRepositoryTest extends OperatorRepositoryContract {

    private final InMemoryOperatorRepository operators = new InMemoryOperatorRepository();

    @Override
    protected OperatorRepository operators() {
        return operators;
    }
}
