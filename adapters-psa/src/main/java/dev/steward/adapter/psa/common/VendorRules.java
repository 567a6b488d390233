package dev.steward.adapter.psa.common;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * What one vendor's API does differently from the rules {@link PsaHttp} applies to every PSA: a request budget to
 * respect before each exchange, a failure status that means something else there (Autotask answers a wrong user name
 * with HTTP 500), and what a success tells (the credentials work).
 */
public interface VendorRules {

    /** Plain HTTP: no budget, statuses mean what they say. */
    VendorRules NONE = new VendorRules() {
    };

    /**
     * Called before every exchange, retries included (they count against a vendor's quota too).
     *
     * @throws dev.steward.application.problem.PortFailure (retryable) to refuse the exchange without sending it
     */
    default void beforeExchange(HttpRequest request) {
    }

    /** The failure this vendor means by {@code response}, when it differs from {@link PsaHttp}'s reading. */
    default Optional<RuntimeException> failure(HttpRequest request, HttpResponse<String> response) {
        return Optional.empty();
    }

    /** Called after a successful (2xx) answer. */
    default void succeeded(HttpRequest request) {
    }
}
