package dev.steward.adapter.web.agentgateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.steward.application.agent.AgentWorkUseCase;
import dev.steward.application.agent.message.AgentConfiguration;
import dev.steward.application.agent.message.Assignment;
import dev.steward.application.agent.message.PostedNote;
import dev.steward.application.agent.message.SessionOutcome;
import dev.steward.application.agent.message.TicketPost;
import dev.steward.application.agent.message.ToolAnswer;
import dev.steward.application.agent.message.ToolPhase;
import dev.steward.application.agent.message.ToolRequest;
import dev.steward.application.port.ControlPlane;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent side of the agent API: what the {@code agent} command uses inside its container. Started with a one-time
 * bootstrap token ({@code stb_…}), it trades it for its session token at first contact and keeps that in
 * {@code sessionFile}, so an agent the engine restarts in the same container carries on with it; started with a
 * session token ({@code stw_…}, e.g. from a secret file) it uses that as it is.
 *
 * <p>Answers map onto the {@link ControlPlane} rules: 401/403 is {@link ControlPlane#REFUSED} (the agent stops);
 * another 4xx, or a 503 without {@code Retry-After}, is a permanent failure carrying the problem's detail; an
 * unreachable control plane and other 5xx are retryable. Calls that are safe to repeat — every effect is idempotent
 * by session and step — are retried for up to {@code patience} while the control plane cannot be reached (a
 * restart), so a session goes on across a control-plane restart instead of starting over.
 */
public final class HttpControlPlane implements ControlPlane {

    private static final Logger LOG = LoggerFactory.getLogger(HttpControlPlane.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MODEL_TIMEOUT = Duration.ofMinutes(11);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final String BOOTSTRAP_PREFIX = "stb_";

    private final URI base;
    private final String credential;
    private final Optional<Path> sessionFile;
    private final Duration patience;
    private final Supplier<Optional<ResourceUsage>> usage;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private volatile String session;

    public HttpControlPlane(URI base, String credential) {
        this(base, credential, Optional.empty());
    }

    /** @param sessionFile where the session token is kept once exchanged (readable by this user only) */
    public HttpControlPlane(URI base, String credential, Optional<Path> sessionFile) {
        this(base, credential, sessionFile, Duration.ofSeconds(20), Optional::empty);
    }

    /** @param patience how long an idempotent call keeps retrying while the control plane cannot be reached */
    public HttpControlPlane(URI base, String credential, Optional<Path> sessionFile, Duration patience) {
        this(base, credential, sessionFile, patience, Optional::empty);
    }

    /** @param usage what the agent measures itself using, sent with every check-in */
    public HttpControlPlane(URI base, String credential, Optional<Path> sessionFile, Duration patience,
                            Supplier<Optional<ResourceUsage>> usage) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.credential = credential;
        this.sessionFile = sessionFile;
        this.patience = patience;
        this.usage = usage;
        this.http = client(this.base);
    }

    /**
     * The JDK's client loads and parses the whole CA store when it is built (a quarter of the agent's start-up CPU),
     * even for a control plane it reaches over plain http. There it gets a TLS context that trusts nothing instead:
     * it is never used, and if it were, every handshake would fail rather than trust anyone.
     */
    static HttpClient client(URI base) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        if ("http".equals(base.getScheme())) {
            try {
                SSLContext trustsNothing = SSLContext.getInstance("TLS");
                trustsNothing.init(new KeyManager[0], new TrustManager[0], null);
                builder.sslContext(trustsNothing);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK offers no TLS context", e);
            }
        }
        return builder.build();
    }

    /** The session token: given, kept from before a restart, or exchanged for the bootstrap token now. */
    private String session() {
        if (session != null) {
            return session;
        }
        if (!credential.startsWith(BOOTSTRAP_PREFIX)) {
            return session = credential;
        }
        Optional<String> kept = sessionFile.filter(Files::isRegularFile).flatMap(HttpControlPlane::read);
        if (kept.isPresent()) {
            return session = kept.get();
        }
        HttpResponse<String> response = check(exchange(HttpRequest.newBuilder(base.resolve("agent/v1/sessions"))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + credential)
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
        String token;
        try {
            token = json.readTree(response.body()).path("token").asText("");
        } catch (IOException e) {
            throw PortFailure.retryable(PORT, "unreadable session answer: " + e.getMessage(), e);
        }
        if (token.isEmpty()) {
            throw PortFailure.retryable(PORT, "the control plane sent no session token", null);
        }
        sessionFile.ifPresent(file -> keep(file, token));
        return session = token;
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file).strip()).filter(text -> !text.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void keep(Path file, String token) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token);
        } catch (IOException | UnsupportedOperationException e) {
            // not fatal: only an engine restart of this very container would then need a new agent
            LOG.warn("cannot keep the session token in {}: {}", file, e.getMessage());
        }
    }

    @Override
    public AgentConfiguration configuration() {
        return read(send(get("agent/v1/configuration"), false), AgentConfigurationJson.class).toConfiguration();
    }

    @Override
    public void checkIn(long configVersion) {
        send(post("agent/v1/check-ins", CheckInJson.of(configVersion, usage.get()), TIMEOUT), false);
    }

    @Override
    public Optional<Assignment> take(UUID instance, Duration wait) {
        long millis = Math.max(0, Math.min(wait.toMillis(), AgentWorkUseCase.MAX_WAIT.toMillis()));
        HttpResponse<String> response = send(post("agent/v1/work/take", new TakeJson(instance, millis),
                TIMEOUT.plusMillis(millis)), false);
        return response.statusCode() == 204 ? Optional.empty()
                : Optional.of(read(response, AssignmentJson.class).toAssignment());
    }

    @Override
    public boolean renew(Assignment work) {
        // not retried here: the agent renews every third of the lease, and its renewals mark its turns
        return leaseHeld(send(post("agent/v1/work/" + work.work() + "/renew", new LeaseJson(work.lease()), TIMEOUT),
                false));
    }

    @Override
    public boolean complete(Assignment work, SessionOutcome outcome) {
        return leaseHeld(send(post("agent/v1/work/" + work.work() + "/complete", new CompleteJson(work.lease(),
                outcome.name().toLowerCase(Locale.ROOT)), TIMEOUT), true));
    }

    @Override
    public ToolAnswer callTool(UUID session, ToolRequest request) {
        ToolCallJson body = new ToolCallJson(request.step(), request.phase() == ToolPhase.DIAGNOSIS
                ? "diagnosis" : "execution", request.tool().value(), request.arguments().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                        e -> (JsonNode) json.getNodeFactory().textNode(e.getValue()))), request.reason(),
                request.approval().orElse(null));
        return read(send(post("agent/v1/sessions/" + session + "/tool-calls", body, TIMEOUT.multipliedBy(12)), true),
                ToolAnswerJson.class).toAnswer();
    }

    @Override
    public PostedNote post(UUID session, TicketPost post) {
        TicketPostJson body = new TicketPostJson(post.step(), post.kind().name().toLowerCase(Locale.ROOT)
                .replace('_', '-'), post.text(), post.planDigest());
        return read(send(post("agent/v1/sessions/" + session + "/posts", body, TIMEOUT.multipliedBy(6)), true),
                PostedNoteJson.class).toNote();
    }

    @Override
    public String model(UUID session, String request) {
        return send(HttpRequest.newBuilder(base.resolve("agent/v1/sessions/" + session + "/model"))
                .timeout(MODEL_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request)), true).body();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET();
    }

    private HttpRequest.Builder post(String path, Object body, Duration timeout) {
        try {
            return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    private static boolean leaseHeld(HttpResponse<String> response) {
        return response.statusCode() != 409;
    }

    private <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException | RuntimeException e) {
            throw PortFailure.retryable(PORT, "unreadable answer from the control plane: " + e.getMessage(), e);
        }
    }

    /** Sends; an idempotent call is retried with back-off while the control plane is unreachable or restarting. */
    private HttpResponse<String> send(HttpRequest.Builder request, boolean idempotent) {
        HttpRequest built = request.header("Authorization", "Bearer " + session()).build();
        long deadline = System.nanoTime() + patience.toNanos();
        Duration pause = FIRST_RETRY;
        while (true) {
            try {
                return check(exchange(built));
            } catch (PortFailure e) {
                if (!idempotent || !e.retryable() || System.nanoTime() + pause.toNanos() > deadline) {
                    throw e;
                }
                LOG.info("control plane unavailable ({}); retrying {} in {} ms", e.getMessage(), built.uri().getPath(),
                        pause.toMillis());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2)
                        : pause.multipliedBy(2);
            }
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw PortFailure.retryable(PORT, "control plane unreachable at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PortFailure.retryable(PORT, "interrupted", e);
        }
    }

    private HttpResponse<String> check(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw PortFailure.permanent(REFUSED, "agent token refused (HTTP " + status + ")", null);
        }
        if (status == 409 && response.uri().getPath().contains("/work/")) {
            return response; // a lost lease is an answer, not a failure
        }
        if (status >= 400) {
            boolean retryable = status >= 500 && (status != 503
                    || response.headers().firstValue("Retry-After").isPresent());
            throw new PortFailure(PORT, retryable, "HTTP " + status + " from the control plane: " + detail(response),
                    null);
        }
        return response;
    }

    private String detail(HttpResponse<String> response) {
        try {
            JsonNode problem = json.readTree(response.body());
            String detail = problem.path("detail").asText("");
            return detail.isBlank() ? problem.path("code").asText("no detail") : detail;
        } catch (IOException | RuntimeException notJson) {
            return "no detail";
        }
    }
}
