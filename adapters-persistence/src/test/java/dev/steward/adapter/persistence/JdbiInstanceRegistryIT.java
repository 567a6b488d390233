package dev.steward.adapter.persistence;

import dev.steward.application.port.runtime.InstanceRegistry;
import dev.steward.application.port.runtime.InstanceRegistryContract;

class JdbiInstanceRegistryIT extends InstanceRegistryContract {

    private final JdbiInstanceRegistry registry = new JdbiInstanceRegistry(TestDatabase.stores().unitOfWork());

    @Override
    protected InstanceRegistry registry() {
        return registry;
    }
}
