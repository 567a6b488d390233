package dev.steward.application.client;

import dev.steward.application.port.client.ClientQuery;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Pushes a new configuration to every live client of an MSP that an MSP-wide change affects (the default mode, the
 * MSP prompt). The reconciler saves clients all the time without asking the services, so a client saved between
 * the page read and its update is read again and reconfigured, rather than failing the whole change with a
 * "reload and try again" the technician could do nothing about.
 */
public final class ClientReconfiguration {

    private static final int ATTEMPTS = 5;

    private ClientReconfiguration() {
    }

    /** Reconfigures the MSP's live clients that {@code affected} selects; @return how many */
    public static int reconfigureLive(ClientRepository clients, MspId msp, Predicate<Client> affected, String what,
                                      Instant at) {
        int count = 0;
        Optional<Slug> after = Optional.empty();
        while (true) {
            List<Client> page = clients.list(new ClientQuery(msp, Optional.empty(), Optional.empty(), after,
                    ClientQuery.MAX_LIMIT));
            for (Client client : page) {
                count += reconfigureLatest(clients, client, affected, what, at) ? 1 : 0;
            }
            if (page.size() < ClientQuery.MAX_LIMIT) {
                return count;
            }
            after = Optional.of(page.getLast().slug());
        }
    }

    private static boolean reconfigureLatest(ClientRepository clients, Client listed, Predicate<Client> affected,
                                             String what, Instant at) {
        Client client = listed;
        for (int attempt = 1; ; attempt++) {
            if (client.isDestroyed() || !affected.test(client)) {
                return false;
            }
            try {
                clients.update(client.reconfigured(what, at));
                return true;
            } catch (Conflict stale) {
                if (attempt == ATTEMPTS) {
                    throw stale;
                }
                client = clients.find(client.id()).orElseThrow(() -> stale);
            }
        }
    }
}
