package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's end-to-end run with the REAL agent image on a real Docker engine: a client created over HTTP gets a
 * container, the agent inside pulls its configuration with its own token and checks in, the client turns active
 * with deploy status idle; a prompt change goes deploying → idle; delete removes the container.
 * Needs an engine: skipped locally without one, a failure under CI=true.
 */
class DockerEndToEndIT {

    private static ApiCaller api;
    private static StewardServer server;

    @BeforeAll
    static void startOnDocker() throws Exception {
        DockerSupport.requireEngine("DockerEndToEndIT");
        DockerSupport.buildAgentImage();
        server = DockerSupport.startControlPlane("docker-e2e", Map.of());
        api = ApiCaller.of(server);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        DockerSupport.removeContainersNamed("e2e-docker");
    }

    @Test
    void theRealAgentAcknowledgesItsConfigurationAndEveryChange() throws Exception {
        long started = System.nanoTime();
        assertThat(send("POST", "/api/v1/clients", "{\"name\":\"Docker Co\",\"slug\":\"e2e-docker\"}").statusCode())
                .isEqualTo(201);
        await().atMost(DockerSupport.AGENT_START).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(client()).contains("\"status\":\"active\"").contains("\"state\":\"idle\""));
        System.out.printf("POST -> active with the real agent image on Docker: %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        String container = DockerSupport.run(List.of("docker", "ps", "-q", "--filter", "label=steward.client",
                "--filter", "name=e2e-docker"), Duration.ofSeconds(20)).output().strip();
        assertThat(container).as("one running agent container").isNotEmpty().doesNotContain("\n");
        String env = DockerSupport.run(List.of("docker", "inspect", "--format", "{{json .Config.Env}}", container),
                Duration.ofSeconds(20)).output();
        // only the spent one-time bootstrap token is in the environment: it buys no access any more
        assertThat(env).contains("STEWARD_AGENT_TOKEN=stb_").doesNotContain("stw_").doesNotContainIgnoringCase("password");
        String bootstrap = env.replaceAll("(?s).*STEWARD_AGENT_TOKEN=(stb_[A-Za-z0-9_-]+).*", "$1");
        HttpResponse<String> replayed = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/agent/v1/sessions"))
                        .header("Authorization", "Bearer " + bootstrap)
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).as("the bootstrap token from docker inspect, replayed").isEqualTo(401);

        assertThat(send("PUT", "/api/v1/clients/e2e-docker/prompt", "{\"prompt\":\"Always answer in French.\"}")
                .statusCode()).isEqualTo(200);
        assertThat(client()).contains("\"state\":\"deploying\"");
        await().atMost(DockerSupport.AGENT_START).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(client()).contains("\"status\":\"active\"").contains("\"state\":\"idle\""));

        assertThat(send("DELETE", "/api/v1/clients/e2e-docker", "{\"confirmName\":\"Docker Co\"}").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> DockerSupport.run(List.of("docker", "ps", "-aq", "--filter",
                "name=e2e-docker"), Duration.ofSeconds(20)).output().isBlank());
    }

    private static String client() throws Exception {
        return send("GET", "/api/v1/clients/e2e-docker", null).body();
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        return api.send(method, path, json);
    }
}
