package dev.steward.application.port.store;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.stability.Stable;
import java.util.function.Supplier;

/**
 * One transaction per use case. Everything the work does through repositories commits together or not at all;
 * claims taken inside ({@link ClientRepository#claim}) are released when it ends. A nested call joins the
 * transaction already open on this thread.
 */
@Stable
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
