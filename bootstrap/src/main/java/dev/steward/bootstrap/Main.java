package dev.steward.bootstrap;

import dev.steward.adapter.persistence.Migrations;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar steward.jar [server]}: runs the control plane (the default command). Configuration comes from
 * environment variables, see {@link StewardConfig} and the README.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "server" : args[0];
        try {
            switch (command) {
                case "server" -> server();
                case "agent" -> AgentCommand.run(System.getenv());
                case "migrate" -> migrate();
                case "help", "--help", "-h" -> usage(System.out);
                default -> {
                    usage(System.err);
                    System.exit(2);
                }
            }
        } catch (ConfigurationError e) {
            LOG.error("configuration error: {}", e.getMessage());
            System.exit(2);
        }
    }

    private static void server() throws InterruptedException {
        StewardConfig config = StewardConfig.fromEnvironment();
        StewardServer server = StewardServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "steward-shutdown"));
        String host = config.httpHost().equals("0.0.0.0") ? "localhost" : config.httpHost();
        LOG.info("Steward is running at http://{}:{}/ (store: {}, runtime: {}, reasoner: {})", host, server.port(),
                config.store().name().toLowerCase(), config.runtime().name().toLowerCase(),
                config.reasoner().name().toLowerCase());
        stopped.await();
    }

    /** Brings the configured database's schema up to date and exits (for deployments that migrate separately). */
    private static void migrate() {
        StewardConfig config = StewardConfig.fromEnvironment();
        int applied = Migrations.migrate(config.persistence());
        LOG.info("database schema up to date ({} migrations applied)", applied);
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar steward.jar [server|agent|migrate|help]");
        out.println("  server  run the control plane (default); configure with STEWARD_* environment variables");
        out.println("  migrate bring the database schema up to date (STEWARD_DATABASE_URL or the embedded one) and exit");
        out.println("  agent   run one client's agent (inside its container); needs STEWARD_CONTROL_PLANE_URL and");
        out.println("          STEWARD_AGENT_TOKEN, optional STEWARD_HEARTBEAT_MS (default 5000)");
    }
}
