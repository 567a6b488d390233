package dev.steward.adapter.mcp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference MCP server no one here wrote, {@code @modelcontextprotocol/server-everything} at a pinned version,
 * fetched with npm into a cache directory and run with node over Streamable HTTP. Without node or npm (or when the
 * package cannot be fetched) the test is skipped with the reason printed, but under {@code CI=true} it fails.
 */
public final class EverythingServer implements AutoCloseable {

    /** The npm release the tests pin. */
    public static final String VERSION = "2026.8.31";

    private static final String PACKAGE = "@modelcontextprotocol/server-everything";

    private final Process process;
    private final int port;

    private EverythingServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The server's entry script, fetched once. */
    public static Path script() {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "steward-mcp-everything-" + VERSION);
        Path script = home.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
        if (Files.isRegularFile(script)) {
            return script;
        }
        unavailableUnless(onPath("node") && onPath("npm"), "node and npm are not installed");
        try {
            Files.createDirectories(home);
            Process npm = new ProcessBuilder("npm", "install", "--prefix", home.toString(), "--no-audit", "--no-fund",
                    "--loglevel=error", PACKAGE + "@" + VERSION).redirectErrorStream(true)
                    .redirectOutput(home.resolve("npm.log").toFile()).start();
            boolean done = npm.waitFor(5, TimeUnit.MINUTES);
            unavailableUnless(done && npm.exitValue() == 0 && Files.isRegularFile(script),
                    "npm could not fetch " + PACKAGE + "@" + VERSION + " (see " + home.resolve("npm.log") + ")");
        } catch (IOException e) {
            unavailableUnless(false, "npm could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return script;
    }

    /** Starts the server over Streamable HTTP on a free port and waits until it listens. */
    public static EverythingServer startHttp() {
        Path script = script();
        int port = freePort();
        try {
            ProcessBuilder builder = new ProcessBuilder("node", script.toString(), "streamableHttp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("PORT", Integer.toString(port));
            Process process = builder.start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    fail("server-everything exited with " + process.exitValue());
                }
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return new EverythingServer(process, port);
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            process.destroyForcibly();
            return fail("server-everything did not listen on port " + port + " within 60 s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The stdio command line that runs the same server. */
    public static String stdioCommand() {
        return "node " + script();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/mcp";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unavailableUnless(boolean available, String reason) {
        if (available) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason + " (required under CI=true; .ci/run installs them)");
        }
        System.out.println("Skipping the server-everything tests: " + reason);
        assumeTrue(false, reason);
    }

    private static boolean onPath(String command) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
