package dev.steward.application.port;

import dev.steward.domain.integration.ToolName;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A deterministic runbook: trigger phrases (any one, case-insensitive, found in the request text), the read-only
 * checks to run, and the actions to plan. Argument values may contain {@code {requester}}, replaced by the request's
 * requester.
 */
public record Runbook(String name, List<String> triggers, List<Step> diagnosis, List<PlannedAction> plan) {

    /** One check: a tool and its argument templates. */
    public record Step(ToolName tool, Map<String, String> arguments) {
        public Step {
            Objects.requireNonNull(tool, "tool");
            arguments = Map.copyOf(arguments);
        }
    }

    public Runbook {
        name = name == null ? "" : name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a runbook has a name");
        }
        triggers = triggers.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).toList();
        if (triggers.isEmpty()) {
            throw new IllegalArgumentException("runbook " + name + " needs at least one trigger phrase");
        }
        diagnosis = List.copyOf(diagnosis);
        plan = List.copyOf(plan);
    }

    public boolean matches(String requestText) {
        String text = requestText.toLowerCase(Locale.ROOT);
        return triggers.stream().anyMatch(text::contains);
    }

    private static Step step(String tool, Map<String, String> arguments) {
        return new Step(ToolName.of(tool), arguments);
    }

    private static PlannedAction action(String tool, Map<String, String> arguments, String reason) {
        return new PlannedAction(ToolName.of(tool), arguments, reason);
    }

    /** Steward's built-in runbooks for the most common Microsoft 365 helpdesk requests. */
    public static List<Runbook> defaults() {
        Map<String, String> user = Map.of("user", "{requester}");
        return List.of(
                new Runbook("Sign-in trouble", List.of("password", "locked out", "can't sign in", "cannot sign in",
                        "mfa", "keeps asking"),
                        List.of(step("m365:get-user", user), step("m365:list-auth-methods", user)),
                        List.of(action("m365:revoke-sessions", user, "clear stale sign-in sessions"),
                                action("m365:reset-password", user,
                                        "if the user still cannot sign in: temporary password, change at next sign-in"))),
                new Runbook("Shared mailbox access", List.of("shared mailbox", "mailbox access"),
                        List.of(step("m365:get-user", user), step("m365:list-group-memberships", user)),
                        List.of(action("m365:add-to-group", Map.of("user", "{requester}", "group", "mailbox access group"),
                                "grant access through the mailbox's security group"))),
                new Runbook("New starter", List.of("new starter", "new user", "licence", "license", "onboard"),
                        List.of(step("m365:list-licences", Map.of())),
                        List.of(action("m365:create-user", Map.of(), "create the account from the ticket's details"),
                                action("m365:assign-licence", Map.of(), "assign the client's standard licence"))));
    }
}
