package dev.steward.adapter.web.signin;

import static dev.steward.adapter.web.TestServer.json;
import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.InMemoryCore;
import dev.steward.adapter.web.ServerPerTest;
import dev.steward.adapter.web.TestServer;
import dev.steward.application.signin.SignInCommand;
import dev.steward.application.signin.SignedIn;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Users in the dashboard and the API, as an admin manages them: add (one-time link or generated password), change
 * role, disable (sessions and tokens stop at once), reset a password; everyone's own password; the last active admin.
 */
class UserAdministrationTest extends ServerPerTest {

    private JsonNode add(String email, String role, String delivery) {
        HttpResponse<String> response = server.post("/api/v1/users", json(Map.of("email", email, "role", role,
                "delivery", delivery)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        return parse(response);
    }

    private Optional<SignedIn> signIn(String email, String password) {
        try {
            return Optional.of(server.core.signIn.signIn(new SignInCommand(email, password, "10.0.0.9")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private HttpResponse<String> asSession(SignedIn session, String method, String path, String body) {
        return server.raw(method, path, java.net.http.HttpRequest.BodyPublishers.ofString(body),
                "Cookie", TestServer.cookie(session.sessionToken()), "Content-Type", "application/json",
                SignInGate.CSRF_HEADER, session.caller().csrfToken().orElseThrow(), "Accept", "application/json");
    }

    @Test
    void anAddedUserSignsInWithTheGeneratedPasswordShownOnce() {
        JsonNode added = add("Dana@Test-MSP.example", "technician", "password");

        assertThat(added.path("user").path("email").asText()).isEqualTo("dana@test-msp.example");
        assertThat(added.path("user").path("role").asText()).isEqualTo("technician");
        assertThat(added.has("setPasswordUrl")).isFalse();
        assertThat(signIn("dana@test-msp.example", added.path("password").asText())).isPresent();
        assertThat(server.get("/api/v1/users").body()).contains("dana@test-msp.example")
                .doesNotContain(added.path("password").asText());
    }

    @Test
    void aSetPasswordLinkWorksOnceThroughTheDashboard() {
        JsonNode added = add("erin@test-msp.example", "viewer", "link");
        String link = added.path("setPasswordUrl").asText();
        assertThat(added.has("password")).isFalse();
        assertThat(link).startsWith("http://127.0.0.1:").contains("/set-password/spl_");
        String path = URI.create(link).getPath();

        assertThat(server.anonymous("GET", path, "Accept", "text/html").body()).contains("erin@test-msp.example");
        HttpResponse<String> tooShort = server.formAs(null, path, Map.of("newPassword", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("at least 12 characters");
        assertThat(server.formAs(null, path, Map.of("newPassword", "erin's own passphrase")).statusCode())
                .isEqualTo(200);

        assertThat(signIn("erin@test-msp.example", "erin's own passphrase")).isPresent();
        assertThat(server.formAs(null, path, Map.of("newPassword", "someone else's passphrase")).statusCode())
                .isEqualTo(404);
        assertThat(server.anonymous("GET", path, "Accept", "text/html").statusCode()).isEqualTo(404);
        assertThat(signIn("erin@test-msp.example", "someone else's passphrase")).isEmpty();
    }

    @Test
    void aChangedRoleAppliesToTheUsersSessionAtOnce() {
        JsonNode added = add("finn@test-msp.example", "technician", "password");
        SignedIn finn = signIn("finn@test-msp.example", added.path("password").asText()).orElseThrow();
        assertThat(asSession(finn, "POST", "/api/v1/clients", json(Map.of("name", "Acme", "slug", "acme")))
                .statusCode()).isEqualTo(201);

        HttpResponse<String> demoted = server.put("/api/v1/users/" + added.path("user").path("id").asText()
                + "/role", json(Map.of("role", "viewer")));

        assertThat(demoted.statusCode()).isEqualTo(200);
        assertThat(parse(demoted).path("role").asText()).isEqualTo("viewer");
        HttpResponse<String> refused = asSession(finn, "POST", "/api/v1/clients",
                json(Map.of("name", "Globex", "slug", "globex")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("role.forbidden");
    }

    @Test
    void disablingAUserStopsTheirSessionsAndTokensAtOnceAndTheirSignIn() {
        JsonNode added = add("gina@test-msp.example", "admin", "password");
        String password = added.path("password").asText();
        SignedIn gina = signIn("gina@test-msp.example", password).orElseThrow();
        String token = server.core.apiTokens.issue(server.msp.id(), gina.caller().user(), "gina's ci",
                Optional.of("admin")).secret();
        assertThat(server.get("/api/v1/clients", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(asSession(gina, "GET", "/api/v1/clients", "").statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = server.post("/api/v1/users/" + added.path("user").path("id").asText()
                + "/disable", "{}");

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(parse(disabled).path("active").asBoolean()).isFalse();
        assertThat(asSession(gina, "GET", "/api/v1/clients", "").statusCode()).isEqualTo(401);
        assertThat(server.get("/api/v1/clients", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
        assertThat(signIn("gina@test-msp.example", password)).isEmpty();

        server.post("/api/v1/users/" + added.path("user").path("id").asText() + "/enable", "{}");
        assertThat(signIn("gina@test-msp.example", password)).isPresent();
        assertThat(server.get("/api/v1/clients", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenActsWithAtMostItsIssuersCurrentRole() {
        JsonNode added = add("hal@test-msp.example", "admin", "password");
        SignedIn hal = signIn("hal@test-msp.example", added.path("password").asText()).orElseThrow();
        HttpResponse<String> issued = asSession(hal, "POST", "/api/v1/tokens", json(Map.of("name", "hal's admin",
                "role", "admin")));
        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(parse(issued).path("role").asText()).isEqualTo("admin");
        String token = parse(issued).path("token").asText();
        assertThat(server.get("/api/v1/users", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

        server.put("/api/v1/users/" + added.path("user").path("id").asText() + "/role",
                json(Map.of("role", "technician")));

        assertThat(server.get("/api/v1/users", "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/clients", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        HttpResponse<String> aboveTheIssuer = server.post("/api/v1/tokens", json(Map.of("name", "x", "role",
                "owner")));
        assertThat(aboveTheIssuer.statusCode()).isEqualTo(422);
        assertThat(aboveTheIssuer.body()).contains("\"field\":\"role\"");
    }

    @Test
    void aResetPasswordEndsTheUsersSessionsAndTheOldPasswordStopsWorking() {
        JsonNode added = add("ivy@test-msp.example", "technician", "password");
        String old = added.path("password").asText();
        SignedIn ivy = signIn("ivy@test-msp.example", old).orElseThrow();

        HttpResponse<String> reset = server.post("/api/v1/users/" + added.path("user").path("id").asText()
                + "/password-reset", json(Map.of("delivery", "password")));

        assertThat(reset.statusCode()).isEqualTo(200);
        String fresh = parse(reset).path("password").asText();
        assertThat(fresh).isNotBlank().isNotEqualTo(old);
        assertThat(asSession(ivy, "GET", "/api/v1/clients", "").statusCode()).isEqualTo(401);
        assertThat(signIn("ivy@test-msp.example", old)).isEmpty();
        assertThat(signIn("ivy@test-msp.example", fresh)).isPresent();
    }

    @Test
    void everyoneChangesTheirOwnPasswordAndTheirOtherSessionsEnd() {
        String joPassword = add("jo@test-msp.example", "viewer", "password").path("password").asText();
        SignedIn here = signIn("jo@test-msp.example", joPassword).orElseThrow();
        SignedIn elsewhere = signIn("jo@test-msp.example", joPassword).orElseThrow();

        HttpResponse<String> wrong = server.formAs(TestServer.cookie(here.sessionToken()), "/account/password",
                Map.of("currentPassword", "not it", "newPassword", "jo's second passphrase",
                        SignInGate.CSRF_FIELD, here.caller().csrfToken().orElseThrow()));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("is not your current password");

        HttpResponse<String> changed = server.formAs(TestServer.cookie(here.sessionToken()), "/account/password",
                Map.of("currentPassword", joPassword, "newPassword", "jo's second passphrase",
                        SignInGate.CSRF_FIELD, here.caller().csrfToken().orElseThrow()));

        assertThat(changed.statusCode()).isEqualTo(303);
        String renewed = changed.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = renewed.substring(0, renewed.indexOf(';'));
        assertThat(server.anonymous("GET", "/account", "Cookie", cookie, "Accept", "text/html").statusCode())
                .isEqualTo(200);
        assertThat(asSession(elsewhere, "GET", "/api/v1/clients", "").statusCode()).isEqualTo(401);
        assertThat(signIn("jo@test-msp.example", joPassword)).isEmpty();
        assertThat(signIn("jo@test-msp.example", "jo's second passphrase")).isPresent();
    }

    @Test
    void theLastActiveAdminCanBeNeitherDemotedNorDisabled() {
        String me = server.user.id().toString();

        HttpResponse<String> demote = server.put("/api/v1/users/" + me + "/role", json(Map.of("role", "viewer")));
        HttpResponse<String> disable = server.post("/api/v1/users/" + me + "/disable", "{}");

        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(demote.body()).contains("user.last-admin");
        assertThat(disable.statusCode()).isEqualTo(409);
        assertThat(server.get("/api/v1/users").body()).contains("\"role\":\"admin\"");

        add("kim@test-msp.example", "admin", "password");
        assertThat(server.put("/api/v1/users/" + me + "/role", json(Map.of("role", "technician"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theUsersPageAddsAUserAndShowsTheLinkOnceAndOnlyAdminsSeeIt() {
        HttpResponse<String> page = server.page("/users");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("admin@test-msp.example").contains("href=\"/users\"");

        HttpResponse<String> added = server.form("/users", Map.of("email", "lee@test-msp.example",
                "role", "technician", "delivery", "link"));

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.body()).contains("data-field=\"set-password-link\"").contains("/set-password/spl_");
        assertThat(server.page("/users").body()).contains("lee@test-msp.example")
                .doesNotContain("set-password-link");
        HttpResponse<String> refused = server.form("/users/" + server.user.id() + "/disable", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("last active admin");

        server.core.addUser(server.msp, "tech@test-msp.example");
        SignedIn tech = signIn("tech@test-msp.example", InMemoryCore.PASSWORD).orElseThrow();
        String techPage = server.anonymous("GET", "/clients", "Cookie", TestServer.cookie(tech.sessionToken()),
                "Accept", "text/html").body();
        assertThat(techPage).doesNotContain("href=\"/users\"").contains("href=\"/account\"");
    }
}
