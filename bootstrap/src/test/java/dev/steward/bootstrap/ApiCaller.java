package dev.steward.bootstrap;

import dev.steward.application.signin.CreateUserCommand;
import dev.steward.domain.user.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Calls a running control plane's API the way a program would: with an API token of its default MSP. */
final class ApiCaller {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String token;

    private ApiCaller(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** Issues an admin token in the name of the first admin (or of a new admin when the store had users already). */
    static ApiCaller of(StewardServer server) {
        return new ApiCaller(server.port(), issueToken(server));
    }

    /** For a control plane in another process, with a token issued earlier (it is kept in the store). */
    static ApiCaller at(int port, String token) {
        return new ApiCaller(port, token);
    }

    static String issueToken(StewardServer server) {
        StewardServer.UseCases useCases = server.useCases();
        UserId issuer = server.firstAdmin().map(admin -> admin.admin().id()).orElseGet(() -> useCases.createUser()
                .create(new CreateUserCommand(server.defaultMsp().id(), "it-" + UUID.randomUUID() + "@steward.test",
                        "integration test password", "admin")).id());
        return useCases.apiTokens().issue(server.defaultMsp().id(), issuer, "it", java.util.Optional.of("admin"))
                .secret();
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
