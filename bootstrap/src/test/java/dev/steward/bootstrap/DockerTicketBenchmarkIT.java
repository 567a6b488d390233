package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 10's benchmark (docs/benchmarks.md): ticket → internal note through the client's agent, runbook reasoner,
 * 200 tickets after 10 warm-up ones, first with the agent in its container on a real Docker engine, then the same
 * tickets on the in-process runtime, in one run; each ticket is sent {@link #PAUSE} after the previous one's note, so
 * it reaches an idle agent. Also how long the idle agent in its container takes to take an item: the webhook's 202 →
 * the agent's own log line "working ticket N" (the engine's timestamp, this host's clock), and split where the store
 * says it was: intake recorded the item ({@code created_at}) → a take leased it → the agent's log line. Opt-in:
 * {@code -Dsteward.bench=true}; {@code -Dsteward.bench.tickets=N} changes the count,
 * {@code -Dsteward.bench.pauseMillis=N} the pause (300 ms).
 */
@EnabledIfSystemProperty(named = "steward.bench", matches = "true")
class DockerTicketBenchmarkIT {

    private static final String KIND = "connectwise";
    private static final long LEASE_MILLIS = 60_000;
    private static final Duration LEASE = Duration.ofMillis(LEASE_MILLIS);
    /** Between one ticket's note and the next ticket, so that each ticket reaches an idle agent. */
    private static final Duration PAUSE = Duration.ofMillis(Long.getLong("steward.bench.pauseMillis", 300));
    private static final Pattern WORKING = Pattern.compile("^(\\S+) .*working ticket (\\d+) ", Pattern.MULTILINE);

    @Test
    void ticketToNoteThroughTheAgentContainerAndInProcess() throws Exception {
        int tickets = Integer.getInteger("steward.bench.tickets", 200);
        DockerSupport.requireEngine("DockerTicketBenchmarkIT");
        DockerSupport.buildAgentImage();
        String installation = "bench-tickets-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> docker;
        List<Long> taken = new ArrayList<>();
        Map<Long, Instant> acceptedAt = new HashMap<>();
        Map<Long, Instant> loggedWorking = new HashMap<>();
        Map<Long, WorkTimes> workTimes;
        try (PlanModeWorld world = PlanModeWorld.start(DockerSupport.controlPlaneEnvironment("bench-tickets",
                Map.of("STEWARD_INSTALLATION_ID", installation, "STEWARD_WORK_LEASE_MS",
                        Long.toString(LEASE.toMillis()))), List.of(new StubConnectWise()))) {
            docker = time(world, tickets, acceptedAt);
            workTimes = workTimes(world.component(Jdbi.class), acceptedAt.keySet());
            // every agent container of the run (a replaced one may still be listed): their logs, timestamped
            StringBuilder logs = new StringBuilder();
            for (String container : DockerSupport.run(List.of("docker", "ps", "-aq", "--filter",
                    "label=steward.installation=" + installation), Duration.ofSeconds(20)).output().strip().split("\\s+")) {
                logs.append(DockerSupport.run(List.of("docker", "logs", "-t", container), Duration.ofSeconds(60))
                        .output());
            }
            System.out.println("agent log sample: " + logs.substring(0, Math.min(600, logs.length())));
            Matcher line = WORKING.matcher(logs);
            while (line.find()) {
                long ticket = Long.parseLong(line.group(2));
                Instant accepted = acceptedAt.get(ticket);
                if (accepted != null && !loggedWorking.containsKey(ticket)) {
                    loggedWorking.put(ticket, Instant.parse(line.group(1)));
                    taken.add(Duration.between(accepted, Instant.parse(line.group(1))).toNanos() / 1_000);
                }
            }
        } finally {
            DockerSupport.removeAgentsOf(installation);
        }
        List<Long> inProcess;
        try (PlanModeWorld world = PlanModeWorld.start(Map.of(), List.of(new StubConnectWise()))) {
            inProcess = time(world, tickets, new HashMap<>());
        }
        print("agent container (Docker)", docker);
        print("in-process runtime", inProcess);
        List<Long> sortedTaken = taken.stream().sorted().toList();
        assertThat(sortedTaken).as("every timed ticket's 'working' line was found").hasSize(tickets);
        System.out.printf("webhook accepted (202) -> the container's agent logs 'working ticket', %d tickets: p50 %.1f "
                        + "ms, p99 %.1f ms, max %.1f ms (negative: the agent started before the 202 reached the "
                        + "caller)%n", sortedTaken.size(), PlanModeWorld.percentile(sortedTaken, 50) / 1000.0,
                PlanModeWorld.percentile(sortedTaken, 99) / 1000.0, sortedTaken.getLast() / 1000.0);
        // the same path split where the control plane's store says it was: recorded by intake, leased by a take
        assertThat(workTimes).as("every timed ticket's work item").hasSize(tickets);
        List<Long> acceptedToRecorded = new ArrayList<>();
        List<Long> recordedToLeased = new ArrayList<>();
        List<Long> leasedToLogged = new ArrayList<>();
        List<Long> recordedToLogged = new ArrayList<>();
        workTimes.forEach((ticket, times) -> {
            acceptedToRecorded.add(micros(acceptedAt.get(ticket), times.recorded()));
            recordedToLeased.add(micros(times.recorded(), times.leased()));
            leasedToLogged.add(micros(times.leased(), loggedWorking.get(ticket)));
            recordedToLogged.add(micros(times.recorded(), loggedWorking.get(ticket)));
        });
        printSplit("202 -> intake recorded the work item (intake reads the ticket and its notes from the PSA first)",
                acceptedToRecorded);
        printSplit("intake recorded the work item -> a take leased it (control plane, store times)", recordedToLeased);
        printSplit("leased -> the container's agent logs 'working ticket' (answer over the bridge, agent)",
                leasedToLogged);
        printSplit("intake recorded the work item -> the container's agent logs 'working ticket'", recordedToLogged);
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1_000;
    }

    /** When intake recorded a ticket's work item and when a take leased it (its first delivery). */
    private record WorkTimes(Instant recorded, Instant leased) {}

    /**
     * The times the store kept for each ticket's new-ticket item: {@code created_at} is intake's clock when it recorded
     * the item, and a take sets {@code leased_until} to its own clock plus the lease ({@value #LEASE_MILLIS} ms here);
     * an item finished in well under a third of the lease was never renewed, so that is when it was taken.
     */
    private static Map<Long, WorkTimes> workTimes(Jdbi jdbi, java.util.Set<Long> tickets) {
        Map<Long, WorkTimes> times = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("""
                        select s.external_reference, w.created_at, w.leased_until
                        from work_items w join sessions s on s.id = w.session_id
                        where w.kind = 'new_ticket' and w.deliveries = 1""")
                .map((rs, ctx) -> Map.entry(Long.parseLong(rs.getString(1)), new WorkTimes(
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant().minus(LEASE))))
                .forEach(entry -> {
                    if (tickets.contains(entry.getKey())) {
                        times.put(entry.getKey(), entry.getValue());
                    }
                }));
        return times;
    }

    private static void printSplit(String what, List<Long> micros) {
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("%s, %d tickets: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.size(),
                PlanModeWorld.percentile(sorted, 50) / 1000.0, PlanModeWorld.percentile(sorted, 90) / 1000.0,
                PlanModeWorld.percentile(sorted, 99) / 1000.0, sorted.getLast() / 1000.0);
    }

    /** Times {@code tickets} tickets after 10 warm-up ones; records when each webhook's 202 came back. */
    private static List<Long> time(PlanModeWorld world, int tickets, Map<Long, Instant> acceptedAt) throws Exception {
        StubPsa psa = world.psa(KIND);
        List<Long> micros = new ArrayList<>();
        for (int i = -10; i < tickets; i++) {
            long ticket = world.newTicket(KIND, "I am locked out, password expired");
            StubPsa.Delivery delivery = psa.ticketCreated(ticket);
            long started = System.nanoTime();
            assertThat(world.webhook(KIND, delivery).statusCode()).isEqualTo(202);
            Instant accepted = Instant.now();
            long noted = psa.firstNote(ticket).get(60, TimeUnit.SECONDS);
            if (i >= 0) {
                micros.add((noted - started) / 1_000);
                acceptedAt.put(ticket, accepted);
            }
            Thread.sleep(PAUSE.toMillis()); // the agent completes the item and is idle in its long poll again
        }
        return micros.stream().sorted().toList();
    }

    private static void print(String where, List<Long> sorted) {
        System.out.printf("ticket -> internal note, %s, runbook reasoner, %d tickets: p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms%n", where, sorted.size(), PlanModeWorld.percentile(sorted, 50) / 1000.0,
                PlanModeWorld.percentile(sorted, 99) / 1000.0, sorted.getLast() / 1000.0);
    }
}
