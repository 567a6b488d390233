package dev.steward.adapter.duo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Duo's Auth API v2 in memory (THIRD-PARTY-APIS-2.md §3), written apart from the adapter's signer: every request must
 * carry a {@code Date} within five minutes and {@code Authorization: Basic ikey:hex(HMAC-SHA512)} over the canonical
 * string as Duo builds it (parameters decoded, sorted, re-encoded with {@code %20}), or it is refused with 401 and
 * code 40103, as Duo does. Users answer pushes as the test says: allow, deny, time out, wait forever; or they are not
 * enrolled, have no device that takes pushes, may bypass, or are locked out.
 */
public final class FakeDuo implements ResponseDefinitionTransformerV2 {

    public static final String IKEY = "DIWJ8X6AEYOR5OMC6TQ1";
    public static final String SKEY = "Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep";

    public enum Behaviour { ALLOW, DENY, TIMEOUT, WAIT_FOREVER, NOT_ENROLLED, NO_PUSH_DEVICE, BYPASS, LOCKED_OUT }

    /** One push the stub received: to whom, and what the pushinfo said. */
    public record Push(String username, String pushinfo) {}

    private final Map<String, Behaviour> users = new ConcurrentHashMap<>();
    private final Map<String, String> transactions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final List<Push> pushes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger throttle = new AtomicInteger();
    private final AtomicInteger signedRequests = new AtomicInteger();

    @Override
    public String getName() {
        return "fake-duo";
    }

    public void user(String username, Behaviour behaviour) {
        users.put(username, behaviour);
    }

    /** The next {@code times} requests are answered 429. */
    public void throttleNext(int times) {
        throttle.set(times);
    }

    public List<Push> pushes() {
        return List.copyOf(pushes);
    }

    /** Why each refused request was refused. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    public int signedRequests() {
        return signedRequests.get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = request.getUrl().replaceFirst("\\?.*$", "");
        Map<String, String> params = params(request);
        String problem = signatureProblem(request, path, params);
        if (problem != null) {
            refused.add(problem);
            return fail(401, problem.startsWith("integration key") ? 40102 : 40103,
                    problem.startsWith("integration key") ? "Invalid integration key in request credentials"
                            : "Invalid signature in request credentials");
        }
        signedRequests.incrementAndGet();
        if (throttle.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new ResponseDefinitionBuilder().withStatus(429).withHeader("Content-Type", "application/json")
                    .withBody("{\"stat\":\"FAIL\",\"code\":42901,\"message\":\"Too Many Requests\"}").build();
        }
        String method = request.getMethod().getName();
        return switch (method + " " + path) {
            case "GET /auth/v2/check" -> ok("{\"time\":" + Instant.now().getEpochSecond() + "}");
            case "POST /auth/v2/preauth" -> preauth(params);
            case "POST /auth/v2/auth" -> auth(params);
            case "GET /auth/v2/auth_status" -> status(params);
            default -> fail(404, 40401, "Resource not found");
        };
    }

    private ResponseDefinition preauth(Map<String, String> params) {
        Behaviour behaviour = users.get(params.getOrDefault("username", ""));
        if (behaviour == null) {
            return fail(400, 40002, "Invalid request parameters", "username");
        }
        return switch (behaviour) {
            case NOT_ENROLLED -> ok("{\"result\":\"enroll\",\"status_msg\":\"Enroll an authentication device.\","
                    + "\"enroll_portal_url\":\"https://api-xxxxxxxx.duosecurity.com/portal?12345\"}");
            case BYPASS -> ok("{\"result\":\"allow\",\"status_msg\":\"Allowing unknown user\"}");
            case LOCKED_OUT -> ok("{\"result\":\"deny\",\"status_msg\":\"Your account is disabled.\"}");
            case NO_PUSH_DEVICE -> ok("{\"result\":\"auth\",\"status_msg\":\"Account is active\",\"devices\":"
                    + "[{\"device\":\"DPFZRS9FB0D46QFTM890\",\"type\":\"phone\",\"number\":\"XXX-XXX-0100\","
                    + "\"capabilities\":[\"sms\",\"phone\"]}]}");
            default -> ok("{\"result\":\"auth\",\"status_msg\":\"Account is active\",\"devices\":"
                    + "[{\"device\":\"DPFZRS9FB0D46QFTM891\",\"type\":\"phone\",\"number\":\"XXX-XXX-0100\","
                    + "\"name\":\"\",\"capabilities\":[\"auto\",\"push\",\"sms\",\"phone\",\"mobile_otp\"]}]}");
        };
    }

    private ResponseDefinition auth(Map<String, String> params) {
        String username = params.getOrDefault("username", "");
        if (!users.containsKey(username) || !"push".equals(params.get("factor")) || !"1".equals(params.get("async"))
                || !params.containsKey("device")) {
            return fail(400, 40002, "Invalid request parameters", "factor, device, async or username");
        }
        String txid = UUID.randomUUID().toString();
        transactions.put(txid, username);
        polls.put(txid, new AtomicInteger());
        pushes.add(new Push(username, params.getOrDefault("pushinfo", "")));
        return ok("{\"txid\":\"" + txid + "\"}");
    }

    private ResponseDefinition status(Map<String, String> params) {
        String username = transactions.get(params.getOrDefault("txid", ""));
        if (username == null) {
            return fail(400, 40002, "Invalid request parameters", "txid");
        }
        int poll = polls.get(params.get("txid")).incrementAndGet();
        String waiting = "{\"result\":\"waiting\",\"status\":\"pushed\",\"status_msg\":\"Pushed a login request "
                + "to your phone...\"}";
        if (poll == 1) {
            return ok(waiting);
        }
        return switch (users.get(username)) {
            case ALLOW -> ok("{\"result\":\"allow\",\"status\":\"allow\",\"status_msg\":\"Success. Logging you "
                    + "in...\"}");
            case DENY -> ok("{\"result\":\"deny\",\"status\":\"deny\",\"status_msg\":\"Login request denied.\"}");
            case TIMEOUT -> ok("{\"result\":\"deny\",\"status\":\"timeout\",\"status_msg\":\"Login timed out.\"}");
            default -> ok(waiting);
        };
    }

    /** Null when the request is signed as Duo requires; otherwise why not. */
    private static String signatureProblem(Request request, String path, Map<String, String> params) {
        String date = request.getHeader("Date");
        String authorization = request.getHeader("Authorization");
        if (date == null || authorization == null || !authorization.startsWith("Basic ")) {
            return "missing Date or Basic Authorization";
        }
        try {
            Instant sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(java.util.Locale.US))
                    .toInstant();
            if (Duration.between(sent, Instant.now()).abs().compareTo(Duration.ofMinutes(5)) > 0) {
                return "Date too far from now";
            }
        } catch (RuntimeException e) {
            return "Date not RFC 2822: " + date;
        }
        String credentials = new String(Base64.getDecoder().decode(authorization.substring(6)),
                StandardCharsets.UTF_8);
        int colon = credentials.indexOf(':');
        if (colon < 0 || !credentials.substring(0, colon).equals(IKEY)) {
            return "integration key unknown";
        }
        if (request.getMethod().getName().equals("POST")
                && !String.valueOf(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded")) {
            return "POST body not form-encoded";
        }
        String canonical = String.join("\n", date, request.getMethod().getName().toUpperCase(),
                authority(request).toLowerCase(), path, canonicalParams(params));
        String expected = HexFormat.of().formatHex(hmac(canonical));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                credentials.substring(colon + 1).getBytes(StandardCharsets.US_ASCII)) ? null : "signature mismatch";
    }

    /** The host the request was sent to (Host header, or :authority over HTTP/2), with a non-default port. */
    private static String authority(Request request) {
        boolean defaultPort = request.getPort() == 443 || request.getPort() == 80 || request.getPort() <= 0;
        return request.getHost() + (defaultPort ? "" : ":" + request.getPort());
    }

    /** The parameters as sent: query string for GET, form body for POST; each decoded once. */
    private static Map<String, String> params(Request request) {
        String raw = request.getMethod().getName().equals("POST") ? request.getBodyAsString()
                : request.getUrl().contains("?") ? request.getUrl().substring(request.getUrl().indexOf('?') + 1) : "";
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(percentDecode(eq < 0 ? pair : pair.substring(0, eq)),
                    eq < 0 ? "" : percentDecode(pair.substring(eq + 1)));
        }
        return params;
    }

    private static String canonicalParams(Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(params).forEach((k, v) -> pairs.add(percentEncode(k) + "=" + percentEncode(v)));
        return String.join("&", pairs);
    }

    private static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            out.append(unreserved ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
        }
        return out.toString();
    }

    private static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(SKEY.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseDefinition ok(String response) {
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"stat\":\"OK\",\"response\":" + response + "}").build();
    }

    private static ResponseDefinition fail(int status, int code, String message) {
        return fail(status, code, message, null);
    }

    private static ResponseDefinition fail(int status, int code, String message, String detail) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"stat\":\"FAIL\",\"code\":" + code + ",\"message\":\"" + message + "\""
                        + (detail == null ? "" : ",\"message_detail\":\"" + detail + "\"") + "}").build();
    }
}
