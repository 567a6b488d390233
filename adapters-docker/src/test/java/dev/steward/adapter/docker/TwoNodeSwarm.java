package dev.steward.adapter.docker;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two-node swarm of {@code .ci/two-node-swarm.sh}: this machine's engine (the manager) and a second engine in its
 * own network namespace joined as a worker, plus a registry both pull from. {@link #up()} joins the worker for the
 * calling tests only and {@link #down()} removes it again (a joined worker would receive other services' tasks).
 * Where the script cannot run, the tests are skipped with the reason printed, or fail under {@code CI=true}.
 */
record TwoNodeSwarm(String workerNode, String registry, String workerDockerHost, String hostAddress,
                    String authRegistry, String authUser, Path authPasswordFile) {

    static TwoNodeSwarm up() {
        Path script = script();
        String output;
        try {
            output = TestEngine.run(List.of("bash", script.toString(), "up"), null);
        } catch (IllegalStateException e) {
            TestEngine.unavailable("the two-node swarm could not be set up: " + e.getMessage());
            throw e;
        }
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Z_]+")) {
                values.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        return new TwoNodeSwarm(values.get("WORKER_NODE"), values.get("REGISTRY"), values.get("WORKER_DOCKER_HOST"),
                values.get("HOST_ADDRESS"), values.get("AUTH_REGISTRY"), values.get("AUTH_REGISTRY_USER"),
                Path.of(values.get("AUTH_REGISTRY_PASSWORD_FILE")));
    }

    void down() {
        TestEngine.run(List.of("bash", script().toString(), "down"), null);
    }

    DockerClient worker() {
        return DockerClients.connect(workerDockerHost);
    }

    /** The test image in the registry under {@code tag}: built locally if needed, tagged, pushed. */
    String push(DockerClient docker, String tag) {
        TestEngine.ensureTestImage(docker);
        String name = registry + "/steward/busybox-agent-test:" + tag;
        TestEngine.run(List.of("docker", "tag", TestEngine.IMAGE, name), null);
        TestEngine.run(List.of("docker", "push", name), null);
        return name;
    }

    /**
     * A different image (its own digest) in the registry under {@code tag}, so deleting it from the registry leaves
     * the shared test image alone.
     */
    String pushVariant(DockerClient docker, String tag) {
        TestEngine.ensureTestImage(docker);
        String name = TestEngine.variant(registry + "/steward/busybox-agent-test:" + tag);
        TestEngine.run(List.of("docker", "push", name), null);
        return name;
    }

    /**
     * The test image in the registry that wants a password, pushed with a throw-away client configuration (the
     * machine's own docker login stays untouched). @return its name
     */
    String pushToAuthRegistry(DockerClient docker, String tag) throws java.io.IOException {
        TestEngine.ensureTestImage(docker);
        String name = authRegistry + "/steward/busybox-agent-test:" + tag;
        Path config = Files.createTempDirectory("docker-client-config");
        try {
            TestEngine.run(List.of("sh", "-c", "docker --config '" + config + "' login -u '" + authUser
                    + "' --password-stdin " + authRegistry + " < '" + authPasswordFile + "'"), null);
            TestEngine.run(List.of("docker", "tag", TestEngine.IMAGE, name), null);
            TestEngine.run(List.of("docker", "--config", config.toString(), "push", name), null);
        } finally {
            TestEngine.run(List.of("rm", "-rf", config.toString()), null);
        }
        return name;
    }

    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".ci/two-node-swarm.sh");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(".ci/two-node-swarm.sh not found above " + Path.of("").toAbsolutePath());
    }
}
