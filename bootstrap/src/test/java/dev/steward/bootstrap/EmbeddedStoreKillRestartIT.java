package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, bug 1, with real processes: {@code kill -9} of a control plane on the embedded store leaves its
 * PostgreSQL running on the data directory (a child process outlives its parent). The next start on that directory
 * must work the first time, stopping the stale server; and a second Steward started while the first is alive must
 * fail at once, saying what holds the directory and what to do, instead of waiting a minute and failing in Guice.
 */
class EmbeddedStoreKillRestartIT {

    private static final List<Process> started = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path dataDir;
    private static Path logs;

    @BeforeAll
    static void prepare() throws Exception {
        dataDir = Files.createTempDirectory("steward-kill-restart");
        logs = Path.of("target", "kill-restart-it");
        Files.createDirectories(logs);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        postmaster().ifPresent(ProcessHandle::destroy);
    }

    @Test
    void aRestartAfterKillNineStopsTheStalePostgresAndASecondLiveStewardIsRefusedAtOnce() throws Exception {
        int port = DockerSupport.freePort();
        Process first = start("first", port);
        awaitHealthy(first, "first", port);

        int otherPort = DockerSupport.freePort();
        Process second = start("second-while-first-runs", otherPort);
        assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("a second Steward on the same directory stops at once")
                .isTrue();
        assertThat(second.exitValue()).isNotZero();
        String refused = Files.readString(logs.resolve("second-while-first-runs.log"));
        assertThat(refused).contains("another running Steward uses the data directory")
                .contains("STEWARD_DATA_DIR").doesNotContain("Unable to create injector");
        assertThat(first.isAlive()).as("the first one is untouched").isTrue();

        ProcessHandle stalePostgres = postmaster().orElseThrow();
        first.destroyForcibly(); // SIGKILL to the control plane alone
        first.waitFor(30, TimeUnit.SECONDS);
        assertThat(stalePostgres.isAlive()).as("the killed control plane's PostgreSQL outlives it").isTrue();

        long restart = System.nanoTime();
        Process third = start("restart-after-kill", port);
        awaitHealthy(third, "restart-after-kill", port);
        System.out.printf("restart after kill -9 healthy in %d ms%n", (System.nanoTime() - restart) / 1_000_000);
        assertThat(stalePostgres.isAlive()).isFalse();
        assertThat(Files.readString(logs.resolve("restart-after-kill.log")))
                .contains("still runs on").contains("stopping it before starting again");
    }

    private static Process start(String name, int port) throws Exception {
        Path jar = Path.of("target", "steward.jar").toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "server")
                .redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("STEWARD_RUNTIME", "inprocess");
        env.put("STEWARD_STORE", "postgres");
        env.put("STEWARD_HTTP_PORT", Integer.toString(port));
        env.put("STEWARD_DATA_DIR", dataDir.toString());
        env.put("STEWARD_ADMIN_PASSWORD", "correct horse battery staple");
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Healthy within 120 s, and alive all along: the first start after the kill must be the one that works. */
    private static void awaitHealthy(Process process, String name, int port) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            assertThat(process.isAlive()).as("control plane %s alive (see %s)", name, logs.resolve(name + ".log"))
                    .isTrue();
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
    }

    private static Optional<ProcessHandle> postmaster() throws Exception {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Files.readAllLines(pidFile).stream().findFirst().map(String::strip).map(Long::parseLong)
                .flatMap(ProcessHandle::of);
    }
}
