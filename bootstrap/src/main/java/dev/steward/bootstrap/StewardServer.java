package dev.steward.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.steward.adapter.persistence.Database;
import dev.steward.adapter.persistence.OwnerOnlyFile;
import dev.steward.adapter.web.WebServer;
import dev.steward.application.client.CreateClientUseCase;
import dev.steward.application.client.DeleteClientUseCase;
import dev.steward.application.client.GetClientUseCase;
import dev.steward.application.client.ListClientsUseCase;
import dev.steward.application.client.ListStatusHistoryUseCase;
import dev.steward.application.integration.ReconnectIntegrationsUseCase;
import dev.steward.application.lifecycle.Lifecycle;
import dev.steward.application.operator.IssuedOperatorCredential;
import dev.steward.application.operator.OperatorCredentialsUseCase;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.signin.ApiTokensUseCase;
import dev.steward.application.signin.CreateUserCommand;
import dev.steward.application.signin.CreateUserUseCase;
import dev.steward.application.signin.FirstRunUseCase;
import dev.steward.application.signin.FirstRunUseCase.FirstAdmin;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.user.User;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running control plane. This is the composition root, the only place that asks the injector for instances. It
 * opens the database first (outside Guice, so a store that cannot start says so plainly), builds the injector, sets
 * up the first run, then starts every {@link Lifecycle} by phase (agents, background loops, last the web server) and
 * on {@link #close} stops them in the reverse order before closing the database.
 */
public final class StewardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StewardServer.class);

    private final Injector injector;
    private final Optional<Database> database;
    private final Lifecycles lifecycles;
    private final Msp defaultMsp;
    private final Optional<FirstAdmin> firstAdmin;
    private final Optional<Path> firstAdminPasswordFile;
    /** The file in the data directory that holds a generated first-admin password. */
    static final String FIRST_ADMIN_PASSWORD_FILE = "first-admin-password";

    private StewardServer(Injector injector, Optional<Database> database, StewardConfig.FirstRun firstRun,
                          Path dataDir) {
        this.injector = injector;
        this.database = database;
        this.firstAdmin = injector.getInstance(FirstRunUseCase.class)
                .setUp(firstRun.mspName(), firstRun.adminEmail(), firstRun.adminPassword());
        this.firstAdminPasswordFile = firstAdmin.flatMap(FirstAdmin::generatedPassword)
                .map(password -> writeFirstAdminPassword(dataDir, password));
        this.defaultMsp = injector.getInstance(MspRepository.class).list().getFirst();
        // stored PSAs take tickets in (webhooks, polling) and take notes only once they are live again
        int live = injector.getInstance(ReconnectIntegrationsUseCase.class).reconnectAll();
        LOG.info("{} stored integration(s) live", live);
        this.lifecycles = new Lifecycles(injector.getInstance(Key.get(new TypeLiteral<Set<Lifecycle>>() { })));
    }

    public static StewardServer start(StewardConfig config) {
        Optional<Database> database = openDatabase(config);
        try {
            Injector injector = Guice.createInjector(Stage.PRODUCTION, Profiles.modulesFor(config, database));
            StewardServer server = new StewardServer(injector, database, config.firstRun(), config.dataDir());
            server.lifecycles.startAll();
            return server;
        } catch (RuntimeException | Error e) {
            database.ifPresent(Database::close);
            throw e;
        }
    }

    /** The configured PostgreSQL, open and migrated; nothing for the in-memory store. */
    static Optional<Database> openDatabase(StewardConfig config) {
        return switch (config.store()) {
            case POSTGRES -> Optional.of(Database.open(config.persistence()));
            case MEMORY -> Optional.empty();
        };
    }

    /** The first admin created at this start (empty when the store already had users). */
    public Optional<FirstAdmin> firstAdmin() {
        return firstAdmin;
    }

    /** Where the first admin's generated password was written (mode 600), when one was generated at this start. */
    public Optional<Path> firstAdminPasswordFile() {
        return firstAdminPasswordFile;
    }

    /**
     * The generated password goes to a file only its owner can read, not to the console: a console is often
     * redirected into a log file that others can read or that is shipped elsewhere.
     */
    private static Path writeFirstAdminPassword(Path dataDir, String password) {
        Path file = dataDir.toAbsolutePath().resolve(FIRST_ADMIN_PASSWORD_FILE);
        try {
            OwnerOnlyFile.replace(file, password + "\n");
            return file;
        } catch (IOException e) {
            throw new ConfigurationError("could not write the first admin's password to " + file + " ("
                    + e.getClass().getSimpleName() + "); set STEWARD_ADMIN_PASSWORD or make STEWARD_DATA_DIR writable");
        }
    }


    /**
     * Adds a user to the installation's first MSP without starting the server (the {@code add-user} command): for a
     * second technician, or when the first admin's password was lost.
     */
    public static User addUser(StewardConfig config, String email, String role, String password) {
        return offline(config, injector -> {
            Msp msp = injector.getInstance(MspRepository.class).list().stream().findFirst()
                    .orElseThrow(() -> new ConfigurationError("no MSP yet: start the server once first"));
            return injector.getInstance(CreateUserUseCase.class)
                    .create(new CreateUserCommand(msp.id(), email, password, role));
        });
    }

    /** Creates an operator credential without starting the server (the {@code add-operator} command). */
    public static IssuedOperatorCredential addOperator(StewardConfig config, String name) {
        return offline(config, injector -> injector.getInstance(OperatorCredentialsUseCase.class).add(name));
    }

    /** Runs a CLI command's work on the configured store without starting the server, closing the store after. */
    private static <T> T offline(StewardConfig config, java.util.function.Function<Injector, T> work) {
        Optional<Database> database = openDatabase(config);
        try {
            return work.apply(Guice.createInjector(Stage.PRODUCTION, Profiles.modulesFor(config, database)));
        } finally {
            database.ifPresent(Database::close);
        }
    }

    /** The core's use cases, for embedding a running control plane (and for tests). */
    public UseCases useCases() {
        return new UseCases(injector.getInstance(CreateClientUseCase.class), injector.getInstance(GetClientUseCase.class),
                injector.getInstance(ListClientsUseCase.class), injector.getInstance(DeleteClientUseCase.class),
                injector.getInstance(ListStatusHistoryUseCase.class), injector.getInstance(ApiTokensUseCase.class),
                injector.getInstance(CreateUserUseCase.class));
    }

    public record UseCases(CreateClientUseCase createClient, GetClientUseCase getClient, ListClientsUseCase listClients,
                           DeleteClientUseCase deleteClient, ListStatusHistoryUseCase history,
                           ApiTokensUseCase apiTokens, CreateUserUseCase createUser) {}

    /**
     * A component of the running server, for bootstrap's own integration tests: the wiring no API offers yet
     * (connecting a PSA with its secrets, mapping a client to a PSA company, a tool integration).
     */
    <T> T component(Class<T> type) {
        return injector.getInstance(type);
    }

    public int port() {
        return injector.getInstance(WebServer.class).port();
    }

    public Msp defaultMsp() {
        return defaultMsp;
    }

    @Override
    public void close() {
        try {
            lifecycles.stopAll();
        } finally {
            database.ifPresent(Database::close);
        }
    }
}
