package dev.steward.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import dev.steward.adapter.web.signin.SignInGate;
import dev.steward.application.signin.SignInCommand;
import dev.steward.application.signin.SignedIn;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.user.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

/**
 * The web adapter on port 0 over the hand-built in-memory core, wired by {@link WebModule} itself (so its bindings
 * are checked too), with a small java.net.http client. {@code overrides} replace bindings, e.g. a failing use case.
 */
public final class TestServer implements AutoCloseable {

    public static final long MAX_BODY = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    public final InMemoryCore core = new InMemoryCore();
    public final Msp msp;
    /** An admin of {@link #msp}, signed in twice: with an API token and with a browser session. */
    public final User user;
    public final String apiToken;
    public final SignedIn session;
    private final WebServer server;
    private final com.google.inject.Injector injector;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(Module... overrides) {
        msp = core.registerMsp("Test MSP");
        user = core.addUser(msp, "admin@test-msp.example", "admin");
        apiToken = core.apiTokens.issue(msp.id(), user.id(), "tests", java.util.Optional.of("admin")).secret();
        session = core.signIn.signIn(new SignInCommand(user.email().value(), InMemoryCore.PASSWORD, "127.0.0.1"));
        Module web = new WebModule(new WebSettings("127.0.0.1", 0, MAX_BODY));
        injector = Guice.createInjector(Stage.PRODUCTION, Modules.override(web, new InMemoryCoreModule(core))
                .with(overrides));
        server = injector.getInstance(WebServer.class);
        server.start();
    }

    public static TestServer start(Module... overrides) {
        return new TestServer(overrides);
    }

    /** A component the web module wired (the metrics recorder, say). */
    public <T> T component(Class<T> type) {
        return injector.getInstance(type);
    }

    /** Every route the server registered, as {@code "METHOD /path"}. */
    public java.util.List<String> routes() {
        return server.routes();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        return send(jsonRequest(path, json).POST(BodyPublishers.ofString(json)), headers);
    }

    public HttpResponse<String> put(String path, String json, String... headers) {
        return send(jsonRequest(path, json).PUT(BodyPublishers.ofString(json)), headers);
    }

    public HttpResponse<String> delete(String path, String json, String... headers) {
        return send(jsonRequest(path, json).method("DELETE", BodyPublishers.ofString(json)), headers);
    }

    /** A browser form post ({@code application/x-www-form-urlencoded}) of the signed-in session, asking for HTML. */
    public HttpResponse<String> form(String path, Map<String, String> fields) {
        Map<String, String> withCsrf = new java.util.LinkedHashMap<>(fields);
        withCsrf.putIfAbsent(SignInGate.CSRF_FIELD, session.caller().csrfToken().orElseThrow());
        return formAs(cookie(session.sessionToken()), path, withCsrf);
    }

    /** A form post with exactly the given fields and {@code Cookie} header value (null: no cookie). */
    public HttpResponse<String> formAs(String cookie, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(BodyPublishers.ofString(body));
        return cookie == null ? anonymous(request) : anonymous(request, "Cookie", cookie);
    }

    /** A browser page load of the signed-in session. */
    public HttpResponse<String> page(String path) {
        return anonymous(HttpRequest.newBuilder(uri(path)).GET(), "Accept", "text/html", "Cookie",
                cookie(session.sessionToken()));
    }

    public static String cookie(String sessionToken) {
        return "steward_session=" + sessionToken;
    }

    /** A request with exactly the headers given: no API token, no cookie. */
    public HttpResponse<String> anonymous(String method, String path, String... headers) {
        return anonymous(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()),
                headers);
    }

    /** Any method and body, with exactly the headers given (no implicit Content-Type). */
    public HttpResponse<String> raw(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, body), headers);
    }

    private HttpRequest.Builder jsonRequest(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
    }

    /** Sends with the API token unless the headers bring their own {@code Authorization} or {@code Cookie}. */
    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        boolean own = false;
        for (int i = 0; i < headers.length; i += 2) {
            own |= headers[i].equalsIgnoreCase("Authorization") || headers[i].equalsIgnoreCase("Cookie");
        }
        if (!own) {
            request.setHeader("Authorization", "Bearer " + apiToken);
        }
        return anonymous(request, headers);
    }

    /** {@code request} sent with exactly the headers given: no API token, no cookie. */
    public HttpResponse<String> anonymous(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a client over the API and returns its JSON (fails the test unless the answer is 201). */
    public JsonNode createClient(String name, String slug) {
        HttpResponse<String> response = post("/api/v1/clients", json(Map.of("name", name, "slug", slug)));
        if (response.statusCode() != 201) {
            throw new AssertionError("create failed: " + response.statusCode() + " " + response.body());
        }
        return parse(response);
    }

    public static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        core.close();
    }
}
