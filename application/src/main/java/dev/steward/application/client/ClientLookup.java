package dev.steward.application.client;

import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Loading by the keys callers hold (MSP + slug text), with the errors every use case reports the same way. */
public final class ClientLookup {

    private static final int SAVE_ATTEMPTS = 5;

    private ClientLookup() {
    }

    /** @throws NotFound if the MSP has no such client (a malformed slug cannot name one either) */
    public static Client require(ClientRepository clients, MspId msp, String slug) {
        Slug parsed;
        try {
            parsed = Slug.of(slug);
        } catch (InvalidValue e) {
            throw new NotFound("client", String.valueOf(slug));
        }
        return clients.find(msp, parsed).orElseThrow(() -> new NotFound("client", slug));
    }

    public static Msp requireMsp(MspRepository msps, MspId msp) {
        return msps.find(msp).orElseThrow(() -> new NotFound("msp", msp.toString()));
    }

    /**
     * Loads the client, applies {@code change} and saves the result (nothing is saved when {@code change} returns the
     * same instance). A caller that pinned {@code expectedVersion} gets a {@link Conflict} when the client moved on;
     * one that did not is not failed by a save it never saw (typically the reconciler's, which saves clients without
     * asking the services): the client is read again and the change applied to the new state.
     *
     * @return the client as stored afterwards
     * @throws NotFound if the MSP has no such client
     * @throws Conflict ({@code version.stale}) if {@code expectedVersion} is not the stored version
     */
    public static Client change(ClientRepository clients, MspId msp, String slug, Optional<Long> expectedVersion,
                                UnaryOperator<Client> change) {
        for (int attempt = 1; ; attempt++) {
            Client client = require(clients, msp, slug);
            checkExpectedVersion("client " + client.slug(), expectedVersion, client.version());
            Client changed = change.apply(client);
            if (changed == client) {
                return client;
            }
            try {
                return clients.update(changed);
            } catch (Conflict stale) {
                if (expectedVersion.isPresent() || attempt == SAVE_ATTEMPTS) {
                    throw stale;
                }
            }
        }
    }

    /** @throws Conflict ({@code version.stale}) if the caller saw another version than the stored one */
    public static void checkExpectedVersion(String what, Optional<Long> expected, long actual) {
        if (expected.isPresent() && expected.get() != actual) {
            throw Conflict.staleVersion(what, expected.get(), actual);
        }
    }
}
