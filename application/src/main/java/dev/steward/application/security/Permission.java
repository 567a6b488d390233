package dev.steward.application.security;

import static dev.steward.domain.approval.UserRole.MSP_ADMIN;
import static dev.steward.domain.approval.UserRole.MSP_TECHNICIAN;
import static dev.steward.domain.approval.UserRole.MSP_VIEWER;

import dev.steward.application.problem.Forbidden;
import dev.steward.domain.approval.UserRole;
import java.util.Locale;

/**
 * The role matrix, in one place: what a signed-in caller of an MSP may do, each permission with the lowest role that
 * holds it (roles are ordered, so a higher role holds every lower role's permissions). Every route of the web adapter
 * names one of these in its route table, and services whose rule depends on the target (an MSP-wide workflow versus a
 * client's) check it themselves with {@link #require}.
 *
 * <ul>
 *   <li>admin: users, API tokens, integrations, MSP settings and default mode, MSP-wide workflows, deleting clients;</li>
 *   <li>technician: clients, their modes, prompts and workflows, approvals, retry;</li>
 *   <li>viewer: read everything of the MSP, change nothing but their own password.</li>
 * </ul>
 */
public enum Permission {

    /** See everything of the MSP (clients, activity, integrations, approvals, settings). */
    READ(MSP_VIEWER),
    /** Change one's own password, sign out. */
    MANAGE_OWN_ACCOUNT(MSP_VIEWER),
    /** Create clients; change a client's mode, prompt, PSA company and other mappings. */
    CHANGE_CLIENTS(MSP_TECHNICIAN),
    /** Write a client's own workflows. */
    CHANGE_CLIENT_WORKFLOWS(MSP_TECHNICIAN),
    DECIDE_APPROVALS(MSP_TECHNICIAN),
    RETRY_PROVISIONING(MSP_TECHNICIAN),
    DELETE_CLIENTS(MSP_ADMIN),
    MANAGE_USERS(MSP_ADMIN),
    MANAGE_API_TOKENS(MSP_ADMIN),
    /** Connect, disconnect and set tool policies of integrations, MSP-wide or for one client. */
    MANAGE_INTEGRATIONS(MSP_ADMIN),
    /** The MSP's name, default mode and prompt. */
    CHANGE_MSP_SETTINGS(MSP_ADMIN),
    /** Workflows that apply to every client of the MSP. */
    CHANGE_MSP_WORKFLOWS(MSP_ADMIN);

    private final UserRole lowestRole;

    Permission(UserRole lowestRole) {
        this.lowestRole = lowestRole;
    }

    /** The lowest role that holds this permission. */
    public UserRole lowestRole() {
        return lowestRole;
    }

    public boolean heldBy(UserRole role) {
        return role.atLeast(lowestRole);
    }

    /** What the permission allows, in words: {@code "change MSP settings"}. */
    public String describe() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** @throws Forbidden naming the role needed, if {@code role} does not hold this permission */
    public void require(UserRole role) {
        if (!heldBy(role)) {
            throw new Forbidden("the " + role.label() + " role may not " + describe() + " (that needs the "
                    + lowestRole.label() + " role); ask an admin of the MSP");
        }
    }
}
