package dev.steward.adapter.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.time.Duration;

/** docker-java set up as STACK.md §3.7 proved on API 1.41 (no API version pinned: the engine's is used). */
final class DockerClients {
    private DockerClients() {
    }

    static DockerClient connect(String host) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host).build();
        return DockerClientImpl.getInstance(config, http(config));
    }

    /** The bare HTTP transport, for the few engine calls docker-java does not model (see {@link EngineApi}). */
    static DockerHttpClient http(String host) {
        return http(DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build());
    }

    private static DockerHttpClient http(DockerClientConfig config) {
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .maxConnections(50)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }
}
