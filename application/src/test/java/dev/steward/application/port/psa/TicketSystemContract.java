package dev.steward.application.port.psa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.application.port.psa.PsaCapability;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.psa.PsaNote.Visibility;
import dev.steward.application.port.psa.PsaTicket;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.port.psa.UnsupportedCapability;
import dev.steward.application.problem.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@link TicketSystem} must pass this. Subclass it, return your implementation and a way to open tickets in
 * the PSA behind it (a real sandbox or a local stub of its API), and run it. Each test uses its own company id, so
 * the PSA may be shared between tests. Capabilities are tested both ways: behaviour when declared, a refusal with
 * {@link UnsupportedCapability} when not.
 */
public abstract class TicketSystemContract {

    private static final AtomicLong COMPANY = new AtomicLong();

    /** A ticket to open in the PSA before a test; {@code closed} tickets are opened in a closed status. */
    public record TicketSeed(String companyId, String summary, String description, String requester,
                             Instant createdAt, boolean closed) {}

    /** A note someone other than Steward writes on a ticket (a technician in the PSA, the requester by e-mail). */
    public record NoteSeed(String text, Visibility visibility, PsaNote.Author author) {}

    protected abstract TicketSystem system();

    /**
     * Writes {@code note} on the ticket in the PSA behind {@link #system()} as its author, and returns whether the
     * PSA (or its stub) can; when it cannot, the test of note authors is skipped.
     */
    protected boolean seedNote(String ticketId, NoteSeed note) {
        return false;
    }

    /** Opens the ticket in the PSA behind {@link #system()} and returns its id as the port reports it. */
    protected abstract String seed(TicketSeed ticket);

    /** A status label the PSA knows besides the one new tickets get. */
    protected String anotherStatus() {
        return "In Progress";
    }

    protected String uniqueCompany() {
        return Long.toString(700_000 + COMPANY.incrementAndGet() * 7 + (System.nanoTime() % 5));
    }

    protected Instant base() {
        return Instant.parse("2026-11-22T09:00:00Z");
    }

    private boolean declares(PsaCapability capability) {
        return system().capabilities().contains(capability);
    }

    private void requireDeclared(PsaCapability capability) {
        assumeTrue(declares(capability), capability + " is not declared (its refusal is tested instead)");
    }

    private String openTicket(String company, String summary, Instant at) {
        return seed(new TicketSeed(company, summary, "Details of " + summary, "dana@contoso.example", at, false));
    }

    @Test
    void pollingReturnsOpenTicketsCreatedSinceOldestFirst() {
        requireDeclared(PsaCapability.POLL_NEW_TICKETS);
        String company = uniqueCompany();
        Instant since = base();
        openTicket(company, "Older than the cursor", since.minus(Duration.ofHours(1)));
        String first = openTicket(company, "Printer offline", since.plusSeconds(60));
        seed(new TicketSeed(company, "Already closed", "x", "sam@contoso.example", since.plusSeconds(90), true));
        String second = openTicket(company, "Outlook keeps asking for password", since.plusSeconds(120));
        String third = openTicket(company, "New starter needs a licence", since.plusSeconds(180));

        List<PsaTicket> found = system().newTickets(since).stream().filter(t -> t.companyId().equals(company)).toList();

        assertThat(found).extracting(PsaTicket::id)
                .as("open tickets created at or after the cursor, oldest first, each once, across pages")
                .containsExactly(first, second, third);
    }

    @Test
    void readsATicketWithItsFields() {
        requireDeclared(PsaCapability.READ_TICKETS);
        String company = uniqueCompany();
        Instant at = base().plusSeconds(30);
        String id = seed(new TicketSeed(company, "Cannot access shared mailbox", "Since this morning",
                "dana@contoso.example", at, false));

        PsaTicket ticket = system().ticket(id);

        assertThat(ticket.id()).isEqualTo(id);
        assertThat(ticket.companyId()).isEqualTo(company);
        assertThat(ticket.summary()).isEqualTo("Cannot access shared mailbox");
        assertThat(ticket.requestText()).contains("Cannot access shared mailbox").contains("Since this morning");
        assertThat(ticket.closed()).isFalse();
        assertThat(ticket.createdAt()).isEqualTo(at.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void aClosedTicketReadsAsClosed() {
        requireDeclared(PsaCapability.READ_TICKETS);
        String id = seed(new TicketSeed(uniqueCompany(), "Solved already", "x", "sam@contoso.example", base(), true));

        assertThat(system().ticket(id).closed()).isTrue();
    }

    @Test
    void tellsWhoWroteEachNoteAndATechniciansEmail() {
        requireDeclared(PsaCapability.READ_TICKETS);
        String id = openTicket(uniqueCompany(), "Outlook keeps asking for password", base());
        assumeTrue(seedNote(id, new NoteSeed("approve", Visibility.INTERNAL,
                PsaNote.Author.technician("Ana Tech", "ana@msp.example"))), "the PSA's stub cannot write as others");
        seedNote(id, new NoteSeed("It still asks, even after a restart", Visibility.PUBLIC,
                PsaNote.Author.contact("Dana Reyes", "dana@contoso.example")));

        List<PsaNote> notes = system().notes(id);

        assertThat(notes).filteredOn(n -> n.text().strip().equals("approve")).singleElement().satisfies(n -> {
            assertThat(n.visibility()).isEqualTo(Visibility.INTERNAL);
            assertThat(n.author().role()).isEqualTo(PsaNote.Author.Role.TECHNICIAN);
            assertThat(n.author().email()).isEqualToIgnoringCase("ana@msp.example");
        });
        assertThat(notes).filteredOn(n -> n.text().contains("even after a restart")).singleElement()
                .satisfies(n -> {
                    assertThat(n.visibility()).isEqualTo(Visibility.PUBLIC);
                    assertThat(n.author().role()).isEqualTo(PsaNote.Author.Role.CONTACT);
                });
    }

    @Test
    void anUnknownTicketIsNotFound() {
        requireDeclared(PsaCapability.READ_TICKETS);
        assertThatThrownBy(() -> system().ticket("987654321")).isInstanceOf(NotFound.class)
                .hasMessageContaining("987654321");
        assertThatThrownBy(() -> system().notes("987654321")).isInstanceOf(NotFound.class);
    }

    @Test
    void anInternalNoteIsNeverVisibleToTheRequester() {
        requireDeclared(PsaCapability.INTERNAL_NOTES);
        String id = openTicket(uniqueCompany(), "Password reset", base());

        PsaNote note = system().addInternalNote(id, "Diagnosis: stale token. Plan: revoke sessions.");

        assertThat(note.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(note.ticketId()).isEqualTo(id);
        if (declares(PsaCapability.READ_TICKETS)) {
            assertThat(system().notes(id)).filteredOn(n -> n.text().contains("Diagnosis: stale token"))
                    .singleElement().extracting(PsaNote::visibility).isEqualTo(Visibility.INTERNAL);
        }
    }

    @Test
    void aNoteOnAnUnknownTicketIsNotFound() {
        requireDeclared(PsaCapability.INTERNAL_NOTES);
        assertThatThrownBy(() -> system().addInternalNote("987654321", "x")).isInstanceOf(NotFound.class);
    }

    @Test
    void readsNotesOldestFirst() {
        requireDeclared(PsaCapability.READ_TICKETS);
        requireDeclared(PsaCapability.INTERNAL_NOTES);
        String id = openTicket(uniqueCompany(), "VPN drops", base());
        system().addInternalNote(id, "first note");
        system().addInternalNote(id, "second note");

        assertThat(system().notes(id)).extracting(PsaNote::text).containsSubsequence("first note", "second note");
    }

    @Test
    void aReplyIsVisibleToTheRequester() {
        requireDeclared(PsaCapability.PUBLIC_REPLIES);
        String id = openTicket(uniqueCompany(), "Mailbox full", base());

        PsaNote reply = system().addReply(id, "We archived old mail; you can send again.");

        assertThat(reply.visibility()).isEqualTo(Visibility.PUBLIC);
        if (declares(PsaCapability.READ_TICKETS)) {
            assertThat(system().notes(id)).filteredOn(n -> n.text().contains("archived old mail"))
                    .singleElement().extracting(PsaNote::visibility).isEqualTo(Visibility.PUBLIC);
        }
    }

    @Test
    void anApprovalRequestIsNotVisibleToTheRequester() {
        requireDeclared(PsaCapability.APPROVAL_COMMENTS);
        String id = openTicket(uniqueCompany(), "Reset MFA", base());

        PsaNote request = system().addApprovalRequest(id, "Approval needed: m365:reset-mfa for dana");

        assertThat(request.visibility()).isEqualTo(Visibility.INTERNAL);
    }

    @Test
    void movesATicketToAStatusNamedByItsLabel() {
        requireDeclared(PsaCapability.STATUS_UPDATES);
        String id = openTicket(uniqueCompany(), "Laptop slow", base());

        system().updateStatus(id, anotherStatus().toUpperCase(java.util.Locale.ROOT));

        if (declares(PsaCapability.READ_TICKETS)) {
            assertThat(system().ticket(id).status()).isEqualToIgnoringCase(anotherStatus());
        }
    }

    @Test
    void anUnknownStatusLabelIsNotFound() {
        requireDeclared(PsaCapability.STATUS_UPDATES);
        String id = openTicket(uniqueCompany(), "Laptop slow", base());

        assertThatThrownBy(() -> system().updateStatus(id, "No Such Status")).isInstanceOf(NotFound.class)
                .hasMessageContaining("No Such Status");
    }

    @Test
    void capabilitiesAreAFreshCopy() {
        EnumSet<PsaCapability> caps = system().capabilities();
        caps.clear();
        assertThat(system().capabilities()).isEqualTo(system().capabilities());
        assertThat(system().kind()).matches("[a-z0-9][a-z0-9-]*");
    }

    /** One test per undeclared capability: the call is refused with UnsupportedCapability naming it. */
    @TestFactory
    Stream<DynamicTest> refusesEveryUndeclaredCapability() {
        EnumSet<PsaCapability> undeclared = EnumSet.complementOf(system().capabilities());
        return undeclared.stream().map(capability -> DynamicTest.dynamicTest("refuses " + capability,
                () -> assertThatThrownBy(() -> call(capability).accept(system()))
                        .isInstanceOfSatisfying(UnsupportedCapability.class,
                                e -> assertThat(e.capability()).isEqualTo(capability))));
    }

    private static Consumer<TicketSystem> call(PsaCapability capability) {
        return switch (capability) {
            case POLL_NEW_TICKETS -> s -> s.newTickets(Instant.EPOCH);
            case READ_TICKETS -> s -> s.ticket("1");
            case INTERNAL_NOTES -> s -> s.addInternalNote("1", "x");
            case PUBLIC_REPLIES -> s -> s.addReply("1", "x");
            case APPROVAL_COMMENTS -> s -> s.addApprovalRequest("1", "x");
            case STATUS_UPDATES -> s -> s.updateStatus("1", "New");
        };
    }
}
