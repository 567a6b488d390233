package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 10's benchmark (docs/benchmarks.md): ticket → internal note through the client's agent, runbook reasoner,
 * 200 tickets after 10 warm-up ones, first with the agent in its container on a real Docker engine, then the same
 * tickets on the in-process runtime, in one run. Also how long an idle agent in its container takes to start working
 * an item after intake recorded it (the webhook's 202 → the agent's own log line "working ticket N", both on this
 * host's clock). Opt-in: {@code -Dsteward.bench=true}; {@code -Dsteward.bench.tickets=N} changes the count.
 */
@EnabledIfSystemProperty(named = "steward.bench", matches = "true")
class DockerTicketBenchmarkIT {

    private static final String KIND = "connectwise";
    private static final Pattern WORKING = Pattern.compile("^(\\S+) .*working ticket (\\d+) ", Pattern.MULTILINE);

    @Test
    void ticketToNoteThroughTheAgentContainerAndInProcess() throws Exception {
        int tickets = Integer.getInteger("steward.bench.tickets", 200);
        DockerSupport.requireEngine("DockerTicketBenchmarkIT");
        DockerSupport.buildAgentImage();
        String installation = "bench-tickets-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> docker;
        List<Long> taken = new ArrayList<>();
        try (PlanModeWorld world = PlanModeWorld.start(DockerSupport.controlPlaneEnvironment("bench-tickets",
                Map.of("STEWARD_INSTALLATION_ID", installation)), List.of(new StubConnectWise()))) {
            Map<Long, Instant> recorded = new HashMap<>();
            docker = time(world, tickets, recorded);
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
                Instant intake = recorded.get(Long.parseLong(line.group(2)));
                if (intake != null) {
                    taken.add(Duration.between(intake, Instant.parse(line.group(1))).toNanos() / 1_000);
                }
            }
        } finally {
            DockerSupport.run(List.of("sh", "-c", "docker ps -aq --filter label=steward.installation=" + installation
                    + " | xargs -r docker rm -f"), Duration.ofSeconds(60));
        }
        List<Long> inProcess;
        try (PlanModeWorld world = PlanModeWorld.start(Map.of(), List.of(new StubConnectWise()))) {
            inProcess = time(world, tickets, new HashMap<>());
        }
        print("agent container (Docker)", docker);
        print("in-process runtime", inProcess);
        List<Long> sortedTaken = taken.stream().sorted().toList();
        assertThat(sortedTaken).as("every timed ticket's 'working' line was found").hasSize(tickets);
        System.out.printf("intake recorded (202) -> the container's agent logs 'working ticket', %d tickets: p50 %.1f "
                        + "ms, p99 %.1f ms, max %.1f ms (negative: the agent started before the 202 reached the "
                        + "caller)%n", sortedTaken.size(), PlanModeWorld.percentile(sortedTaken, 50) / 1000.0,
                PlanModeWorld.percentile(sortedTaken, 99) / 1000.0, sortedTaken.getLast() / 1000.0);
    }

    /** Times {@code tickets} tickets after 10 warm-up ones; records when each webhook's 202 came back. */
    private static List<Long> time(PlanModeWorld world, int tickets, Map<Long, Instant> recorded) throws Exception {
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
                recorded.put(ticket, accepted);
            }
        }
        return micros.stream().sorted().toList();
    }

    private static void print(String where, List<Long> sorted) {
        System.out.printf("ticket -> internal note, %s, runbook reasoner, %d tickets: p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms%n", where, sorted.size(), PlanModeWorld.percentile(sorted, 50) / 1000.0,
                PlanModeWorld.percentile(sorted, 99) / 1000.0, sorted.getLast() / 1000.0);
    }
}
