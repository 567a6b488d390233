package dev.steward.adapter.web;

import dev.steward.application.port.store.StoreHealth;
import java.util.Optional;

/** A store's health that a test sets: fine until told of a problem. */
public final class SwitchableStoreHealth implements StoreHealth {

    private volatile Optional<String> problem = Optional.empty();

    public void failWith(String what) {
        problem = Optional.of(what);
    }

    public void recover() {
        problem = Optional.empty();
    }

    @Override
    public Optional<String> problem() {
        return problem;
    }
}
