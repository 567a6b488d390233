package dev.steward.application.port.psa;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One webhook delivery as received: its headers (names in any case) and its raw body, byte for byte. */
public record WebhookDelivery(Map<String, String> headers, byte[] body) {

    public WebhookDelivery {
        headers = headers.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
        body = body.clone();
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookDelivery d && d.headers.equals(headers) && Arrays.equals(d.body, body);
    }

    @Override
    public int hashCode() {
        return headers.hashCode() * 31 + Arrays.hashCode(body);
    }

    /** Never prints header values (they carry signatures and credentials). */
    @Override
    public String toString() {
        return "WebhookDelivery[headers " + headers.keySet() + ", " + body.length + " bytes]";
    }
}
