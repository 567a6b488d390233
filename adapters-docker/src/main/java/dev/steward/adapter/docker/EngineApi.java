package dev.steward.adapter.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The engine calls docker-java does not model, made on its HTTP transport: the registry lookup of an image
 * ({@code GET /distribution/{name}/json}) and service create/update carrying the {@code X-Registry-Auth} header and
 * {@code Placement.Platforms}. Failures are docker-java's exceptions, so {@link EngineCalls} translates them like
 * any other engine call.
 */
final class EngineApi {

    private final DockerHttpClient http;
    private final ObjectMapper json = DockerClientConfig.getDefaultObjectMapper();

    EngineApi(String host) {
        this.http = DockerClients.http(host);
    }

    ObjectMapper json() {
        return json;
    }

    JsonNode get(String path, Map<String, String> headers) {
        return send(Request.builder().method(Request.Method.GET).path(path).headers(headers).build());
    }

    JsonNode post(String path, Object body, Map<String, String> headers) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the request to " + path, e);
        }
        return send(Request.builder().method(Request.Method.POST).path(path).headers(headers)
                .putHeader("Content-Type", "application/json").bodyBytes(bytes).build());
    }

    private JsonNode send(Request request) {
        try (Response response = http.execute(request)) {
            byte[] body = response.getBody() == null ? new byte[0] : response.getBody().readAllBytes();
            int status = response.getStatusCode();
            if (status >= 400) {
                throw failure(status, new String(body, StandardCharsets.UTF_8).strip());
            }
            return body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DockerException failure(int status, String body) {
        return switch (status) {
            case 400 -> new BadRequestException(body);
            case 404 -> new NotFoundException(body);
            case 409 -> new ConflictException(body);
            case 500 -> new InternalServerErrorException(body);
            default -> new DockerException(body, status);
        };
    }
}
