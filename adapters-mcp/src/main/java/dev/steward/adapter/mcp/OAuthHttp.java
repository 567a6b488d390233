package dev.steward.adapter.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.ProviderContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plain HTTP an OAuth client speaks (metadata documents, registration, the token endpoint): JSON answers read
 * into maps, bounded in size, redirects never followed (a metadata URL that redirects elsewhere is not the
 * document), and a connection failure reported as retryable.
 */
final class OAuthHttp {

    /** An answer: its status, its JSON object (empty when it held none) and its headers. */
    record Answer(int status, Map<String, Object> json, java.net.http.HttpHeaders headers) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        Optional<String> text(String field) {
            return json.get(field) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
        }

        /** The OAuth error an authorization server answered with, e.g. {@code invalid_grant (code expired)}. */
        String error() {
            return text("error").map(OAuthHttp::printable).orElse("HTTP " + status)
                    + text("error_description").map(d -> " (" + printable(d) + ")").orElse("");
        }
    }

    private static final int MAX_BODY = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final ProviderContext context;

    OAuthHttp(ProviderContext context) {
        this.context = context;
        this.client = HttpClient.newBuilder().connectTimeout(context.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Answer get(URI uri) {
        return send(request(uri).GET().header("Accept", "application/json").build());
    }

    Answer postJson(URI uri, Map<String, Object> body) {
        try {
            return send(request(uri).header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is JSON", e);
        }
    }

    /** A form post, with the client's id and secret as HTTP Basic credentials when {@code basic} holds them. */
    Answer postForm(URI uri, Map<String, String> form, Optional<String[]> basic) {
        HttpRequest.Builder request = request(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        basic.ifPresent(idAndSecret -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (formEncoded(idAndSecret[0]) + ":" + formEncoded(idAndSecret[1])).getBytes(StandardCharsets.UTF_8))));
        return send(request.build());
    }

    /** Sends a request as an MCP client would, for the challenge a protected server answers with. */
    Answer send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw PortFailure.retryable("mcp", request.uri().getHost() + " could not be reached ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PortFailure.retryable("mcp", "interrupted while calling " + request.uri().getHost(), e);
        }
        return new Answer(response.statusCode(), json(response.body()), response.headers());
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> formEncoded(e.getKey()) + "=" + formEncoded(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String formEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String printable(String text) {
        String shown = text.replaceAll("\\p{Cntrl}", " ").strip();
        return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(context.requestTimeout());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_BODY) {
            return Map.of();
        }
        try {
            Object parsed = JSON.readValue(body, Object.class);
            return parsed instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : Map.of();
        } catch (IOException e) {
            return Map.of();
        }
    }
}
