package dev.steward.application.spi;

import dev.steward.application.stability.Stable;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Steward gives every provider when it connects, instead of Guice: the clock, how patient outgoing HTTP calls
 * are (connect and request timeouts; how many attempts a throttled or failing call gets; the longest wait between two,
 * a {@code Retry-After} beyond it failing at once as retryable), and the one rule for the base URLs a provider calls
 * with credentials ({@link #baseUrl}): https only, except loopback, or any http when the installation's administrator
 * allowed it ({@code plainHttpAllowed}, {@code STEWARD_INTEGRATIONS_ALLOW_HTTP}); and, when the installation says
 * where it is reached from outside ({@code publicUrl}, {@code STEWARD_PUBLIC_URL}), the URL a PSA delivers its
 * webhooks to ({@link #psaWebhookUrl}), so that a provider can register it with the PSA.
 */
@Stable
public record ProviderContext(Clock clock, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                              Duration maxRetryWait, boolean plainHttpAllowed, Optional<String> publicUrl) {

    /** The path under the public URL where an MSP's PSA of one kind delivers its webhooks (the web adapter's route). */
    public static final String PSA_WEBHOOK_PATH = "/hooks/psa/{mspId}/{kind}";

    public ProviderContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(publicUrl, "publicUrl");
        publicUrl = publicUrl.map(ProviderContext::checkedPublicUrl);
        positive("connectTimeout", connectTimeout);
        positive("requestTimeout", requestTimeout);
        Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1-10");
        }
    }

    /** A context without a public URL (webhooks are then not registered anywhere; PSAs are polled). */
    public ProviderContext(Clock clock, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                           Duration maxRetryWait, boolean plainHttpAllowed) {
        this(clock, connectTimeout, requestTimeout, maxAttempts, maxRetryWait, plainHttpAllowed, Optional.empty());
    }

    /** Ten seconds to connect, twenty per request, four attempts, at most a minute between two; https only. */
    public static ProviderContext defaults(Clock clock) {
        return new ProviderContext(clock, Duration.ofSeconds(10), Duration.ofSeconds(20), 4, Duration.ofSeconds(60),
                false);
    }

    /** The same context, with plain http to any host allowed or not (the installation's setting). */
    public ProviderContext withPlainHttpAllowed(boolean allowed) {
        return new ProviderContext(clock, connectTimeout, requestTimeout, maxAttempts, maxRetryWait, allowed,
                publicUrl);
    }

    /**
     * The same context, reached from outside at {@code url} ({@code STEWARD_PUBLIC_URL}) or not at all.
     *
     * @throws InvalidValue ({@code publicUrl.malformed}) unless an absolute http(s) URL with a host and no query
     */
    public ProviderContext withPublicUrl(Optional<String> url) {
        return new ProviderContext(clock, connectTimeout, requestTimeout, maxAttempts, maxRetryWait, plainHttpAllowed,
                url);
    }

    /**
     * Where the PSA of {@code kind} delivers the MSP's webhooks, {@code <publicUrl>/hooks/psa/<mspId>/<kind>}; empty
     * when the installation has no public URL (its PSAs are then polled only).
     */
    public Optional<String> psaWebhookUrl(MspId msp, String kind) {
        Objects.requireNonNull(msp, "msp");
        Objects.requireNonNull(kind, "kind");
        return publicUrl.map(base -> base + PSA_WEBHOOK_PATH.replace("{mspId}", msp.toString())
                .replace("{kind}", kind));
    }

    /**
     * An absolute http(s) URL with a host, no user info, query or fragment; a trailing slash is dropped, so that paths
     * can be appended.
     */
    private static String checkedPublicUrl(String given) {
        String url = given == null ? "" : given.strip();
        Matcher parts = URL.matcher(url);
        if (!parts.matches() || url.contains("?") || url.contains("@")) {
            throw InvalidValue.of("publicUrl", "malformed", "must be an absolute http or https URL such as "
                    + "https://steward.example.com (no query)");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * A base URL a provider will send credentials to, checked: an absolute {@code https} URL with a host and no user
     * info; {@code http} only to a loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}) unless
     * {@link #plainHttpAllowed}. Every provider checks its URLs here, so the rule is the same for all of them. (Read by
     * hand: the application ring has no {@code java.net}; the adapter turns the answer into its URL type.)
     *
     * @param field what the refusal names, e.g. {@code settings.apiBase}
     * @return the URL as given, without surrounding blanks
     * @throws InvalidValue ({@code <field>.malformed} or {@code <field>.insecure}) otherwise
     */
    public String baseUrl(String field, String text) {
        String url = text == null ? "" : text.strip();
        Matcher parts = URL.matcher(url);
        if (!parts.matches()) {
            throw InvalidValue.of(field, "malformed", "must be an https URL");
        }
        String scheme = parts.group(1).toLowerCase(Locale.ROOT);
        String host = parts.group(2).toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !plainHttpAllowed && !LOOPBACK.matcher(host).matches()) {
            throw InvalidValue.of(field, "insecure", "must be an https URL (plain http only to localhost, unless the "
                    + "installation allows it with STEWARD_INTEGRATIONS_ALLOW_HTTP=true)");
        }
        return url;
    }

    /** Scheme, host (a name, an IPv4 or a bracketed IPv6 address), optional port, then a path, query or nothing. */
    private static final Pattern URL = Pattern.compile(
            "(?i)(https?)://([a-z0-9._~-]+|\\[[0-9a-f:.]+])(?::[0-9]{1,5})?([/?][^\\s#]*)?");
    /** A loopback host written as such: no name is looked up, so no resolver can make a host "loopback". */
    private static final Pattern LOOPBACK = Pattern.compile(
            "localhost|\\[::1]|127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
