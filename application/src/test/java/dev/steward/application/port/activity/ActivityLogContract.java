package dev.steward.application.port.activity;

import static dev.steward.application.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.activity.ActivityQuery;
import dev.steward.application.testkit.StoreContractSupport;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every {@link ActivityLog} must pass this: append-only and idempotent by id, newest first by (at, id), keyset
 * pages, every filter of {@link ActivityQuery}, and no entry of another MSP.
 */
public abstract class ActivityLogContract extends StoreContractSupport {

    protected abstract ActivityLog log();

    private MspId msp;
    private ClientId client;

    private void givenAClient() {
        msp = storedMsp();
        client = storedClient(msp).id();
    }

    private ActivityEntry entry(Instant at) {
        return entry(UUID.randomUUID(), at, ActivityOutcome.OK, Optional.of("T-1"), "m365:get-user");
    }

    private ActivityEntry entry(UUID id, Instant at, ActivityOutcome outcome, Optional<String> ticket, String tool) {
        return new ActivityEntry(id, msp, client, Optional.of(UUID.randomUUID()), ticket, at, ActivityKind.TOOL_CALL,
                Optional.of(ToolName.of(tool)), RedactedArguments.of(Map.of("user", "jane@acme.test")), outcome,
                "looked up jane", Duration.ofMillis(42), Optional.empty());
    }

    private List<ActivityEntry> query(ActivityQuery query) {
        return log().query(query);
    }

    private ActivityQuery newest(int limit) {
        return ActivityQuery.newest(msp, Optional.of(client), limit);
    }

    @Test
    void returnsAnAppendedEntryWithEveryField() {
        givenAClient();
        ActivityEntry toolCall = new ActivityEntry(UUID.randomUUID(), msp, client, Optional.of(UUID.randomUUID()),
                Optional.of("CW-4711"), T0, ActivityKind.TOOL_CALL, Optional.of(ToolName.of("mcp:docs:search-pages")),
                RedactedArguments.of(Map.of("query", "vpn \"split\" tunnel", "apiKey", "sk-123", "empty", "")),
                ActivityOutcome.APPROVED, "found 3 pages\nsecond line", Duration.ofNanos(1_234_567_000L),
                Optional.of("tech@msp.test"));
        ActivityEntry transcript = new ActivityEntry(UUID.randomUUID(), msp, client, Optional.empty(),
                Optional.empty(), T0.minusSeconds(1), ActivityKind.REQUEST, Optional.empty(), RedactedArguments.NONE,
                ActivityOutcome.OK, "please reset my password", Duration.ZERO, Optional.empty());

        log().append(List.of(toolCall, transcript));

        assertThat(query(newest(10))).containsExactly(toolCall, transcript);
    }

    @Test
    void ignoresAnEntryWhoseIdIsAlreadyStored() {
        givenAClient();
        ActivityEntry original = entry(T0);
        ActivityEntry sameId = entry(original.id(), T0.plusSeconds(5), ActivityOutcome.FAILED, Optional.empty(),
                "m365:reset-password");

        log().append(original);
        log().append(List.of(sameId, original));

        assertThat(query(newest(10))).containsExactly(original);
    }

    @Test
    void returnsNewestFirstByTimeThenId() {
        givenAClient();
        UUID low = UUID.fromString("7fffffff-0000-4000-8000-000000000000");
        UUID high = UUID.fromString("80000000-0000-4000-8000-000000000000");
        ActivityEntry oldest = entry(T0.minusSeconds(10));
        ActivityEntry tieLow = entry(low, T0, ActivityOutcome.OK, Optional.empty(), "m365:get-user");
        ActivityEntry tieHigh = entry(high, T0, ActivityOutcome.OK, Optional.empty(), "m365:get-user");
        ActivityEntry newest = entry(T0.plusSeconds(10));

        log().append(List.of(tieLow, oldest, newest, tieHigh));

        assertThat(query(newest(10))).as("ids compare as unsigned 128-bit numbers, like PostgreSQL's uuid order")
                .containsExactly(newest, tieHigh, tieLow, oldest);
        assertThat(query(newest(2))).containsExactly(newest, tieHigh);
    }

    @Test
    void pagesWithTheLastEntryOfThePreviousPageAsCursor() {
        givenAClient();
        List<ActivityEntry> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            newestFirst.addFirst(entry(T0.plusSeconds(i / 2)));
        }
        log().append(newestFirst);
        List<ActivityEntry> expected = query(newest(10));

        List<ActivityEntry> seen = new ArrayList<>();
        Optional<ActivityQuery.Cursor> before = Optional.empty();
        List<ActivityEntry> page;
        do {
            page = query(new ActivityQuery(msp, Optional.of(client), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), before, 3));
            seen.addAll(page);
            before = page.isEmpty() ? before
                    : Optional.of(new ActivityQuery.Cursor(page.getLast().at(), page.getLast().id()));
        } while (!page.isEmpty());

        assertThat(expected).hasSize(7);
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void filtersByClientTicketToolAndOutcome() {
        givenAClient();
        ClientId other = storedClient(msp).id();
        ActivityEntry match = entry(UUID.randomUUID(), T0, ActivityOutcome.DENIED, Optional.of("T-9"),
                "m365:reset-password");
        ActivityEntry otherTicket = entry(UUID.randomUUID(), T0, ActivityOutcome.DENIED, Optional.of("T-8"),
                "m365:reset-password");
        ActivityEntry noTicket = entry(UUID.randomUUID(), T0, ActivityOutcome.DENIED, Optional.empty(),
                "m365:reset-password");
        ActivityEntry otherTool = entry(UUID.randomUUID(), T0, ActivityOutcome.DENIED, Optional.of("T-9"),
                "m365:get-user");
        ActivityEntry otherOutcome = entry(UUID.randomUUID(), T0, ActivityOutcome.OK, Optional.of("T-9"),
                "m365:reset-password");
        ActivityEntry otherClient = new ActivityEntry(UUID.randomUUID(), msp, other, match.session(), match.ticket(),
                T0, match.kind(), match.tool(), match.arguments(), match.outcome(), "other client", Duration.ZERO,
                Optional.empty());
        log().append(List.of(match, otherTicket, noTicket, otherTool, otherOutcome, otherClient));

        ActivityQuery all = new ActivityQuery(msp, Optional.of(client), Optional.of("T-9"),
                Optional.of(ToolName.of("m365:reset-password")), Optional.of(ActivityOutcome.DENIED), Optional.empty(),
                Optional.empty(), Optional.empty(), 100);
        ActivityQuery mspWide = new ActivityQuery(msp, Optional.empty(), Optional.of("T-9"), Optional.empty(),
                Optional.of(ActivityOutcome.DENIED), Optional.empty(), Optional.empty(), Optional.empty(), 100);

        assertThat(query(all)).containsExactly(match);
        assertThat(query(mspWide)).containsExactlyInAnyOrder(match, otherTool, otherClient);
        assertThat(query(ActivityQuery.newest(msp, Optional.empty(), 100))).hasSize(6);
    }

    @Test
    void filtersByTimeFromInclusiveToExclusive() {
        givenAClient();
        ActivityEntry before = entry(T0.minusMillis(1));
        ActivityEntry atFrom = entry(T0);
        ActivityEntry inside = entry(T0.plusSeconds(30));
        ActivityEntry atTo = entry(T0.plusSeconds(60));
        log().append(List.of(before, atFrom, inside, atTo));

        List<ActivityEntry> window = query(new ActivityQuery(msp, Optional.of(client), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(T0), Optional.of(T0.plusSeconds(60)), Optional.empty(),
                100));

        assertThat(window).containsExactly(inside, atFrom);
    }

    @Test
    void neverReturnsAnotherMspsEntries() {
        givenAClient();
        ActivityEntry mine = entry(T0);
        log().append(mine);
        MspId otherMsp = storedMsp();
        ClientId otherClient = storedClient(otherMsp).id();
        ActivityEntry theirs = new ActivityEntry(UUID.randomUUID(), otherMsp, otherClient, Optional.empty(),
                mine.ticket(), T0, ActivityKind.NOTE, Optional.empty(), RedactedArguments.NONE, ActivityOutcome.OK,
                "their note", Duration.ZERO, Optional.empty());
        log().append(theirs);

        assertThat(query(ActivityQuery.newest(msp, Optional.empty(), 100))).containsExactly(mine);
        assertThat(query(ActivityQuery.newest(msp, Optional.of(otherClient), 100)))
                .as("asking for another MSP's client through my MSP").isEmpty();
    }

    @Test
    void storesEveryEntryOfALargeBatch() {
        givenAClient();
        List<ActivityEntry> batch = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            batch.add(entry(T0.plusMillis(i)));
        }

        log().append(batch);

        assertThat(query(newest(ActivityQuery.MAX_LIMIT))).hasSize(ActivityQuery.MAX_LIMIT)
                .first().isEqualTo(batch.getLast());
        assertThat(query(new ActivityQuery(msp, Optional.of(client), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(T0.plusMillis(1)), Optional.empty(), 10)))
                .containsExactly(batch.getFirst());
    }

    @Test
    void answersEachClientsLastActivityAtOnceLeavingOutClientsWithoutEntriesAndOtherMsps() {
        givenAClient();
        ClientId first = client;
        log().append(List.of(entry(T0), entry(T0.plusSeconds(30)), entry(T0.plusSeconds(10))));
        ClientId quiet = storedClient(msp).id();
        client = storedClient(msp).id();
        ClientId second = client;
        log().append(List.of(entry(T0.plusSeconds(5))));
        MspId mine = msp;
        givenAClient();
        ClientId elsewhere = client;
        log().append(entry(T0.plusSeconds(99)));

        Map<ClientId, Instant> newest = log().lastActivity(mine, List.of(first, quiet, second, elsewhere));

        assertThat(newest).containsExactlyInAnyOrderEntriesOf(Map.of(first, T0.plusSeconds(30),
                second, T0.plusSeconds(5)));
        assertThat(log().lastActivity(mine, List.of())).isEmpty();
    }
}
