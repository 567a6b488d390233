package dev.steward.adapter.persistence;

import dev.steward.application.port.access.OperatorRepository;
import dev.steward.application.port.access.OperatorRepositoryContract;

class JdbiOperatorRepositoryIT extends OperatorRepositoryContract {

    private final JdbiOperatorRepository operators = new JdbiOperatorRepository(TestDatabase.stores().unitOfWork());

    @Override
    protected OperatorRepository operators() {
        return operators;
    }
}
