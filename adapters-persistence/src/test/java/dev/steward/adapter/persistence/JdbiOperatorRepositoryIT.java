package dev.steward.adapter.persistence;

import dev.steward.application.port.OperatorRepository;
import dev.steward.application.testkit.OperatorRepositoryContract;

class JdbiOperatorRepositoryIT extends OperatorRepositoryContract {

    private final JdbiOperatorRepository operators = new JdbiOperatorRepository(TestDatabase.stores().unitOfWork());

    @Override
    protected OperatorRepository operators() {
        return operators;
    }
}
