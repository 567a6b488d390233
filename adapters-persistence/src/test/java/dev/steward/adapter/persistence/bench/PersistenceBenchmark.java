package dev.steward.adapter.persistence.bench;

import dev.steward.adapter.persistence.Database;
import dev.steward.adapter.persistence.JdbiActivityLog;
import dev.steward.adapter.persistence.JdbiClientRepository;
import dev.steward.adapter.persistence.JdbiMspRepository;
import dev.steward.adapter.persistence.JdbiUnitOfWork;
import dev.steward.adapter.persistence.PersistenceSettings;
import dev.steward.application.client.CreateClientCommand;
import dev.steward.application.client.CreateClientService;
import dev.steward.application.id.TimeOrderedIdGenerator;
import dev.steward.application.port.activity.ActivityQuery;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.provisioning.ProvisioningWakeUp;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.Client;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.ClientName;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.msp.MspName;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The persistence targets of issue 3, each measured next to a raw-Jdbi baseline running the same SQL in the same
 * run: create-client through {@link CreateClientService} (>= 1,000 clients/s), activity append in batches
 * (>= 20,000 entries/s), and the newest 50 entries of one client among 5,000,000 rows (p99 < 5 ms, EXPLAIN shows
 * the index). A plain timed main, not a unit test: see docs/benchmarks.md for the command.
 *
 * <p>Arguments: {@code [dataDirectory] [activityRows]}; defaults {@code target/bench-postgres} and 5,000,000. The
 * data directory is kept, so a second run skips loading the 5,000,000 rows.
 */
public final class PersistenceBenchmark {

    private static final int THREADS = 8;
    private static final int CREATES = 20_000;
    private static final int WARM_UP = 2_000;
    private static final int BATCH = 1_000;
    private static final int APPENDS = 300_000;
    private static final int QUERIES = 5_000;

    private final Jdbi jdbi;
    private final JdbiUnitOfWork unitOfWork;
    private final JdbiMspRepository msps;
    private final JdbiClientRepository clients;
    private final JdbiActivityLog activity;
    private final List<String> results = new ArrayList<>();

    private PersistenceBenchmark(Database database) {
        this.jdbi = database.jdbi();
        this.unitOfWork = new JdbiUnitOfWork(jdbi);
        this.msps = new JdbiMspRepository(unitOfWork);
        this.clients = new JdbiClientRepository(unitOfWork);
        this.activity = new JdbiActivityLog(unitOfWork);
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "target/bench-postgres");
        long activityRows = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000L;
        System.out.printf("persistence benchmark: %d cores, load average %.1f, Java %s, data in %s%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.version(), directory.toAbsolutePath());
        try (Database database = Database.open(new PersistenceSettings.Embedded(directory, THREADS * 2))) {
            PersistenceBenchmark bench = new PersistenceBenchmark(database);
            bench.createClients();
            bench.appendActivity();
            bench.newestOfOneClient(activityRows);
            System.out.println();
            bench.results.forEach(System.out::println);
            System.out.printf("load average at the end: %.1f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    // --- create-client ---------------------------------------------------------------------------------------

    private static final String BASELINE_INSERT_CLIENT = """
            insert into clients (id, msp_id, name, slug, mode, status, deploy_status, deploy_error, prompt, psa_kind,
                                 psa_company_id, config_version, retry_failures, retry_next_at, status_changed_at,
                                 created_at, version)
            values (:id, :msp, :name, :slug, 'inherit', 'creating', 'deploying', null, '', null,
                    null, 1, 0, null, :at, :at, 1)
            on conflict do nothing
            """;
    private static final String BASELINE_INSERT_CHANGE = """
            insert into status_changes (client_id, sequence, from_status, to_status, at, reason)
            values (:client, 1, null, 'creating', :at, 'client created')
            """;

    private void createClients() throws Exception {
        List<MspId> tenants = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Msp msp = Msp.register(new MspId(UUID.randomUUID()), new MspName("Bench MSP " + i), Instant.now());
            tenants.add(msps.add(msp).id());
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            CreateClientService service = new CreateClientService(new CommandValidator(factory.getValidator()),
                    clients, msps, new TimeOrderedIdGenerator(Clock.systemUTC()), Clock.systemUTC(), unitOfWork,
                    ProvisioningWakeUp.NONE);
            IntConsumer useCase = i -> service.create(new CreateClientCommand(tenants.get(i % tenants.size()),
                    "Client " + i, "uc-" + run + "-" + i));
            IntConsumer baseline = i -> {
                UUID id = UUID.randomUUID();
                MspId msp = tenants.get(i % tenants.size());
                Instant at = Instant.now();
                jdbi.useTransaction(h -> {
                    h.createQuery("select * from msps where id = :id").bind("id", msp.value()).mapToMap().one();
                    h.createUpdate(BASELINE_INSERT_CLIENT).bind("id", id).bind("msp", msp.value())
                            .bind("name", "Client " + i).bind("slug", "raw-" + run + "-" + i)
                            .bind("at", at.atOffset(ZoneOffset.UTC)).execute();
                    h.createUpdate(BASELINE_INSERT_CHANGE).bind("client", id).bind("at", at.atOffset(ZoneOffset.UTC))
                            .execute();
                });
            };
            parallel(WARM_UP, i -> useCase.accept(CREATES + i));
            parallel(WARM_UP, i -> baseline.accept(CREATES + i));
            double viaUseCase = parallel(CREATES, useCase);
            double raw = parallel(CREATES, baseline);
            results.add(String.format("create-client via CreateClientService: %,.0f clients/s (%d threads, %,d clients;"
                    + " target >= 1,000)  | raw Jdbi, same SQL: %,.0f clients/s", viaUseCase, THREADS, CREATES, raw));
        }
    }

    /** Runs {@code count} operations on {@link #THREADS} threads; returns operations per second. */
    private static double parallel(int count, IntConsumer operation) throws Exception {
        AtomicLong next = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(threads.submit(() -> {
                    for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        operation.accept((int) i);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            threads.shutdownNow();
        }
    }

    // --- activity append ---------------------------------------------------------------------------------------

    private static final String BASELINE_APPEND = """
            insert into activity_log (id, msp_id, client_id, session_id, ticket, at, kind, tool, arguments, outcome,
                                      summary, duration_nanos, actor)
            select t.id, t.msp, t.client, t.session, t.ticket, t.at, t.kind, t.tool, t.arguments::jsonb, t.outcome,
                   t.summary, t.duration, t.actor
            from unnest(:ids::uuid[], :msps::uuid[], :clients::uuid[], :sessions::uuid[], :tickets::text[],
                        :ats::timestamptz[], :kinds::text[], :tools::text[], :arguments::text[], :outcomes::text[],
                        :summaries::text[], :durations::bigint[], :actors::text[])
                 as t(id, msp, client, session, ticket, at, kind, tool, arguments, outcome, summary, duration, actor)
            on conflict (id) do nothing
            """;

    private Client benchClient(String name) {
        Msp msp = msps.add(Msp.register(new MspId(UUID.randomUUID()), new MspName("Bench " + name), Instant.now()));
        return clients.add(Client.register(new ClientId(UUID.randomUUID()), msp.id(), new ClientName(name),
                Slug.of(name + "-" + Long.toString(System.nanoTime(), 36)), Instant.now()));
    }

    /** Entry ids as production makes them: time-ordered UUIDv7, so appends land at the right edge of the key. */
    private static final TimeOrderedIdGenerator ENTRY_IDS = new TimeOrderedIdGenerator(Clock.systemUTC());

    private static ActivityEntry entry(Client client, Instant at, int i) {
        return new ActivityEntry(ENTRY_IDS.next(), client.msp(), client.id(), Optional.of(UUID.randomUUID()),
                Optional.of("T-" + (i % 500)), at, ActivityKind.TOOL_CALL, Optional.of(ToolName.of("m365:get-user")),
                RedactedArguments.of(Map.of("user", "user" + i + "@acme.test", "password", "x")),
                ActivityOutcome.OK, "looked up user " + i, Duration.ofMillis(i % 900), Optional.empty());
    }

    private void appendActivity() {
        Client client = benchClient("append");
        Instant base = Instant.now();
        List<List<ActivityEntry>> batches = new ArrayList<>();
        List<List<ActivityEntry>> rawBatches = new ArrayList<>();
        for (int b = 0; b < (APPENDS + WARM_UP) / BATCH; b++) {
            List<ActivityEntry> batch = new ArrayList<>(BATCH);
            List<ActivityEntry> raw = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                int n = b * BATCH + i;
                batch.add(entry(client, base.plusMillis(n), n));
                raw.add(entry(client, base.plusMillis(n), n));
            }
            batches.add(batch);
            rawBatches.add(raw);
        }
        List<Map<String, String[]>> rawArrays = rawBatches.stream().map(PersistenceBenchmark::arrays).toList();
        int warmBatches = WARM_UP / BATCH;
        for (int b = 0; b < warmBatches; b++) {
            activity.append(batches.get(b));
            rawAppend(rawArrays.get(b));
        }
        long start = System.nanoTime();
        for (int b = warmBatches; b < batches.size(); b++) {
            activity.append(batches.get(b));
        }
        double viaPort = APPENDS / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        for (int b = warmBatches; b < rawArrays.size(); b++) {
            rawAppend(rawArrays.get(b));
        }
        double raw = APPENDS / ((System.nanoTime() - start) / 1e9);
        results.add(String.format("activity append via JdbiActivityLog: %,.0f entries/s (batches of %,d, %,d entries,"
                + " 1 thread; target >= 20,000)  | raw Jdbi, same SQL, arrays prebuilt: %,.0f entries/s",
                viaPort, BATCH, APPENDS, raw));
    }

    private static Map<String, String[]> arrays(List<ActivityEntry> entries) {
        return Map.ofEntries(
                Map.entry("ids", column(entries, e -> e.id().toString())),
                Map.entry("msps", column(entries, e -> e.msp().toString())),
                Map.entry("clients", column(entries, e -> e.client().toString())),
                Map.entry("sessions", column(entries, e -> e.session().map(UUID::toString).orElse(null))),
                Map.entry("tickets", column(entries, e -> e.ticket().orElse(null))),
                Map.entry("ats", column(entries, e -> e.at().toString())),
                Map.entry("kinds", column(entries, e -> "tool_call")),
                Map.entry("tools", column(entries, e -> e.tool().map(ToolName::value).orElse(null))),
                Map.entry("arguments", column(entries, e -> e.arguments().values().entrySet().stream()
                        .map(a -> "\"" + a.getKey() + "\":\"" + a.getValue() + "\"")
                        .collect(Collectors.joining(",", "{", "}")))),
                Map.entry("outcomes", column(entries, e -> e.outcome().label())),
                Map.entry("summaries", column(entries, ActivityEntry::summary)),
                Map.entry("durations", column(entries, e -> Long.toString(e.duration().toNanos()))),
                Map.entry("actors", column(entries, e -> e.actor().orElse(null))));
    }

    private static String[] column(List<ActivityEntry> entries, java.util.function.Function<ActivityEntry, String> f) {
        return entries.stream().map(f).toArray(String[]::new);
    }

    private void rawAppend(Map<String, String[]> arrays) {
        jdbi.useTransaction(h -> {
            var update = h.createUpdate(BASELINE_APPEND);
            arrays.forEach((name, values) -> update.bindArray(name, String.class, (Object[]) values));
            update.execute();
        });
    }

    // --- newest 50 of one client among millions ----------------------------------------------------------------

    private static final String BASELINE_NEWEST = "select id, msp_id, client_id, session_id, ticket, at, kind, tool,"
            + " outcome, summary, duration_nanos, actor,"
            + " (select array_agg(key order by key) from jsonb_each_text(arguments)) as arguments_keys,"
            + " (select array_agg(value order by key) from jsonb_each_text(arguments)) as arguments_values"
            + " from activity_log where msp_id = :msp and client_id = :client order by at desc, id desc limit :limit";

    private void newestOfOneClient(long rows) {
        long present = jdbi.withHandle(h -> h.createQuery("select count(*) from activity_log").mapTo(Long.class).one());
        if (present < rows) {
            load(rows - present);
        } else {
            System.out.printf("activity_log already holds %,d rows: not loading%n", present);
        }
        Client target = jdbi.withHandle(h -> h.createQuery("""
                        select client_id from activity_log where client_id in (select id from clients
                         where name like 'load-%' limit 1) limit 1""").mapTo(UUID.class).findOne())
                .flatMap(id -> clients.find(new ClientId(id))).orElseThrow();
        long total = jdbi.withHandle(h -> h.createQuery("select count(*) from activity_log").mapTo(Long.class).one());
        long ofTarget = jdbi.withHandle(h -> h.createQuery("select count(*) from activity_log where client_id = :c")
                .bind("c", target.id().value()).mapTo(Long.class).one());
        ActivityQuery query = ActivityQuery.newest(target.msp(), Optional.of(target.id()), 50);

        // settle the table first (visibility map, statistics), so autovacuum does not run during the measurement
        jdbi.useHandle(h -> h.execute("vacuum (analyze) activity_log"));
        long[] viaPort = new long[QUERIES];
        long[] raw = new long[QUERIES];
        jdbi.useHandle(h -> {
            for (int i = 0; i < 500; i++) {
                activity.query(query);
                rawNewest(h, target);
            }
            // alternate the two, so machine noise (other processes on the 2 cores) hits both alike
            for (int i = 0; i < QUERIES; i++) {
                long start = System.nanoTime();
                List<ActivityEntry> page = activity.query(query);
                viaPort[i] = System.nanoTime() - start;
                if (page.size() != 50) {
                    throw new IllegalStateException("expected 50 entries, got " + page.size());
                }
                start = System.nanoTime();
                rawNewest(h, target);
                raw[i] = System.nanoTime() - start;
            }
        });
        String plan = jdbi.withHandle(h -> h.createQuery("explain (analyze, buffers) " + BASELINE_NEWEST)
                .bind("msp", target.msp().value()).bind("client", target.id().value()).bind("limit", 50)
                .mapTo(String.class).list().stream().collect(Collectors.joining("\n    ")));
        results.add(String.format("newest 50 of one client (%,d of %,d rows) via JdbiActivityLog: p50 %.2f ms,"
                + " p99 %.2f ms, max %.2f ms (%,d queries; target p99 < 5 ms)  | raw Jdbi, same SQL: p50 %.2f ms,"
                + " p99 %.2f ms", ofTarget, total, percentile(viaPort, 50), percentile(viaPort, 99),
                percentile(viaPort, 100), QUERIES, percentile(raw, 50), percentile(raw, 99)));
        results.add("EXPLAIN (ANALYZE, BUFFERS) of that query:\n    " + plan);
    }

    private static void rawNewest(org.jdbi.v3.core.Handle h, Client target) {
        int count = h.createQuery(BASELINE_NEWEST).bind("msp", target.msp().value())
                .bind("client", target.id().value()).bind("limit", 50).mapToMap().list().size();
        if (count != 50) {
            throw new IllegalStateException("expected 50 rows, got " + count);
        }
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /**
     * Loads {@code rows} entries spread over 1,000 clients of 10 MSPs with one INSERT … SELECT FROM generate_series
     * (one statement; FK triggers off for this session only, the rows are generated against existing ids).
     */
    private void load(long rows) {
        System.out.printf("loading %,d activity rows with generate_series ...%n", rows);
        long start = System.nanoTime();
        List<UUID> clientIds = new ArrayList<>();
        List<UUID> mspIds = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            Msp msp = msps.add(Msp.register(new MspId(UUID.randomUUID()), new MspName("Load " + m), Instant.now()));
            for (int c = 0; c < 100; c++) {
                Client client = clients.add(Client.register(new ClientId(UUID.randomUUID()), msp.id(),
                        new ClientName("load-" + m + "-" + c), Slug.of("load-" + m + "-" + c + "-"
                                + Long.toString(System.nanoTime(), 36)), Instant.now()));
                clientIds.add(client.id().value());
                mspIds.add(msp.id().value());
            }
        }
        jdbi.useTransaction(h -> {
            h.execute("set local session_replication_role = replica");
            h.createUpdate("""
                            insert into activity_log (id, msp_id, client_id, session_id, ticket, at, kind, tool,
                                                      arguments, outcome, summary, duration_nanos, actor)
                            select gen_random_uuid(), (:msps::uuid[])[1 + (n % 1000)],
                                   (:clients::uuid[])[1 + (n % 1000)], gen_random_uuid(), 'T-' || (n % 5000),
                                   timestamptz '2025-01-01' + n * interval '10 ms', 'tool_call', 'm365:get-user',
                                   jsonb_build_object('user', 'user' || n || '@acme.test'), 'ok',
                                   'looked up user ' || n, (n % 900) * 1000000, null
                            from generate_series(1, :rows) as n""")
                    .bindArray("msps", String.class, mspIds.stream().map(UUID::toString).toArray())
                    .bindArray("clients", String.class, clientIds.stream().map(UUID::toString).toArray())
                    .bind("rows", rows)
                    .execute();
        });
        jdbi.useHandle(h -> h.execute("analyze activity_log"));
        System.out.printf("loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
