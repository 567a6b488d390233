package dev.steward.application.activity;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.activity.ActivityQuery;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.reasoning.WorkflowStore;
import dev.steward.application.problem.CommandValidator;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.Violations;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.integration.ToolName;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

public final class ListActivityService implements ListActivityUseCase {

    private final CommandValidator validator;
    private final ActivityLog log;
    private final ClientRepository clients;
    private final MspRepository msps;
    private final WorkflowStore workflows;

    @Inject
    public ListActivityService(CommandValidator validator, ActivityLog log, ClientRepository clients,
                               MspRepository msps, WorkflowStore workflows) {
        this.validator = validator;
        this.log = log;
        this.clients = clients;
        this.msps = msps;
        this.workflows = workflows;
    }

    @Override
    public ActivityPage list(ListActivityQuery query) {
        Violations violations = validator.check(query);
        Optional<ToolName> tool = present(query.tool()).map(t -> violations.attempt(() -> ToolName.of(t)));
        Optional<ActivityOutcome> outcome = present(query.outcome()).flatMap(o -> outcome(o, violations));
        Optional<Instant> from = present(query.from()).flatMap(t -> instant("from", t, violations));
        Optional<Instant> to = present(query.to()).flatMap(t -> instant("to", t, violations));
        Optional<ActivityQuery.Cursor> before = present(query.before()).flatMap(c -> cursor(c, violations));
        violations.throwIfAny();
        ClientLookup.requireMsp(msps, query.msp());
        Optional<ClientId> client = present(query.client())
                .map(slug -> ClientLookup.require(clients, query.msp(), slug).id());
        // one extra row tells whether a next page exists without a count query
        List<ActivityEntry> rows = log.query(new ActivityQuery(query.msp(), client, present(query.ticket()), tool,
                outcome, from, to, before, query.limit() + 1));
        boolean more = rows.size() > query.limit();
        List<ActivityEntry> page = more ? rows.subList(0, query.limit()) : rows;
        Map<ClientId, Slug> slugs = new HashMap<>();
        for (ActivityEntry entry : page) {
            if (!slugs.containsKey(entry.client())) {
                clients.find(entry.client()).ifPresent(c -> slugs.put(c.id(), c.slug()));
            }
        }
        Set<UUID> sessions = new LinkedHashSet<>();
        page.forEach(entry -> entry.session().ifPresent(sessions::add));
        return new ActivityPage(page, more ? Optional.of(cursorOf(page.getLast())) : Optional.empty(), slugs,
                workflows.usedBySessions(query.msp(), sessions));
    }

    private static Optional<String> present(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private static Optional<ActivityOutcome> outcome(String label, Violations violations) {
        for (ActivityOutcome outcome : ActivityOutcome.values()) {
            if (outcome.label().equals(label)) {
                return Optional.of(outcome);
            }
        }
        violations.add(new FieldViolation("outcome", "outcome.unknown", "must be one of " + Arrays
                .stream(ActivityOutcome.values()).map(ActivityOutcome::label).collect(Collectors.joining(", "))));
        return Optional.empty();
    }

    private static Optional<Instant> instant(String field, String text, Violations violations) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, field + ".malformed",
                    "must be an ISO-8601 instant such as 2026-01-31T09:00:00Z"));
            return Optional.empty();
        }
    }

    /** Cursors are {@code <epoch-seconds>.<nanos>~<entry id>}: opaque to callers, the same for every store. */
    static String cursorOf(ActivityEntry entry) {
        Instant at = entry.at();
        return at.getEpochSecond() + "." + at.getNano() + "~" + entry.id();
    }

    private static Optional<ActivityQuery.Cursor> cursor(String text, Violations violations) {
        try {
            String[] parts = text.split("~", 2);
            String[] time = parts[0].split("\\.", 2);
            Instant at = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]));
            return Optional.of(new ActivityQuery.Cursor(at, UUID.fromString(parts[1])));
        } catch (RuntimeException e) {
            violations.add(new FieldViolation("before", "before.malformed",
                    "must be the next value of a previous page, unchanged"));
            return Optional.empty();
        }
    }
}
