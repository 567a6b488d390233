package dev.steward.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.agentloop.AgentWorldAccess;
import dev.steward.application.agentloop.RunbookReasoner;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.ticket.TicketPollingLoop.PollingPeriod;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolParameter;
import dev.steward.domain.mode.OperatingMode;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TicketPollingLoopTest {

    private final AgentWorldAccess world = new AgentWorldAccess(new RunbookReasoner());
    private final TicketPollingLoop loop = new TicketPollingLoop(world.msps(), world.integrations(), world.systems(),
            world.poll(), world.clock(), new PollingPeriod(Duration.ofSeconds(60)));

    {
        world.client("250", OperatingMode.INHERIT);
        world.connect("connectwise", List.of(), Map.of());
        world.connect("m365", List.of(Tool.readOnly("m365:get-user", "Read a user")
                .taking(ToolParameter.required("user", ToolParameter.Type.STRING, "UPN"))), Map.of());
        world.clock().advance(Duration.ofMinutes(1));
    }

    private String aTicket(String summary) {
        String id = world.psa().open("250", summary, "details", "dana@contoso.example", world.clock().instant());
        world.clock().advance(Duration.ofSeconds(30));
        return id;
    }

    @Test
    void aPolledTicketGetsItsOneNoteAndPollingAgainAddsNone() {
        String ticket = aTicket("Outlook keeps asking for password");

        assertThat(loop.pollOnce()).isEqualTo(1);
        world.work();
        world.clock().advance(Duration.ofMinutes(1));
        assertThat(loop.pollOnce()).isZero();
        world.work();

        assertThat(world.psa().notes(ticket)).hasSize(1);
        String later = aTicket("Printer offline");
        assertThat(loop.pollOnce()).isEqualTo(1);
        world.work();
        assertThat(world.psa().notes(later)).hasSize(1);
    }

    @Test
    void ticketsOpenedBeforeThePsaWasConnectedAreLeftAlone() {
        world.psa().open("250", "Old ticket", "details", "dana@contoso.example",
                world.clock().instant().minus(Duration.ofHours(2)));

        assertThat(loop.pollOnce()).isZero();
    }

    @Test
    void aPsaThatFailsKeepsItsWindowAndIsAskedAgainNextPass() {
        AtomicBoolean down = new AtomicBoolean(true);
        TicketSystem real = world.psa();
        world.connectPsa((TicketSystem) Proxy.newProxyInstance(TicketSystem.class.getClassLoader(),
                new Class<?>[] {TicketSystem.class}, (proxy, method, args) -> {
                    if (method.getName().equals("newTickets") && down.get()) {
                        throw new PortFailure("connectwise", true, "unreachable", null);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
        String duringOutage = aTicket("VPN down");

        assertThat(loop.pollOnce()).isZero();
        world.clock().advance(Duration.ofMinutes(30));
        down.set(false);

        assertThat(loop.pollOnce()).isEqualTo(1);
        world.work();
        assertThat(world.psa().notes(duringOutage)).hasSize(1);
    }

    @Test
    void runsInTheBackgroundUntilClosed() throws Exception {
        String ticket = aTicket("Mailbox full");

        loop.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (world.work() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            loop.close();
        }
        assertThat(world.psa().notes(ticket)).hasSize(1);
    }
}
