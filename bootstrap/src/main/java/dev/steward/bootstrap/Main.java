package dev.steward.bootstrap;

import dev.steward.application.problem.Conflict;
import dev.steward.application.operator.IssuedOperatorCredential;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.security.SecretTokens;
import dev.steward.application.signin.FirstRunUseCase.FirstAdmin;
import dev.steward.domain.user.User;
import dev.steward.adapter.persistence.Migrations;
import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import dev.steward.application.problem.PortFailure;
import dev.steward.adapter.persistence.backup.BackupRefused;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar steward.jar [server]}: runs the control plane (the default command). Configuration comes from
 * environment variables, see {@link StewardConfig} and the README.
 */
public final class Main {

    /** SLF4J's system property naming the logging back-end to use, so that it does not look one up. */
    static final String LOG_PROVIDER = "slf4j.provider";

    /** Looked up when first needed, not when this class loads: {@link #main} chooses the back-end first. */
    private static Logger log() {
        return LoggerFactory.getLogger(Main.class);
    }

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "server" : args[0];
        if (command.equals("agent") && System.getProperty(LOG_PROVIDER) == null) {
            // before anything logs: the agent writes the control plane's text lines without setting logback up
            System.setProperty(LOG_PROVIDER, AgentLogProvider.class.getName());
            // SLF4J would otherwise announce the chosen provider on every start; its warnings still show
            System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "WARN"));
        }
        try {
            switch (command) {
                case "server" -> server();
                case "agent" -> AgentCommand.run(System.getenv());
                case "migrate" -> migrate();
                case "add-user" -> addUser(args);
                case "add-operator" -> addOperator(args);
                case "backup", "restore" -> BackupCommand.run(command, args, System.getenv());
                case "help", "--help", "-h" -> usage(System.out);
                default -> {
                    usage(System.err);
                    System.exit(2);
                }
            }
        } catch (ConfigurationError e) {
            log().error("configuration error: {}", e.getMessage());
            System.exit(2);
        } catch (BackupRefused e) {
            log().error("{} refused: {}", command, e.getMessage());
            System.exit(1);
        } catch (PortFailure e) {
            // the database cannot open: StewardServer opens it before the injector, so it arrives as itself
            log().error("cannot start: {}", e.getMessage());
            System.exit(1);
        } catch (CreationException | ProvisionException e) {
            // Guice repeats one failed start (the database cannot open) for every binding that needs it: say it once
            Optional<PortFailure> cause = portFailure(e);
            if (cause.isEmpty()) {
                throw e;
            }
            log().error("cannot start: {}", cause.get().getMessage());
            System.exit(1);
        }
    }

    private static Optional<PortFailure> portFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PortFailure failure) {
                return Optional.of(failure);
            }
        }
        Collection<Message> messages = e instanceof CreationException c ? c.getErrorMessages()
                : e instanceof ProvisionException p ? p.getErrorMessages() : List.of();
        return messages.stream().map(Message::getCause).filter(java.util.Objects::nonNull)
                .map(Main::portFailure).flatMap(Optional::stream).findFirst();
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
        server.firstAdmin().ifPresent(admin -> System.out.println(firstRunNotice(admin, "http://" + host + ":"
                + server.port() + "/login", server.firstAdminPasswordFile())));
        log().info("Steward is running at http://{}:{}/ (store: {}, runtime: {}, reasoner: {})", host, server.port(),
                config.store().name().toLowerCase(), config.runtime().name().toLowerCase(),
                config.reasoner().name().toLowerCase());
        stopped.await();
    }

    /**
     * The first admin's sign-in, once, on the console: where to sign in, as whom, and — when the password was
     * generated — which owner-only file holds it. The password itself is never printed: consoles end up in log files.
     */
    static String firstRunNotice(FirstAdmin admin, String where, Optional<Path> passwordFile) {
        return passwordFile.map(file -> """

                ============================================================================
                 Steward's first run: sign in at %s
                   email:    %s
                   password: in %s (readable only by you)
                 Sign in, change the password under "Your password", then delete that file.
                 Set STEWARD_ADMIN_PASSWORD to choose the password instead.
                ============================================================================
                """.formatted(where, admin.admin().email(), file))
                .orElse("Steward's first run: sign in at " + where + " as " + admin.admin().email());
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

    /**
     * {@code add-operator <name>}: an operator credential for {@code /api/v1/operator}, printed once on the console
     * (stored only hashed), for whoever runs the installation's MSPs.
     */
    private static void addOperator(String[] args) {
        if (args.length != 2) {
            usage(System.err);
            System.exit(2);
        }
        try {
            IssuedOperatorCredential issued = StewardServer.addOperator(StewardConfig.fromEnvironment(), args[1]);
            System.out.println("added operator " + issued.operator().name() + "; its credential (shown only now, send"
                    + " it as 'Authorization: Bearer <credential>' to /api/v1/operator/...):");
            System.out.println(issued.secret());
        } catch (InvalidCommand e) {
            e.violations().forEach(v -> System.err.println(v.field() + ": " + v.message()));
            System.exit(2);
        }
    }

    /** Brings the configured database's schema up to date and exits (for deployments that migrate separately). */
    private static void migrate() {
        StewardConfig config = StewardConfig.fromEnvironment();
        int applied = Migrations.migrate(config.persistence());
        log().info("database schema up to date ({} migrations applied)", applied);
    }

    /** A line for the operator on the console (commands that report a result, not the log). */
    static void say(String line) {
        System.out.println(line);
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar steward.jar [server|add-user|add-operator|backup|restore|agent|migrate|help]");
        out.println("  server  run the control plane (default); configure with STEWARD_* environment variables");
        out.println("  migrate bring the database schema up to date (STEWARD_DATABASE_URL or the embedded one) and exit");
        out.println("  add-operator <name>");
        out.println("          create an operator credential for /api/v1/operator (create, list, suspend MSPs);");
        out.println("          printed once");
        out.println("  add-user <email> [admin|technician|viewer]");
        out.println("          add a user to the first MSP; password from STEWARD_NEW_USER_PASSWORD, else printed");
        out.println("  backup <file>   write the database and the secret key (sealed with a passphrase from");
        out.println("          STEWARD_BACKUP_PASSPHRASE, STEWARD_BACKUP_PASSPHRASE_FILE or the console) to <file>");
        out.println("  restore <file>  bring a backup back into an empty data directory or database");
        out.println("  agent   run one client's agent (inside its container); needs STEWARD_CONTROL_PLANE_URL and");
        out.println("          STEWARD_AGENT_TOKEN, optional STEWARD_HEARTBEAT_MS (default and most 20000)");
    }
}
