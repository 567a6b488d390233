package dev.steward.application.client;

import dev.steward.application.port.ClientRepository;
import dev.steward.application.port.MspRepository;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.util.Optional;

/** Loading by the keys callers hold (MSP + slug text), with the errors every use case reports the same way. */
public final class ClientLookup {

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

    /** @throws Conflict ({@code version.stale}) if the caller saw another version than the stored one */
    public static void checkExpectedVersion(String what, Optional<Long> expected, long actual) {
        if (expected.isPresent() && expected.get() != actual) {
            throw Conflict.staleVersion(what, expected.get(), actual);
        }
    }
}
