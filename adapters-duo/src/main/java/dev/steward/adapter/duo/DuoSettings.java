package dev.steward.adapter.duo;

import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Duo Auth API application's values: its API host ({@code api-XXXXXXXX.duosecurity.com}; a full
 * {@code http(s)://host:port} base is accepted for proxies and test stubs), integration key, secret key, how a
 * requester is matched to a Duo user name ({@code email} as given, or its {@code localpart} before the {@code @}) and
 * how long to wait for the requester to answer a push. Every problem names its field, never its value.
 */
record DuoSettings(URI base, String integrationKey, byte[] secretKey, UsernameFrom usernameFrom,
                   Duration pushTimeout) {

    enum UsernameFrom { EMAIL, LOCALPART }

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,250}[A-Za-z0-9])?(:[0-9]{1,5})?");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]{10,40}");

    DuoSettings {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(integrationKey, "integrationKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(usernameFrom, "usernameFrom");
        Objects.requireNonNull(pushTimeout, "pushTimeout");
    }

    static DuoSettings from(Map<String, String> values) {
        return new DuoSettings(base(required(values, "apiHost", "settings.")),
                key(required(values, "integrationKey", "settings.")),
                required(values, "secretKey", "secrets.").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                usernameFrom(Optional.ofNullable(values.get("usernameFrom")).map(String::strip).orElse("email")),
                pushTimeout(Optional.ofNullable(values.get("pushTimeoutSeconds")).map(String::strip).orElse("60")));
    }

    /** The host the signature names: host[:port] of the base, lower case. */
    String host() {
        return base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
    }

    /** The Duo user name for a requester. */
    String username(String requester) {
        String who = requester.strip();
        return usernameFrom == UsernameFrom.LOCALPART && who.contains("@") ? who.substring(0, who.indexOf('@')) : who;
    }

    private static String required(Map<String, String> values, String key, String prefix) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw InvalidValue.of(prefix + key, "required", "is required");
        }
        return value.strip();
    }

    private static URI base(String apiHost) {
        if (apiHost.startsWith("http://") || apiHost.startsWith("https://")) {
            try {
                URI uri = URI.create(apiHost);
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
                return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
            } catch (IllegalArgumentException e) {
                throw InvalidValue.of("settings.apiHost", "malformed", "must be a host such as "
                        + "api-XXXXXXXX.duosecurity.com or an http(s) URL");
            }
        }
        if (!HOST.matcher(apiHost).matches()) {
            throw InvalidValue.of("settings.apiHost", "malformed", "must be a host such as "
                    + "api-XXXXXXXX.duosecurity.com");
        }
        return URI.create("https://" + apiHost);
    }

    private static String key(String integrationKey) {
        if (!KEY.matcher(integrationKey).matches()) {
            throw InvalidValue.of("settings.integrationKey", "malformed", "must be 10-40 letters and digits, "
                    + "e.g. DIWJ8X6AEYOR5OMC6TQ1");
        }
        return integrationKey;
    }

    private static UsernameFrom usernameFrom(String text) {
        return switch (text) {
            case "email" -> UsernameFrom.EMAIL;
            case "localpart" -> UsernameFrom.LOCALPART;
            default -> throw InvalidValue.of("settings.usernameFrom", "unknown", "must be email or localpart");
        };
    }

    private static Duration pushTimeout(String text) {
        try {
            int seconds = Integer.parseInt(text);
            if (seconds < 1 || seconds > 300) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw InvalidValue.of("settings.pushTimeoutSeconds", "out-of-range", "must be a whole number 1-300");
        }
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "DuoSettings[" + base + ", integrationKey " + integrationKey + "]";
    }
}
