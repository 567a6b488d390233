package dev.steward.application.inmemory;

import dev.steward.application.port.runtime.InstanceRegistry;
import dev.steward.application.port.runtime.InstanceRegistryContract;
import java.time.Clock;

class InMemoryInstanceRegistryTest extends InstanceRegistryContract {

    private final InMemoryInstanceRegistry registry = new InMemoryInstanceRegistry(Clock.systemUTC());

    @Override
    protected InstanceRegistry registry() {
        return registry;
    }
}
