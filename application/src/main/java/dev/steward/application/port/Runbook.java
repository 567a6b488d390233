package dev.steward.application.port;

import dev.steward.domain.integration.ToolName;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A deterministic runbook: trigger phrases (any one, case-insensitive, found in the request text), the read-only
 * checks to run, and the actions to plan. Argument values may contain the {@link RunbookPlaceholders}; a tool named
 * {@code psa:<tool>} is the tool of that name of whichever PSA the MSP connected.
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
        return trigger(requestText).isPresent();
    }

    /** The first of this runbook's trigger phrases found in {@code requestText}. */
    public java.util.Optional<String> trigger(String requestText) {
        String text = requestText.toLowerCase(Locale.ROOT);
        return triggers.stream().filter(text::contains).findFirst();
    }

    private static Step step(String tool, Map<String, String> arguments) {
        return new Step(ToolName.of(tool), arguments);
    }

    private static PlannedAction action(String tool, Map<String, String> arguments, String reason) {
        return new PlannedAction(ToolName.of(tool), arguments, reason);
    }

    /** The integration part standing for the MSP's PSA, whichever it is: {@code psa:get-ticket}. */
    public static final String PSA = "psa";

    /**
     * Steward's built-in runbooks for the most common Microsoft 365 helpdesk requests, on the tools of the
     * {@code m365} and PSA providers. Every check is a read tool; every write is planned, never run while diagnosing.
     */
    public static List<Runbook> defaults() {
        Map<String, String> requester = Map.of("user", "{requester}");
        Step ticket = step("psa:get-ticket", Map.of("ticket", "{ticket}"));
        Step signIns = step("m365:list-sign-ins", requester);
        Step user = step("m365:get-user", requester);
        return List.of(
                new Runbook("Locked out", List.of("locked out", "account is locked", "can't sign in",
                        "cannot sign in", "can't log in", "cannot log in", "sign-in is blocked", "blocked from"),
                        List.of(ticket, user, signIns),
                        List.of(action("m365:unblock-sign-in", requester,
                                "allow sign-in again once the requester's identity is verified"))),
                new Runbook("Password reset", List.of("password", "forgot my password", "password expired"),
                        List.of(ticket, user, signIns),
                        List.of(action("m365:reset-password", requester,
                                        "temporary password, to be changed at the next sign-in; a technician hands "
                                                + "it over"),
                                action("m365:revoke-sessions", requester, "sign out sessions using the old password"))),
                new Runbook("MFA trouble", List.of("mfa", "authenticator", "two-factor", "2fa", "new phone",
                        "keeps asking"),
                        List.of(ticket, user, signIns),
                        List.of(action("m365:reset-mfa", requester, "remove the old methods so they register again"),
                                action("m365:create-temporary-access-pass", requester,
                                        "a one-time pass to register the new phone; a technician hands it over"))),
                new Runbook("Shared mailbox access", List.of("shared mailbox", "mailbox access"),
                        List.of(ticket, user, step("m365:list-groups", requester)),
                        List.of(action("m365:add-to-group", Map.of("user", "{requester}", "group", "{group}"),
                                "grant access through the mailbox's group"))),
                new Runbook("New starter", List.of("new starter", "new user", "new employee", "onboard"),
                        List.of(ticket, step("m365:find-user", Map.of("query", "{named_user}")),
                                step("m365:list-licences", Map.of())),
                        List.of(action("m365:create-user", Map.of("displayName", "{named_user_name}",
                                "userPrincipalName", "{named_user}"), "create the account from the ticket's details"))),
                new Runbook("Leaver", List.of("leaver", "offboard", "has left", "is leaving"),
                        List.of(ticket, step("m365:get-user", Map.of("user", "{named_user}"))),
                        List.of(action("m365:offboard-user", Map.of("user", "{named_user}"),
                                "block sign-in, revoke sessions, remove licences and groups; mail and files stay"))));
    }
}
