package dev.steward.adapter.m365;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GraphTest extends CloudSupport {

    @AfterEach
    void noMoreThrottling() {
        CLOUD.throttle(0, null);
    }

    @Test
    void waitsOutThrottlingForAsLongAsRetryAfterSays() {
        FakeTenant tenant = CLOUD.addCustomer("Throttled Ltd");
        String user = tenant.addUser("dana", "Dana Reyes");
        TenantGraph graph = tenant(graph(), tenant);
        graph.get("users/" + user, Grant.READ_USERS, () -> new NotFound("user", user));   // token in hand
        CLOUD.throttle(2, 7);

        JsonNode found = graph.get("users/" + user, Grant.READ_USERS, () -> new NotFound("user", user));

        assertThat(found.path("id").asText()).isEqualTo(user);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    void backsOffExponentiallyWhenThrottlingComesWithoutRetryAfter() {
        FakeTenant tenant = CLOUD.addCustomer("No Retry After");
        String user = tenant.addUser("dana", "Dana Reyes");
        TenantGraph graph = tenant(graph(), tenant);
        CLOUD.throttle(2, null);

        graph.get("users/" + user, Grant.READ_USERS, () -> new NotFound("user", user));

        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1500));
        assertThat(sleeper.waits.get(1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void givesUpWithARetryableFailureOnceTheBoundIsReached() {
        FakeTenant tenant = CLOUD.addCustomer("Always Throttled");
        String user = tenant.addUser("dana", "Dana Reyes");
        TenantGraph graph = tenant(graph(), tenant);

        CLOUD.throttle(10, 3);
        assertThatThrownBy(() -> graph.get("users/" + user, Grant.READ_USERS, () -> new NotFound("user", user)))
                .isInstanceOfSatisfying(PortFailure.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("throttling (HTTP 429)", "after 4 attempt(s)");
                });
        assertThat(sleeper.waits).hasSize(3);

        CLOUD.throttle(1, 3600);   // longer than the longest wait: fail at once, naming when to come back
        assertThatThrownBy(() -> graph.get("users/" + user, Grant.READ_USERS, () -> new NotFound("user", user)))
                .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.getMessage()).contains("try again in 3600 s"));
        assertThat(sleeper.waits).hasSize(3);
    }

    @Test
    void followsNextLinksAcrossEveryPage() {
        FakeTenant tenant = CLOUD.addCustomer("Big Directory");
        for (int i = 0; i < 250; i++) {
            tenant.addUser("user" + i, "Paged User " + i);
        }
        TenantGraph graph = tenant(graph(), tenant);
        CLOUD.forgetRequests();

        List<JsonNode> users = graph.all("users?$select=id,displayName&$top=100", Grant.READ_USERS, 1000);

        assertThat(users).hasSize(250);
        assertThat(users.stream().map(u -> u.path("id").asText()).distinct()).hasSize(250);
        assertThat(CLOUD.graphRequests(tenant.id())).extracting(r -> r.query().get("$skiptoken"))
                .containsExactly(null, "100", "200");
        assertThat(graph.all("users?$top=100", Grant.READ_USERS, 120)).hasSize(120);
    }

    @Test
    void neverSendsATokenOutsideGraph() {
        FakeTenant tenant = CLOUD.addCustomer("Link Elsewhere");
        Graph graph = graph();
        assertThatThrownBy(() -> graph.call(tenant.id(), "GET", URI.create("https://evil.example/v1.0/users"),
                Optional.empty())).isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.getMessage())
                .contains("refusing to send a Graph token to evil.example"));
    }

    @Test
    void eachTenantIsCalledWithItsOwnTokenAndSeesOnlyItsOwnDirectory() {
        FakeTenant contoso = CLOUD.addCustomer("Contoso Isolation");
        FakeTenant fabrikam = CLOUD.addCustomer("Fabrikam Isolation");
        String dana = contoso.addUser("dana", "Dana Reyes");
        Graph graph = graph();
        TenantGraph asContoso = tenant(graph, contoso);
        TenantGraph asFabrikam = tenant(graph, fabrikam);

        assertThat(asContoso.get("users/" + dana, Grant.READ_USERS, () -> new NotFound("user", dana))
                .path("id").asText()).isEqualTo(dana);
        assertThatThrownBy(() -> asFabrikam.get("users/" + dana, Grant.READ_USERS, () -> new NotFound("user", dana)))
                .isInstanceOf(NotFound.class);
        assertThat(CLOUD.graphRequests(contoso.id())).hasSize(1);
        assertThat(CLOUD.graphRequests(fabrikam.id())).hasSize(1);
    }

    @Test
    void aTokenRevokedEarlyIsRenewedOnce() {
        FakeTenant tenant = CLOUD.addCustomer("Revoked Early");
        String user = tenant.addUser("dana", "Dana Reyes");
        TenantGraph graph = tenant(graph(), tenant);
        graph.get("users/" + user, Grant.READ_USERS, () -> new NotFound("user", user));
        CLOUD.revokeTokens();

        assertThat(graph.get("users/" + user, Grant.READ_USERS, () -> new NotFound("user", user)).path("id")
                .asText()).isEqualTo(user);
        assertThat(CLOUD.tokensIssued(tenant.id())).isEqualTo(2);
    }

    @Test
    void aMissingPermissionOrRoleIsAnErrorThatNamesWhatToGrant() {
        FakeTenant tenant = CLOUD.addCustomer("Least Privilege").withoutRole("User Administrator");
        String user = tenant.addUser("dana", "Dana Reyes");
        TenantGraph graph = tenant(graph(), tenant);

        var body = Json.object();
        body.putObject("passwordProfile").put("forceChangePasswordNextSignIn", true).put("password", "Aa1!aaaaaaaa");
        assertThatThrownBy(() -> graph.send("PATCH", "users/" + user, Optional.of(body), Grant.RESET_PASSWORD,
                () -> new NotFound("user", user)))
                .isInstanceOfSatisfying(PortFailure.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("refused to reset a password in tenant Least Privilege",
                            "Authorization_RequestDenied", "User.ReadWrite.All", "User Administrator");
                });
        assertThat(tenant.passwordOf(user)).isEmpty();
        tenant.withoutPermission("User.ReadWrite.All");
        assertThatThrownBy(() -> graph.send("PATCH", "users/" + user, Optional.of(Json.object()
                .put("accountEnabled", false)), Grant.WRITE_USERS, () -> new NotFound("user", user)))
                .hasMessageContaining("grant Steward's app the application permission User.ReadWrite.All");
        assertThat(tenant.user(user).path("accountEnabled").asBoolean()).isTrue();
    }

    @Test
    void aTenantWithoutConsentIsNamedAsSuch() {
        FakeTenant tenant = CLOUD.addCustomer("No Consent").withoutConsent();
        TenantGraph graph = tenant(graph(), tenant);
        assertThatThrownBy(() -> graph.get("users/x@y.example", Grant.READ_USERS, () -> new NotFound("user", "x")))
                .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.getMessage())
                        .contains("Steward's app has no consent in tenant No Consent", "AADSTS700016"));
    }
}
