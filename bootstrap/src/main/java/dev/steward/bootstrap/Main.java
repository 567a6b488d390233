package dev.steward.bootstrap;

import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.security.SecretTokens;
import dev.steward.application.signin.FirstRunUseCase.FirstAdmin;
import dev.steward.domain.user.User;
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
                case "add-user" -> addUser(args);
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
        server.firstAdmin().ifPresent(admin -> announceFirstAdmin(admin, "http://" + host + ":" + server.port()
                + "/login"));
        LOG.info("Steward is running at http://{}:{}/ (store: {}, runtime: {}, reasoner: {})", host, server.port(),
                config.store().name().toLowerCase(), config.runtime().name().toLowerCase(),
                config.reasoner().name().toLowerCase());
        stopped.await();
    }

    /**
     * The first admin's sign-in, once, on the console and not in the log: a generated password must not end up in
     * log files. Without a generated password only the email is repeated.
     */
    private static void announceFirstAdmin(FirstAdmin admin, String where) {
        System.out.println(admin.generatedPassword().map(password -> """

                ============================================================================
                 Steward's first run: sign in at %s
                   email:    %s
                   password: %s
                 This password is shown only now. Set STEWARD_ADMIN_PASSWORD to choose one,
                 or add another user with: ./steward add-user <email> admin
                ============================================================================
                """.formatted(where, admin.admin().email(), password))
                .orElse("Steward's first run: sign in at " + where + " as " + admin.admin().email()));
    }

    /** {@code add-user <email> [role]}: the password from STEWARD_NEW_USER_PASSWORD, else generated and printed. */
    private static void addUser(String[] args) {
        if (args.length < 2 || args.length > 3) {
            usage(System.err);
            System.exit(2);
        }
        String role = args.length == 3 ? args[2] : "technician";
        String given = System.getenv("STEWARD_NEW_USER_PASSWORD");
        String password = given == null || given.isEmpty() ? SecretTokens.newToken("") : given;
        try {
            User user = StewardServer.addUser(StewardConfig.fromEnvironment(), args[1], role, password);
            System.out.println("added " + user.email() + " (" + user.role().label() + ")"
                    + (given == null || given.isEmpty() ? " with password " + password + " (shown only now)" : ""));
        } catch (InvalidCommand e) {
            e.violations().forEach(v -> System.err.println(v.field() + ": " + v.message()));
            System.exit(2);
        } catch (Conflict e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** Brings the configured database's schema up to date and exits (for deployments that migrate separately). */
    private static void migrate() {
        StewardConfig config = StewardConfig.fromEnvironment();
        int applied = Migrations.migrate(config.persistence());
        LOG.info("database schema up to date ({} migrations applied)", applied);
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar steward.jar [server|add-user|agent|migrate|help]");
        out.println("  server  run the control plane (default); configure with STEWARD_* environment variables");
        out.println("  migrate bring the database schema up to date (STEWARD_DATABASE_URL or the embedded one) and exit");
        out.println("  add-user <email> [admin|technician|viewer]");
        out.println("          add a user to the first MSP; password from STEWARD_NEW_USER_PASSWORD, else printed");
        out.println("  agent   run one client's agent (inside its container); needs STEWARD_CONTROL_PLANE_URL and");
        out.println("          STEWARD_AGENT_TOKEN, optional STEWARD_HEARTBEAT_MS (default 5000)");
    }
}
