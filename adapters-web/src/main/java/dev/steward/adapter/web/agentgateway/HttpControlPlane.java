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
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
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
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private volatile String session;
    private volatile boolean takesCarryCheckIns = true;

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

    /** @param usage what the agent measures itself using, sent with a check-in when it has a sample */
    public HttpControlPlane(URI base, String credential, Optional<Path> sessionFile, Duration patience,
                            Supplier<Optional<ResourceUsage>> usage) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.credential = credential;
        this.sessionFile = sessionFile;
        this.patience = patience;
        this.usage = usage;
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
        Response response = check(exchange(new Request("POST", base.resolve("agent/v1/sessions"), "", TIMEOUT,
                credential)));
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
    public OptionalLong checkIn(long configVersion) {
        Response response = send(post("agent/v1/check-ins", CheckInJson.of(configVersion, usage.get()),
                TIMEOUT), false);
        if (response.status() != 200) {
            return OptionalLong.empty(); // a control plane older than the agent answers 204
        }
        JsonNode latest = readTree(response).path("configVersion");
        return latest.isIntegralNumber() ? OptionalLong.of(latest.asLong()) : OptionalLong.empty();
    }

    @Override
    public Optional<Assignment> take(UUID instance, Duration wait) {
        long millis = waitMillis(wait);
        return work(send(post("agent/v1/work/take", new TakeJson(instance, millis), TIMEOUT.plusMillis(millis)),
                false));
    }

    /**
     * One request: the take carries the check-in, and the answer's {@code Steward-Config-Version} header the version
     * the control plane holds. A control plane older than the agent refuses the unknown {@code checkIn} field (422
     * {@code body.unknown-field}); from then on this agent checks in on its own route.
     */
    @Override
    public Heartbeat checkInAndTake(UUID instance, Duration wait, long configVersion) {
        if (!takesCarryCheckIns) {
            return ControlPlane.super.checkInAndTake(instance, wait, configVersion);
        }
        long millis = waitMillis(wait);
        Request request = authorized(post("agent/v1/work/take", new TakeJson(instance, millis,
                CheckInJson.of(configVersion, usage.get())), TIMEOUT.plusMillis(millis)));
        Response response = exchange(request);
        if (response.status() == 422 && "body.unknown-field".equals(readTree(response).path("code").asText())) {
            LOG.info("the control plane does not take check-ins with a take; checking in on its own route");
            takesCarryCheckIns = false;
            return ControlPlane.super.checkInAndTake(instance, wait, configVersion);
        }
        check(response);
        OptionalLong latest = response.header(AgentGatewayRoutes.CONFIG_VERSION_HEADER)
                .flatMap(HttpControlPlane::parseLong).map(OptionalLong::of).orElseGet(OptionalLong::empty);
        return new Heartbeat(latest, work(response));
    }

    private static long waitMillis(Duration wait) {
        return Math.max(0, Math.min(wait.toMillis(), AgentWorkUseCase.MAX_WAIT.toMillis()));
    }

    private Optional<Assignment> work(Response response) {
        return response.status() == 204 ? Optional.empty()
                : Optional.of(read(response, AssignmentJson.class).toAssignment());
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private JsonNode readTree(Response response) {
        try {
            return json.readTree(response.body());
        } catch (IOException | RuntimeException e) {
            return json.missingNode();
        }
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
                .replace('_', '-'), post.text(), post.planDigest(),
                post.workflows().stream().map(TicketPostJson.AppliedWorkflowJson::from).toList());
        return read(send(post("agent/v1/sessions/" + session + "/posts", body, TIMEOUT.multipliedBy(6)), true),
                PostedNoteJson.class).toNote();
    }

    @Override
    public String model(UUID session, String request) {
        return send(new Request("POST", base.resolve("agent/v1/sessions/" + session + "/model"), request,
                MODEL_TIMEOUT, null), true).body();
    }

    private Request get(String path) {
        return new Request("GET", base.resolve(path), null, TIMEOUT, null);
    }

    private Request post(String path, Object body, Duration timeout) {
        try {
            return new Request("POST", base.resolve(path), json.writeValueAsString(body), timeout, null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    private static boolean leaseHeld(Response response) {
        return response.status() != 409;
    }

    private <T> T read(Response response, Class<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException | RuntimeException e) {
            throw PortFailure.retryable(PORT, "unreadable answer from the control plane: " + e.getMessage(), e);
        }
    }

    private Request authorized(Request request) {
        return new Request(request.method(), request.uri(), request.body(), request.timeout(), session());
    }

    /** Sends; an idempotent call is retried with back-off while the control plane is unreachable or restarting. */
    private Response send(Request request, boolean idempotent) {
        Request built = authorized(request);
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

    /**
     * One exchange over {@link HttpURLConnection}: a plain blocking socket per agent, kept alive between requests, no
     * selector thread, and no CA store unless the control plane is reached over https. Measured against the JDK's
     * {@code HttpClient} in the agent image: 0.8 instead of 2.0 ms of CPU per request (docs/benchmarks.md).
     */
    private Response exchange(Request request) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) request.uri().toURL().openConnection();
            connection.setConnectTimeout((int) TIMEOUT.toMillis());
            connection.setReadTimeout((int) request.timeout().toMillis());
            connection.setUseCaches(false);
            connection.setRequestMethod(request.method());
            connection.setRequestProperty("Accept", "application/json");
            if (request.bearer() != null) {
                connection.setRequestProperty("Authorization", "Bearer " + request.bearer());
            }
            if (request.body() != null) {
                byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                connection.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            // read to the end and close, so that the connection goes back to the keep-alive cache
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Response(request.uri(), status, text, connection.getHeaderFields());
            }
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw PortFailure.retryable(PORT, "interrupted", e);
            }
            throw PortFailure.retryable(PORT, "control plane unreachable at " + base + ": " + e, e);
        }
    }

    private Response check(Response response) {
        int status = response.status();
        if (status == 401 || status == 403) {
            throw PortFailure.permanent(REFUSED, "agent token refused (HTTP " + status + ")", null);
        }
        if (status == 409 && response.uri().getPath().contains("/work/")) {
            return response; // a lost lease is an answer, not a failure
        }
        if (status >= 400) {
            boolean retryable = status >= 500 && (status != 503 || response.header("Retry-After").isPresent());
            throw new PortFailure(PORT, retryable, "HTTP " + status + " from the control plane: " + detail(response),
                    null);
        }
        return response;
    }

    private String detail(Response response) {
        try {
            JsonNode problem = json.readTree(response.body());
            String detail = problem.path("detail").asText("");
            return detail.isBlank() ? problem.path("code").asText("no detail") : detail;
        } catch (IOException | RuntimeException notJson) {
            return "no detail";
        }
    }

    /** One request as this client sends it; {@code body} null for none, {@code bearer} null until authorized. */
    private record Request(String method, URI uri, String body, Duration timeout, String bearer) {}

    /** One answer: its status, its body (a 4xx/5xx's error body), and its headers. */
    private record Response(URI uri, int status, String body, Map<String, List<String>> headers) {

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().getFirst()).findFirst();
        }
    }
}
