package dev.steward.adapter.duo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.IdentityVerifier;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.verification.IdentityVerification.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connected Duo Auth API application. It offers no tools, only identity verification: preauth (is the requester a
 * Duo user with a device that takes pushes?), a push sent asynchronously, then {@code auth_status} polled until the
 * requester answers or the push times out. Nothing of the push (device, transaction id, message) leaves this class.
 */
final class DuoConnection implements IntegrationConnection, IdentityVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(DuoConnection.class);
    /** auth_status long-polls; a request may take this long on its own. */
    private static final Duration LONG_POLL = Duration.ofSeconds(35);

    private final DuoSettings settings;
    private final DuoClient client;
    private final Clock clock;

    DuoConnection(DuoSettings settings, DuoClient client, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public List<Tool> tools() {
        return List.of();
    }

    @Override
    public ToolResult execute(ToolCall call) {
        throw new NotFound("tool", call.tool().value());
    }

    @Override
    public Optional<IdentityVerifier> identityVerifier() {
        return Optional.of(this);
    }

    @Override
    public Result verify(String requester, String context) {
        String username = settings.username(requester);
        Optional<Result> early = preauth(username);
        if (early.isPresent()) {
            return early.get();
        }
        Map<String, String> push = new LinkedHashMap<>();
        push.put("username", username);
        push.put("factor", "push");
        push.put("device", "auto");
        push.put("async", "1");
        push.put("type", "Steward");
        push.put("pushinfo", "request=" + DuoSigner.encode(context));
        String txid = text(client.post("/auth/v2/auth", push), "txid");
        Instant deadline = clock.instant().plus(settings.pushTimeout());
        while (true) {
            JsonNode status = client.get("/auth/v2/auth_status", Map.of("txid", txid), LONG_POLL);
            String result = status.path("result").asText("");
            switch (result) {
                case "allow" -> {
                    return Result.VERIFIED;
                }
                case "deny" -> {
                    return status.path("status").asText("").equals("timeout") ? Result.TIMED_OUT : Result.DENIED;
                }
                case "waiting" -> {
                    if (!clock.instant().isBefore(deadline)) {
                        return Result.TIMED_OUT;
                    }
                }
                default -> throw PortFailure.permanent(DuoClient.PORT, "Duo answered auth_status with result '"
                        + result + "'", null);
            }
        }
    }

    /** Empty when a push can be sent; otherwise the outcome without one. */
    private Optional<Result> preauth(String username) {
        JsonNode answer;
        try {
            answer = client.post("/auth/v2/preauth", Map.of("username", username));
        } catch (DuoClient.Fail fail) {
            if (fail.status() == 400) {
                LOG.info("Duo does not know the requester as a user ({})", fail.code());
                return Optional.of(Result.NOT_ENROLLED);
            }
            throw PortFailure.permanent(DuoClient.PORT, fail.getMessage(), null);
        }
        return switch (answer.path("result").asText("")) {
            case "auth" -> {
                boolean canPush = StreamSupport.stream(answer.path("devices").spliterator(), false)
                        .anyMatch(d -> StreamSupport.stream(d.path("capabilities").spliterator(), false)
                                .anyMatch(c -> c.asText().equals("push")));
                yield canPush ? Optional.empty() : Optional.of(Result.NOT_ENROLLED);
            }
            case "deny" -> Optional.of(Result.DENIED);
            case "enroll" -> Optional.of(Result.NOT_ENROLLED);
            // "allow": Duo lets this user skip two-factor, so nothing would verify them
            case "allow" -> {
                LOG.info("Duo lets the requester bypass two-factor; no push is sent");
                yield Optional.of(Result.NOT_ENROLLED);
            }
            default -> throw PortFailure.permanent(DuoClient.PORT, "Duo answered preauth with result '"
                    + answer.path("result").asText("") + "'", null);
        };
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw PortFailure.permanent(DuoClient.PORT, "Duo's answer has no " + field, null);
        }
        return value;
    }

    @Override
    public String toString() {
        return "DuoConnection[" + settings + "]";
    }
}
