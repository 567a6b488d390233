package dev.steward.application.health;

import dev.steward.application.port.store.StoreHealth;
import jakarta.inject.Inject;

public final class CheckReadinessService implements CheckReadinessUseCase {

    private final StoreHealth store;

    @Inject
    public CheckReadinessService(StoreHealth store) {
        this.store = store;
    }

    @Override
    public Readiness check() {
        return new Readiness(store.problem().stream().toList());
    }
}
