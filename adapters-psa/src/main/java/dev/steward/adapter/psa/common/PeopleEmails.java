package dev.steward.adapter.psa.common;

import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * E-mail addresses of a PSA's people (members, agents, resources) by id, each looked up once. Someone the API will
 * not show (gone, or the API user may not read people) has none — their notes still read, only without an address;
 * a failure that may pass is thrown, so the read is tried again later.
 */
public final class PeopleEmails {

    private final Map<String, String> known = new ConcurrentHashMap<>();
    private final Function<String, String> lookUp;

    /** @param lookUp reads one person's address from the PSA (empty when it has none) */
    public PeopleEmails(Function<String, String> lookUp) {
        this.lookUp = lookUp;
    }

    public String of(String personId) {
        String cached = known.get(personId);
        if (cached != null) {
            return cached;
        }
        String email;
        try {
            email = lookUp.apply(personId);
        } catch (NotFound e) {
            email = "";
        } catch (PortFailure e) {
            if (e.retryable()) {
                throw e;
            }
            email = "";
        }
        known.put(personId, email == null ? "" : email.strip());
        return known.get(personId);
    }
}
