package dev.steward.adapter.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.InMemoryCore;
import dev.steward.adapter.web.TestServer;
import dev.steward.adapter.web.signin.RouteRules.Needs;
import dev.steward.adapter.web.signin.RouteRules.Open;
import dev.steward.adapter.web.signin.RouteRules.Rule;
import dev.steward.application.signin.SignInCommand;
import dev.steward.application.signin.SignedIn;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.user.User;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every route the server registers × every kind of caller, generated from the server's own route table: a route
 * without a rule in {@link RouteRules} fails here, and each rule is checked against what the running server does.
 * Callers: nobody, a browser session and an API token of each role, an operator. A caller whose role lacks the
 * route's permission gets 403 {@code role.forbidden}; one who has it gets past the gate (whatever the handler then
 * answers, never a 5xx); nobody gets 401; agents' and PSAs' routes let no user credential in; operator routes let only
 * an operator in, and an operator gets into no MSP route.
 */
class RouteAccessTest {

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private record CallerKind(String name, Optional<UserRole> role, boolean browser, boolean operator) {

        CallerKind(String name, Optional<UserRole> role, boolean browser) {
            this(name, role, browser, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static TestServer server;
    private static final Map<UserRole, User> USERS = new EnumMap<>(UserRole.class);
    private static final Map<UserRole, String> TOKENS = new EnumMap<>(UserRole.class);
    private static final List<CallerKind> CALLERS = new ArrayList<>();
    private static String operatorCredential;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.createClient("Acme", "acme");
        for (UserRole role : UserRole.values()) {
            User user = role == UserRole.MSP_ADMIN ? server.user
                    : server.core.addUser(server.msp, role.label() + "@test-msp.example", role.label());
            USERS.put(role, user);
            TOKENS.put(role, server.core.apiTokens.issue(server.msp.id(), server.user.id(), "as " + role.label(),
                    Optional.of(role.label())).secret());
            CALLERS.add(new CallerKind(role.label() + " session", Optional.of(role), true));
            CALLERS.add(new CallerKind(role.label() + " token", Optional.of(role), false));
        }
        CALLERS.add(new CallerKind("nobody", Optional.empty(), false));
        CALLERS.add(new CallerKind("operator", Optional.empty(), false, true));
        operatorCredential = server.core.operators.add("route table").secret();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> routes() {
        return server.routes().stream().filter(r -> HTTP_METHODS.contains(r.substring(0, r.indexOf(' ')))).toList();
    }

    @Test
    void everyRegisteredRouteHasExactlyOneRule() {
        assertThat(routes()).isNotEmpty();
        assertThat(routes().stream().filter(route -> RouteRules.of(route).isEmpty()).toList())
                .as("routes without a line in RouteRules (add one: who may call it?)").isEmpty();
        assertThat(RouteRules.all().keySet()).as("rules for routes the server does not have")
                .isSubsetOf(routes());
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEveryCallerAsItsRuleSays() {
        return routes().stream().flatMap(route -> CALLERS.stream().map(caller ->
                DynamicTest.dynamicTest(route + " as " + caller, () -> check(route, caller))));
    }

    private void check(String route, CallerKind caller) {
        Rule rule = RouteRules.of(route).orElseThrow(() -> new AssertionError("no rule for " + route));
        HttpResponse<String> response = call(route, caller);
        String described = route + " as " + caller + " -> " + response.statusCode() + " " + response.body();
        assertThat(response.statusCode()).as(described).isLessThan(500);
        switch (rule) {
            case Open open -> {
                switch (open.audience()) {
                    case PUBLIC -> assertThat(response.statusCode()).as(described).isNotIn(401, 403);
                    case AGENT, WEBHOOK -> assertThat(response.statusCode()).as(described).isEqualTo(401);
                    case OPERATOR -> {
                        if (caller.operator()) {
                            assertThat(response.statusCode()).as(described).isNotIn(401, 403);
                        } else {
                            assertThat(response.statusCode()).as(described).isEqualTo(401);
                        }
                    }
                }
            }
            case Needs needs -> {
                if (caller.role().isEmpty()) {
                    assertThat(response.statusCode()).as(described).isEqualTo(401);
                } else if (needs.permission().heldBy(caller.role().get())) {
                    assertThat(response.statusCode()).as(described).isNotIn(401, 403);
                } else {
                    assertThat(response.statusCode()).as(described).isEqualTo(403);
                    assertThat(response.body()).as(described).contains("role.forbidden");
                }
            }
        }
    }

    /** The route with sample path values, a JSON body "{}" for changes, and the caller's credentials. */
    private static HttpResponse<String> call(String route, CallerKind caller) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1)
                .replace("{slug}", "acme")
                .replace("{mspId}", server.msp.id().toString())
                .replace("{kind}", "connectwise")
                .replace("{tool}", "psa:add-note")
                .replaceAll("\\{[a-zA-Z]+}", UUID.randomUUID().toString());
        boolean changes = !method.equals("GET");
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).method(method, changes
                ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        List<String> headers = new ArrayList<>(List.of("Accept", "application/json"));
        if (changes) {
            headers.addAll(List.of("Content-Type", "application/json"));
        }
        if (caller.operator()) {
            headers.addAll(List.of("Authorization", "Bearer " + operatorCredential));
        }
        caller.role().ifPresent(role -> {
            if (caller.browser()) {
                // a fresh session each time: POST /logout ends the one it is called with
                SignedIn session = server.core.signIn.signIn(new SignInCommand(USERS.get(role).email().value(),
                        InMemoryCore.PASSWORD, "127.0.0.1"));
                headers.addAll(List.of("Cookie", TestServer.cookie(session.sessionToken()),
                        SignInGate.CSRF_HEADER, session.caller().csrfToken().orElseThrow()));
            } else {
                headers.addAll(List.of("Authorization", "Bearer " + TOKENS.get(role)));
            }
        });
        return server.anonymous(request, headers.toArray(String[]::new));
    }
}
