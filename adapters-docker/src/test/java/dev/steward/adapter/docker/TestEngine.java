package dev.steward.adapter.docker;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.LocalNodeState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real engine for the ITs, and the tiny agent stand-in image they run. Without an engine the ITs are skipped
 * with the reason printed, except under {@code CI=true}, where a missing engine fails the build.
 */
final class TestEngine {

    /** busybox (Debian's busybox-static) in a rootfs: logs its start, then touches the heartbeat file every second. */
    static final String IMAGE = "steward/busybox-agent-test:1";
    private static final String BUSYBOX = "/bin/busybox";
    private static final List<String> APPLETS = List.of("sh", "echo", "sleep", "touch", "date", "stat", "test", "true",
            "kill", "cat");
    private static final String CMD = "[\"sh\",\"-c\",\"echo agent $STEWARD_CLIENT_SLUG started with configuration"
            + " v$STEWARD_CONFIG_VERSION; while true; do touch " + DockerSettings.HEARTBEAT_FILE + "; sleep 1; done\"]";

    private TestEngine() {
    }

    /** A client for {@code DOCKER_HOST} (or the default socket); skips or fails the calling tests when unreachable. */
    static DockerClient connect() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", DockerSettings.DEFAULT_HOST);
        DockerClient docker = DockerClients.connect(host);
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            unavailable("no Docker engine reachable at " + host + " (" + e.getMessage() + ")");
        }
        return docker;
    }

    /** Like {@link #connect()}, and the engine must be a Swarm manager. */
    static DockerClient connectToSwarm() {
        DockerClient docker = connect();
        LocalNodeState state = docker.infoCmd().exec().getSwarm().getLocalNodeState();
        if (state != LocalNodeState.ACTIVE) {
            unavailable("the Docker engine is not part of a swarm (state " + state + "); run `docker swarm init`");
        }
        return docker;
    }

    static void unavailable(String reason) {
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true but " + reason + ": .ci/install-docker.sh must install and start the engine");
        }
        System.out.println("SKIPPED Docker ITs: " + reason);
        Assumptions.abort(reason);
    }

    /** Settings for tests: the test image and a fast health check. */
    static DockerSettings settings(String host) {
        return settings(host, "http://host.docker.internal:8080");
    }

    /** Settings for tests with the control-plane URL the agents are given. */
    static DockerSettings settings(String host, String controlPlaneUrl) {
        return DockerSettings.defaults(IMAGE, controlPlaneUrl).withDockerHost(host)
                .withHealth(DockerSettings.DEFAULT_HEALTH_COMMAND, Duration.ofMillis(250));
    }

    static String host() {
        return System.getenv().getOrDefault("DOCKER_HOST", DockerSettings.DEFAULT_HOST);
    }

    /** Imports the test image from the local busybox binary unless the engine has it already. */
    static synchronized void ensureTestImage(DockerClient docker) {
        try {
            docker.inspectImageCmd(IMAGE).exec();
            return;
        } catch (NotFoundException absent) {
            // build it below
        }
        if (!Files.isExecutable(Path.of(BUSYBOX))) {
            unavailable(BUSYBOX + " is missing; install Debian's busybox-static to build the test image");
        }
        try {
            Path root = Files.createTempDirectory("steward-busybox-rootfs");
            Files.createDirectories(root.resolve("bin"));
            Files.createDirectories(root.resolve("tmp"));
            Files.copy(Path.of(BUSYBOX), root.resolve("bin/busybox"));
            for (String applet : APPLETS) {
                Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
            }
            run(List.of("sh", "-c", "chmod 1777 tmp && tar -c . | docker import -c 'CMD " + CMD + "' - " + IMAGE),
                    root);
        } catch (IOException e) {
            throw new IllegalStateException("could not build the test image " + IMAGE, e);
        }
    }

    /** Another image than {@link #IMAGE} (its own id and digest) that runs the same, named {@code name}. */
    static String variant(String name) {
        String container = "steward-variant-" + UUID.randomUUID();
        run(List.of("docker", "create", "--name", container, "--label", "variant=" + name, IMAGE), null);
        try {
            run(List.of("docker", "commit", container, name), null);
        } finally {
            run(List.of("docker", "rm", "-f", container), null);
        }
        return name;
    }

    static String run(List<String> command, Path directory) {
        try {
            Process process = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Labels that make a container look like an agent of the given installation, for orphan tests. */
    static Map<String, String> agentLabels(String installation, String client, String msp, long version) {
        return Map.of(ContainerLabels.INSTALLATION, installation, ContainerLabels.CLIENT, client, ContainerLabels.MSP,
                msp, ContainerLabels.CONFIG_VERSION, Long.toString(version));
    }
}
