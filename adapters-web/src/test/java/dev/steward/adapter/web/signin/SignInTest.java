package dev.steward.adapter.web.signin;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.InMemoryCore;
import dev.steward.adapter.web.ServerPerTest;
import dev.steward.adapter.web.TestServer;
import dev.steward.domain.client.Slug;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sign-in gate, the sign-in page, sessions, CSRF, throttling and API tokens, over HTTP. */
class SignInTest extends ServerPerTest {

    private String csrf() {
        return server.session.caller().csrfToken().orElseThrow();
    }

    private String cookie() {
        return TestServer.cookie(server.session.sessionToken());
    }

    private HttpResponse<String> login(String email, String password, String next) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", email);
        fields.put("password", password);
        return server.formAs(null, "/login" + (next == null ? "" : "?next=" + next), fields);
    }

    private HttpResponse<String> loginWith(String... headers) {
        String form = "email=admin%40test-msp.example&password=" + java.net.URLEncoder.encode(InMemoryCore.PASSWORD,
                java.nio.charset.StandardCharsets.UTF_8);
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("Content-Type",
                "application/x-www-form-urlencoded", "Accept", "text/html"), java.util.Arrays.stream(headers))
                .toArray(String[]::new);
        return server.anonymous(java.net.http.HttpRequest.newBuilder(server.uri("/login"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)), all);
    }

    /**
     * The review's reproduction (login CSRF): a form on another site posting the attacker's credentials to /login
     * signed the victim's browser in to the attacker's account.
     */
    @Test
    void aSignInPostedFromAnotherSiteIsRefused() {
        HttpResponse<String> foreignOrigin = loginWith("Origin", "https://evil.example");
        HttpResponse<String> crossSite = loginWith("Sec-Fetch-Site", "cross-site");
        HttpResponse<String> nullOrigin = loginWith("Origin", "null");

        for (HttpResponse<String> refused : List.of(foreignOrigin, crossSite, nullOrigin)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(foreignOrigin.body()).contains("posted from another site");

        String self = server.uri("").toString().replaceAll("/$", "");
        assertThat(loginWith("Origin", self, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(303);
        assertThat(loginWith().statusCode()).as("no browser headers: a script").isEqualTo(303);
        assertThat(loginWith("Sec-Fetch-Site", "none").statusCode()).as("typed into the address bar").isEqualTo(303);
    }

    /** Behind a trusted proxy sign-ins are throttled per client address; otherwise X-Forwarded-For is ignored. */
    @Test
    void aTrustedProxysForwardedAddressIsWhatIsThrottled() {
        try (TestServer proxied = TestServer.start(binder -> binder.bind(dev.steward.adapter.web.WebSettings.class)
                .toInstance(new dev.steward.adapter.web.WebSettings("127.0.0.1", 0, TestServer.MAX_BODY,
                        java.util.Optional.empty(), true)))) {
            for (int i = 0; i < 3; i++) {
                assertThat(proxiedLogin(proxied, "wrong password", "203.0.113.7").statusCode()).isEqualTo(401);
            }
            assertThat(proxiedLogin(proxied, InMemoryCore.PASSWORD, "203.0.113.7").statusCode()).isEqualTo(429);
            assertThat(proxiedLogin(proxied, InMemoryCore.PASSWORD, "198.51.100.1, 203.0.113.8").statusCode())
                    .isEqualTo(303);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(proxiedLogin(server, "wrong password", "203.0.113." + i).statusCode()).isEqualTo(401);
        }
        assertThat(proxiedLogin(server, InMemoryCore.PASSWORD, "203.0.113.99").statusCode())
                .as("untrusted: every attempt came from 127.0.0.1").isEqualTo(429);
    }

    private static HttpResponse<String> proxiedLogin(TestServer target, String password, String forwardedFor) {
        String form = "email=admin%40test-msp.example&password=" + java.net.URLEncoder.encode(password,
                java.nio.charset.StandardCharsets.UTF_8);
        return target.anonymous(java.net.http.HttpRequest.newBuilder(target.uri("/login"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)), "Content-Type",
                "application/x-www-form-urlencoded", "X-Forwarded-For", forwardedFor);
    }

    @Test
    void theApiWithoutCredentialsAnswers401WithAProblem() {
        HttpResponse<String> response = server.anonymous("GET", "/api/v1/clients");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"steward\"");
        assertThat(parse(response).path("code").asText()).isEqualTo("sign-in.required");
    }

    @Test
    void aBadOrForeignAuthorizationIsRefusedNotIgnored() {
        assertThat(server.get("/api/v1/clients", "Authorization", "Bearer stk_made-up").statusCode()).isEqualTo(401);
        assertThat(parse(server.get("/api/v1/clients", "Authorization", "Basic dXNlcjpwYXNz")).path("detail")
                .asText()).contains("Bearer");
        assertThat(server.get("/api/v1/clients", "Authorization", "Bearer " + "x".repeat(300)).statusCode())
                .isEqualTo(401);
        assertThat(server.get("/api/v1/clients").statusCode()).isEqualTo(200);
    }

    @Test
    void aPageWithoutASessionSendsTheBrowserToSignInAndBack() {
        HttpResponse<String> response = server.anonymous("GET", "/clients?search=acme", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/login?next=%2Fclients%3Fsearch%3Dacme");
    }

    @Test
    void publicRoutesNeedNoSignIn() {
        for (String path : new String[] {"/health", "/login", "/assets/dashboard.css", "/api/v1/openapi.json"}) {
            assertThat(server.anonymous("GET", path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void signingInSetsAHardenedSessionCookieAndGoesWhereItWasAsked() {
        HttpResponse<String> response = login("ADMIN@test-msp.example", InMemoryCore.PASSWORD, "%2Fsettings");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/settings");
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("steward_session=sts_").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/").doesNotContain("Secure");
        String token = setCookie.substring("steward_session=".length(), setCookie.indexOf(';'));
        assertThat(server.get("/clients", "Cookie", TestServer.cookie(token), "Accept", "text/html").statusCode())
                .isEqualTo(200);
    }

    @Test
    void behindATlsProxyTheCookieIsSecure() {
        String form = "email=admin%40test-msp.example&password="
                + java.net.URLEncoder.encode(InMemoryCore.PASSWORD, java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> response = server.anonymous(java.net.http.HttpRequest.newBuilder(server.uri("/login"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)),
                "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-Proto", "https");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
    }

    @Test
    void neverRedirectsToAnotherSiteAfterSignIn() {
        for (String next : new String[] {"%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "%2F%5Cevil.example"}) {
            assertThat(login("admin@test-msp.example", InMemoryCore.PASSWORD, next).headers().firstValue("Location"))
                    .as(next).hasValueSatisfying(l -> assertThat(l).endsWith("/clients"));
        }
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithoutSayingWhichPartWasWrong() {
        HttpResponse<String> response = login("admin@test-msp.example", "not the password", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(response.body()).contains("the email or password is wrong").contains("value=\"admin@test-msp.example\"")
                .doesNotContain("not the password");
        assertThat(login("nobody@test-msp.example", "not the password", null).body())
                .contains("the email or password is wrong");
    }

    @Test
    void aMalformedEmailIsShownOnItsField() {
        HttpResponse<String> response = login("tech", InMemoryCore.PASSWORD, null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("id=\"email-error\"").contains("must look like name@example.com");
    }

    @Test
    void repeatedFailuresAreThrottledWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(login("admin@test-msp.example", "guess " + i, null).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = login("admin@test-msp.example", InMemoryCore.PASSWORD, null);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(throttled.body()).contains("too many failed sign-in attempts");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        server.createClient("Acme", "acme");

        HttpResponse<String> missing = server.formAs(cookie(), "/clients/acme/mode", Map.of("mode", "execute"));
        HttpResponse<String> wrong = server.formAs(cookie(), "/clients/acme/mode",
                Map.of("mode", "execute", "_csrf", "guessed"));

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("reload the page");
        assertThat(server.core.clients.find(server.msp.id(), Slug.of("acme")).orElseThrow().mode().label())
                .isEqualTo("inherit");
        assertThat(server.formAs(cookie(), "/clients/acme/mode", Map.of("mode", "execute", "_csrf", csrf()))
                .statusCode()).isEqualTo(303);
    }

    @Test
    void aCookieSignedApiCallMustSendTheCsrfHeader() {
        String body = json(Map.of("name", "Acme", "slug", "acme"));

        assertThat(server.post("/api/v1/clients", body, "Cookie", cookie()).statusCode()).isEqualTo(403);
        assertThat(server.post("/api/v1/clients", body, "Cookie", cookie(), "X-CSRF-Token", csrf()).statusCode())
                .isEqualTo(201);
        assertThat(server.get("/api/v1/clients/acme", "Cookie", cookie()).statusCode())
                .as("reading needs no CSRF token").isEqualTo(200);
    }

    @Test
    void everyPostFormOnAPageCarriesTheSessionsCsrfTokenAndWhoIsSignedIn() {
        server.createClient("Acme", "acme");

        String page = server.page("/clients/acme").body();

        int forms = page.split("<form[^>]*method=\"post\"", -1).length - 1;
        int tokens = page.split("name=\"_csrf\" value=\"" + csrf() + "\"", -1).length - 1;
        assertThat(forms).isGreaterThanOrEqualTo(3);
        assertThat(tokens).isEqualTo(forms);
        assertThat(page).contains("<a class=\"who\" href=\"/account\">admin@test-msp.example</a>");
    }

    @Test
    void signingOutEndsTheSession() {
        HttpResponse<String> out = server.form("/logout", Map.of());

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Expires=Thu, 01 Jan 1970");
        assertThat(server.page("/clients").statusCode()).isEqualTo(303);
        assertThat(server.core.authenticate.bySession(server.session.sessionToken())).isEmpty();
    }

    @Test
    void anApiTokenIsShownOnceWorksAndStopsWhenRevoked() {
        HttpResponse<String> issued = server.post("/api/v1/tokens", json(Map.of("name", "ci pipeline")));
        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(issued.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode token = parse(issued);
        String secret = token.path("token").asText();
        assertThat(secret).startsWith("stk_").endsWith(token.path("lastFour").asText());

        assertThat(server.get("/api/v1/clients", "Authorization", "Bearer " + secret).statusCode()).isEqualTo(200);
        String listed = server.get("/api/v1/tokens").body();
        assertThat(listed).contains("ci pipeline").doesNotContain(secret).doesNotContain("\"token\"");

        JsonNode revoked = parse(server.delete("/api/v1/tokens/" + token.path("id").asText(), ""));
        assertThat(revoked.path("active").asBoolean()).isFalse();
        assertThat(server.get("/api/v1/clients", "Authorization", "Bearer " + secret).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenNeedsANameAndAValidId() {
        HttpResponse<String> blank = server.post("/api/v1/tokens", json(Map.of("name", " ")));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(parse(blank).path("errors").get(0).path("field").asText()).isEqualTo("name");

        assertThat(server.delete("/api/v1/tokens/not-a-uuid", "").statusCode()).isEqualTo(422);
        assertThat(server.delete("/api/v1/tokens/" + java.util.UUID.randomUUID(), "").statusCode()).isEqualTo(404);
    }

    @Test
    void theTokenPageIssuesShowsTheSecretOnceAndRevokes() {
        HttpResponse<String> issued = server.form("/settings/tokens", Map.of("name", "<b>backup</b> job"));

        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(issued.body()).contains("shown only this once").contains("&lt;b&gt;backup&lt;/b&gt; job")
                .containsPattern("data-field=\"new-token\">stk_[A-Za-z0-9_-]{43}<");
        String id = server.core.apiTokens.list(server.msp.id()).get(0).id().toString();
        String list = server.page("/settings/tokens").body();
        assertThat(list).doesNotContain("data-field=\"new-token\"").contains("data-token=\"" + id + "\"");

        assertThat(server.form("/settings/tokens/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(303);
        assertThat(server.core.apiTokens.list(server.msp.id()).get(0).active()).isFalse();
    }

    @Test
    void aViewerReadsEverythingButChangesNothing() {
        server.createClient("Acme", "acme");
        server.core.createUser.create(new dev.steward.application.signin.CreateUserCommand(server.msp.id(),
                "viewer@test-msp.example", InMemoryCore.PASSWORD, "viewer"));
        var viewer = server.core.signIn.signIn(new dev.steward.application.signin.SignInCommand(
                "viewer@test-msp.example", InMemoryCore.PASSWORD, "127.0.0.1"));
        String cookie = TestServer.cookie(viewer.sessionToken());
        String csrf = viewer.caller().csrfToken().orElseThrow();

        assertThat(server.get("/clients/acme", "Cookie", cookie, "Accept", "text/html").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = server.formAs(cookie, "/clients/acme/mode",
                Map.of("mode", "execute", "_csrf", csrf));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("the viewer role may not change clients");
        assertThat(server.core.clients.find(server.msp.id(), Slug.of("acme")).orElseThrow().mode().label())
                .isEqualTo("inherit");
        assertThat(server.formAs(cookie, "/logout", Map.of("_csrf", csrf)).statusCode()).isEqualTo(303);
    }
}
