package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.application.client.CreateClientCommand;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What idle agents' long polls cost the store and the control plane: N clients (500) with the default in-process
 * runtime on PostgreSQL (embedded, reached as an external database, the real Jdbi store), every agent active and
 * idle, each waiting in its long poll for work ({@code AgentWorkService.take}, the use case behind
 * {@code POST /agent/v1/work/take}) and checking in with it every heartbeat. Over a window it counts the statements
 * the control plane sends (a Jdbi {@link SqlLogger}, by statement), PostgreSQL's committed transactions, the control
 * plane's CPU (this JVM: the server and its in-process agents, nothing else runs) and PostgreSQL's CPU (the
 * postmaster and its backends, from /proc). Numbers, not a pass/fail target: docs/benchmarks.md records them.
 *
 * <p>Opt-in: {@code -Dsteward.bench=true}; {@code -Dsteward.bench.agents=N} (500),
 * {@code -Dsteward.bench.window=S} seconds (30).
 */
@EnabledIfSystemProperty(named = "steward.bench", matches = "true")
class IdleLongPollBenchmarkIT {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    @Test
    void idleAgentsLongPollsAgainstPostgres() throws Exception {
        int agents = Integer.getInteger("steward.bench.agents", 500);
        Duration window = Duration.ofSeconds(Integer.getInteger("steward.bench.window", 30));
        try (SharedPostgres postgres = SharedPostgres.start()) {
            Map<String, String> env = SharedPostgres.environment(postgres.newDatabase());
            env.remove("STEWARD_RECONCILE_DUE_MS"); // the production intervals: the reconciler's own load stays small
            env.remove("STEWARD_RECONCILE_FULL_MS");
            try (StewardServer server = StewardServer.start(StewardConfig.from(env))) {
                Jdbi jdbi = server.component(Jdbi.class);
                for (int i = 0; i < agents; i++) {
                    server.useCases().createClient().create(new CreateClientCommand(server.defaultMsp().id(),
                            "Idle " + i, "idle-" + i));
                }
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbi.withHandle(
                        h -> h.createQuery("select count(*) from clients where status = 'active'").mapTo(Integer.class)
                                .one()) == agents);
                Thread.sleep(Duration.ofSeconds(15)); // every agent past its first heartbeats, the JIT settled

                Counting counting = new Counting(jdbi.getConfig(SqlStatements.class).getSqlLogger());
                jdbi.getConfig(SqlStatements.class).setSqlLogger(counting);
                long postmaster = jdbi.withHandle(h -> h.createQuery("select pg_backend_pid()").mapTo(Long.class)
                        .one());
                postmaster = parentOf(postmaster);
                long xactsBefore = transactions(jdbi);
                long pgBefore = cpuTicksOfTree(postmaster);
                long jvmBefore = jvmCpuNanos();
                long started = System.nanoTime();
                counting.reset();

                Thread.sleep(window);

                long statements = counting.total();
                double seconds = (System.nanoTime() - started) / 1e9;
                long jvm = jvmCpuNanos() - jvmBefore;
                long pg = cpuTicksOfTree(postmaster) - pgBefore;
                Thread.sleep(Duration.ofMillis(1500)); // PostgreSQL publishes its counters within a second
                long xacts = transactions(jdbi) - xactsBefore;
                System.out.printf("BENCH idle long polls: %d agents, %.1f s, load average %s%n", agents, seconds,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                System.out.printf("BENCH   statements from the control plane: %.0f/s; PostgreSQL transactions"
                        + " (committed + rolled back): %.0f/s%n", statements / seconds, xacts / seconds);
                System.out.printf("BENCH   CPU: control plane (this JVM) %.1f %% of one core; PostgreSQL %.1f %%%n",
                        100.0 * jvm / 1e9 / seconds, 100.0 * pg / TICKS_PER_SECOND / seconds);
                counting.byStatement().entrySet().stream()
                        .sorted(Map.Entry.<String, LongAdder>comparingByValue(
                                Comparator.comparingLong(LongAdder::sum)).reversed())
                        .limit(8)
                        .forEach(e -> System.out.printf("BENCH   %7.1f/s  %s%n", e.getValue().sum() / seconds,
                                e.getKey()));
                assertThat(statements).as("the window saw the agents' calls").isPositive();
            }
        }
    }

    /** Counts each statement Jdbi runs, by its first words, and hands it on to the logger already configured. */
    private static final class Counting implements SqlLogger {
        private final SqlLogger next;
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        Counting(SqlLogger next) {
            this.next = next;
        }

        @Override
        public void logBeforeExecution(StatementContext context) {
            String sql = context.getRawSql().strip().replaceAll("\\s+", " ");
            counts.computeIfAbsent(sql.length() > 90 ? sql.substring(0, 90) + "…" : sql, k -> new LongAdder())
                    .increment();
            next.logBeforeExecution(context);
        }

        @Override
        public void logAfterExecution(StatementContext context) {
            next.logAfterExecution(context);
        }

        @Override
        public void logException(StatementContext context, SQLException ex) {
            next.logException(context, ex);
        }

        void reset() {
            counts.clear();
        }

        long total() {
            return counts.values().stream().mapToLong(LongAdder::sum).sum();
        }

        Map<String, LongAdder> byStatement() {
            return counts;
        }
    }

    private static long transactions(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("select xact_commit + xact_rollback from pg_stat_database"
                + " where datname = current_database()").mapTo(Long.class).one());
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** utime + stime of {@code root} and every process whose parent it is, in clock ticks. */
    private static long cpuTicksOfTree(long root) throws IOException {
        long total = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat = stat(process);
                if (stat == null) {
                    continue;
                }
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == root || Long.parseLong(stat[1]) == root) {
                    total += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        }
        return total;
    }

    private static long parentOf(long pid) throws IOException {
        return Long.parseLong(stat(Path.of("/proc", Long.toString(pid)))[1]);
    }

    /** The fields of /proc/PID/stat after the command's closing parenthesis (state is [0], ppid [1], utime [11]). */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
