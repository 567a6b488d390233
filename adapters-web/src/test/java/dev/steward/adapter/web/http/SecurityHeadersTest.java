package dev.steward.adapter.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.adapter.web.TestServer;
import dev.steward.adapter.web.WebSettings;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The review's header findings: nosniff and no-store on API answers, HSTS only when the request was secure. */
class SecurityHeadersTest {

    @Test
    void apiAnswersAreNotSniffedNorStoredErrorsIncluded() {
        try (TestServer server = TestServer.start()) {
            for (String path : new String[] {"/api/v1/clients", "/api/v1/msp", "/api/v1/no-such-route",
                    "/api/v1/openapi.json"}) {
                HttpResponse<String> response = server.get(path);
                assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
                assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            }
            HttpResponse<String> unauthorized = server.anonymous("GET", "/api/v1/clients");
            assertThat(unauthorized.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(server.anonymous("GET", "/assets/dashboard.css").headers().firstValue("X-Content-Type-Options"))
                    .hasValue("nosniff");
        }
    }

    @Test
    void plainHttpGetsNoHstsAndAnUntrustedForwardedProtoChangesNothing() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.get("/api/v1/clients").headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(server.get("/api/v1/clients", "X-Forwarded-Proto", "https").headers()
                    .firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void behindATrustedTlsProxyEveryAnswerCarriesHsts() {
        try (TestServer server = TestServer.start(binder -> binder.bind(WebSettings.class).toInstance(
                new WebSettings("127.0.0.1", 0, TestServer.MAX_BODY,
                        java.util.Optional.empty(), true)))) {
            HttpResponse<String> secure = server.get("/api/v1/clients", "X-Forwarded-Proto", "https");
            assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValue(SecurityHeaders.HSTS);
            assertThat(server.anonymous("GET", "/login", "X-Forwarded-Proto", "https").headers()
                    .firstValue("Strict-Transport-Security")).hasValue(SecurityHeaders.HSTS);
            assertThat(server.get("/api/v1/clients").headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void linksHandedToPeopleAreBuiltOnTheConfiguredPublicUrlNotOnTheCallersHost() {
        try (TestServer server = TestServer.start(binder -> binder.bind(WebSettings.class).toInstance(
                new WebSettings("127.0.0.1", 0, TestServer.MAX_BODY, java.util.Optional.empty(), false,
                        java.util.Optional.of("https://steward.msp.example"))))) {
            HttpResponse<String> added = server.post("/api/v1/users",
                    "{\"email\":\"fay@test-msp.example\",\"role\":\"viewer\",\"delivery\":\"link\"}");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            assertThat(added.body()).contains("\"setPasswordUrl\":\"https://steward.msp.example/set-password/spl_");
        }
    }
}
