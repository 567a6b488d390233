package dev.steward.adapter.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.steward.application.problem.PortFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent image as Swarm services pin it: {@code STEWARD_AGENT_IMAGE} resolved <b>once</b> in its registry to
 * {@code name@sha256:…}, so every node runs the same bytes however the tag moves later, plus the platforms the image
 * is built for (they become the services' platform constraint). The lookup goes through the engine
 * ({@code GET /distribution/{name}/json}) with the registry credentials, as {@code docker service create} does.
 * A failed lookup is retried on the next call; a successful one is kept for the life of the process (a new image
 * needs a control-plane restart, after which the reconciler rolls it out one agent at a time).
 */
final class AgentImage {

    /** The pinned reference and the image's platforms ({@code {"Architecture":"amd64","OS":"linux"}}). */
    record Pinned(String reference, List<Map<String, String>> platforms) {
        Pinned {
            platforms = List.copyOf(platforms);
        }
    }

    private final EngineApi api;
    private final EngineCalls engine;
    private final DockerSettings settings;
    private volatile Pinned pinned;

    AgentImage(EngineApi api, EngineCalls engine, DockerSettings settings) {
        this.api = api;
        this.engine = engine;
        this.settings = settings;
    }

    /**
     * The pinned image, looked up now if it never was.
     *
     * @throws PortFailure permanent when the registry has no such image (the message names it), retryable when the
     *                     registry or the engine cannot be reached
     */
    Pinned pinned() {
        Pinned known = pinned;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (pinned == null) {
                pinned = resolve();
            }
            return pinned;
        }
    }

    /** The pinned image if it was resolved already; never calls the registry. */
    Optional<Pinned> ifResolved() {
        return Optional.ofNullable(pinned);
    }

    /** The {@code X-Registry-Auth} header for calls that make the engine pull, or none for an open registry. */
    Map<String, String> authHeaders() {
        return settings.registry()
                .map(credentials -> Map.of("X-Registry-Auth", credentials.header(ImageName.registry(settings.image()))))
                .orElse(Map.of());
    }

    private Pinned resolve() {
        String name = settings.image();
        String what = "look up agent image " + name + " in its registry";
        JsonNode found;
        try {
            found = engine.call(what, () -> api.get("/distribution/" + name + "/json", authHeaders()));
        } catch (PortFailure e) {
            if (e.getCause() instanceof NotFoundException) {
                throw PortFailure.permanent(EngineCalls.PORT, "image " + name + " not found in registry "
                        + ImageName.registry(name) + " (" + e.getCause().getMessage().strip() + "); push it there:"
                        + " adapters-docker/image/build-agent-image.sh --push", e.getCause());
            }
            throw e;
        }
        String digest = found.path("Descriptor").path("digest").asText("");
        if (!digest.startsWith("sha256:")) {
            throw PortFailure.retryable(EngineCalls.PORT, what + " gave no digest: " + found, null);
        }
        List<Map<String, String>> platforms = new ArrayList<>();
        for (JsonNode platform : found.path("Platforms")) {
            String architecture = platform.path("architecture").asText("");
            String os = platform.path("os").asText("");
            if (!architecture.isEmpty() && !os.isEmpty()) {
                platforms.add(Map.of("Architecture", architecture, "OS", os));
            }
        }
        return new Pinned(ImageName.withoutDigest(name) + "@" + digest, platforms);
    }
}
