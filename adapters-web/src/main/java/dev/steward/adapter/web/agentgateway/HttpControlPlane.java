package dev.steward.adapter.web.agentgateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.application.agent.AgentConfiguration;
import dev.steward.application.port.ControlPlane;
import dev.steward.application.problem.PortFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The agent side of the agent API: what the {@code agent} command uses inside its container. */
public final class HttpControlPlane implements ControlPlane {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public HttpControlPlane(URI base, String token) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.token = token;
    }

    @Override
    public AgentConfiguration configuration() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("agent/v1/configuration")).GET());
        try {
            return json.readValue(response.body(), AgentConfigurationJson.class).toConfiguration();
        } catch (IOException | RuntimeException e) {
            throw PortFailure.retryable("control-plane", "unreadable configuration: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkIn(long configVersion) {
        try {
            send(HttpRequest.newBuilder(base.resolve("agent/v1/check-ins"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(new CheckInJson(configVersion)))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(TIMEOUT).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw PortFailure.retryable("control-plane", "control plane unreachable at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PortFailure.retryable("control-plane", "interrupted", e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw PortFailure.permanent("control-plane", "agent token refused (HTTP " + status + ")", null);
        }
        if (status >= 400) {
            throw PortFailure.retryable("control-plane", "HTTP " + status + " from the control plane", null);
        }
        return response;
    }
}
