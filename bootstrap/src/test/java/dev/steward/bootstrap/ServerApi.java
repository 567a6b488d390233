package dev.steward.bootstrap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON requests to a running server's HTTP API, for the end-to-end ITs. */
record ServerApi(HttpClient http, StewardServer server) {

    ServerApi(StewardServer server) {
        this(HttpClient.newHttpClient(), server);
    }

    /** {@code json} null sends no body. */
    HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = request(path);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
    }
}
