package dev.steward.adapter.duo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Duo's request signature, version 2 (THIRD-PARTY-APIS-2.md §3): the canonical string is the {@code Date} header
 * (RFC 2822), the upper-case method, the lower-case host, the path and the parameters sorted by name, each
 * {@code name=value} percent-encoded (spaces as {@code %20}, only {@code A-Z a-z 0-9 - . _ ~} left as they are) and
 * joined by {@code &}; the five joined by newlines, signed with HMAC-SHA512 under the secret key, sent as
 * {@code Authorization: Basic base64(ikey:hex(signature))}. A POST sends the same parameter string as its
 * form-encoded body.
 */
final class DuoSigner {

    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '-0000'",
            Locale.US);

    private DuoSigner() {
    }

    static String date(ZonedDateTime at) {
        return RFC_2822.format(at.withZoneSameInstant(ZoneOffset.UTC));
    }

    /** The parameters as Duo canonicalises them; also the body of a POST. */
    static String parameters(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String canonical(String date, String method, String host, String path, Map<String, String> params) {
        return String.join("\n", date, method.toUpperCase(Locale.ROOT), host.toLowerCase(Locale.ROOT), path,
                parameters(params));
    }

    static String authorization(String integrationKey, byte[] secretKey, String canonical) {
        String signature = HexFormat.of().formatHex(hmacSha512(secretKey, canonical));
        return "Basic " + Base64.getEncoder().encodeToString((integrationKey + ":" + signature)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 3986 percent-encoding of UTF-8, as Python's {@code quote(value, '~')} does it. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static byte[] hmacSha512(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA512 is part of every JDK", e);
        }
    }
}
