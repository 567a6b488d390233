package dev.steward.application.port.reasoning;

import dev.steward.domain.integration.ToolName;
import dev.steward.domain.workflow.Trigger;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowId;
import dev.steward.domain.workflow.WorkflowName;
import dev.steward.domain.workflow.WorkflowScope;
import dev.steward.domain.workflow.WorkflowStatus;
import dev.steward.domain.workflow.WorkflowSteps;
import dev.steward.domain.workflow.WorkflowVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Steward's built-in workflows for the most common Microsoft 365 helpdesk requests, on the tools of the {@code m365}
 * and PSA providers. Every check is a read tool; every write is planned, never run while diagnosing. A tool named
 * {@code psa:<tool>} is that tool of whichever PSA the client's tickets come from. An MSP or a client replaces one by
 * writing a workflow of the same name. Argument values may hold the placeholders of {@link RunbookPlaceholders}.
 */
public final class BuiltInWorkflows {

    /** The integration part standing for the MSP's PSA, whichever it is: {@code psa:get-ticket}. */
    public static final String PSA = "psa";

    /** Who "wrote" the built-in workflows, and when: they are version 1 of this release. */
    public static final String AUTHOR = "steward";

    private static final List<Workflow> ALL = build();

    private BuiltInWorkflows() {
    }

    public static List<Workflow> all() {
        return ALL;
    }

    private static List<Workflow> build() {
        Map<String, String> requester = Map.of("user", "{requester}");
        WorkflowSteps.Check ticket = check("psa:get-ticket", Map.of("ticket", "{ticket}"));
        WorkflowSteps.Check signIns = check("m365:list-sign-ins", requester);
        WorkflowSteps.Check user = check("m365:get-user", requester);
        return List.of(
                workflow("Locked out", "The requester is \"locked out\", says the \"account is locked\", "
                                + "\"can't sign in\", \"cannot sign in\", \"can't log in\", \"cannot log in\", or that "
                                + "the \"sign-in is blocked\" or they are \"blocked from\" something.",
                        "Find out why sign-in fails from the user's account and recent sign-ins. Unblock sign-in only "
                                + "once the requester's identity is verified.",
                        List.of(ticket, user, signIns),
                        List.of(action("m365:unblock-sign-in", requester,
                                "allow sign-in again once the requester's identity is verified"))),
                workflow("Password reset", "The request is about a \"password\": \"forgot my password\" or "
                                + "\"password expired\".",
                        "Check the account and recent sign-ins. Plan a temporary password the user changes at the next "
                                + "sign-in (a technician hands it over) and sign out sessions using the old one.",
                        List.of(ticket, user, signIns),
                        List.of(action("m365:reset-password", requester,
                                        "temporary password, to be changed at the next sign-in; a technician hands "
                                                + "it over"),
                                action("m365:revoke-sessions", requester, "sign out sessions using the old password"))),
                workflow("MFA trouble", "The requester has trouble with \"MFA\", the \"authenticator\", "
                                + "\"two-factor\" or \"2FA\", got a \"new phone\", or it \"keeps asking\".",
                        "Check the account and recent sign-ins. Plan removing the old methods so the user registers "
                                + "again, with a one-time pass a technician hands over.",
                        List.of(ticket, user, signIns),
                        List.of(action("m365:reset-mfa", requester, "remove the old methods so they register again"),
                                action("m365:create-temporary-access-pass", requester,
                                        "a one-time pass to register the new phone; a technician hands it over"))),
                workflow("Shared mailbox access", "The requester asks for \"shared mailbox\" or \"mailbox access\".",
                        "Check the user and their groups; grant access through the mailbox's group.",
                        List.of(ticket, user, check("m365:list-groups", requester)),
                        List.of(action("m365:add-to-group", Map.of("user", "{requester}", "group", "{group}"),
                                "grant access through the mailbox's group"))),
                workflow("New starter", "The request is about a \"new starter\", \"new user\" or \"new employee\" "
                                + "to \"onboard\".",
                        "Check the named person has no account yet and which licences are free; plan the account "
                                + "from the ticket's details.",
                        List.of(ticket, check("m365:find-user", Map.of("query", "{named_user}")),
                                check("m365:list-licences", Map.of())),
                        List.of(action("m365:create-user", Map.of("displayName", "{named_user_name}",
                                "userPrincipalName", "{named_user}"), "create the account from the ticket's details"))),
                workflow("Leaver", "The request is about a \"leaver\" to \"offboard\": someone who \"has left\" or "
                                + "\"is leaving\".",
                        "Check the named person's account; plan offboarding (mail and files stay).",
                        List.of(ticket, check("m365:get-user", Map.of("user", "{named_user}"))),
                        List.of(action("m365:offboard-user", Map.of("user", "{named_user}"),
                                "block sign-in, revoke sessions, remove licences and groups; mail and files stay"))));
    }

    private static Workflow workflow(String name, String trigger, String instructions,
                                     List<WorkflowSteps.Check> checks, List<WorkflowSteps.Action> actions) {
        WorkflowName workflowName = new WorkflowName(name);
        return new Workflow(WorkflowId.builtIn(workflowName), new WorkflowScope.BuiltIn(), workflowName,
                new Trigger(trigger), instructions, new WorkflowSteps(checks, actions), WorkflowStatus.ACTIVE,
                new WorkflowVersion(1, AUTHOR, Instant.EPOCH));
    }

    private static WorkflowSteps.Check check(String tool, Map<String, String> arguments) {
        return new WorkflowSteps.Check(ToolName.of(tool), arguments);
    }

    private static WorkflowSteps.Action action(String tool, Map<String, String> arguments, String reason) {
        return new WorkflowSteps.Action(ToolName.of(tool), arguments, reason);
    }
}
