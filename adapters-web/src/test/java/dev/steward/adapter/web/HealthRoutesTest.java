package dev.steward.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readyWhileTheStoreIsFineAndLiveWithoutSigningIn() {
        assertThat(server.get("/health/ready").body()).isEqualTo("{\"status\":\"ready\"}");
        assertThat(server.get("/health/live").body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(server.get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void notReadyWhileTheStoreIsDownSoALoadBalancerDrainsTheInstanceButStillLive() {
        server.core.storeHealth.failWith("the database does not answer: connection refused");

        HttpResponse<String> ready = server.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"status\":\"not-ready\"")
                .contains("the database does not answer: connection refused");
        assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(server.get("/health").statusCode()).isEqualTo(200);

        server.core.storeHealth.recover();
        assertThat(server.get("/health/ready").statusCode()).isEqualTo(200);
    }
}
