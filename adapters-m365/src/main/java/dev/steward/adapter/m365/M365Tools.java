package dev.steward.adapter.m365;

import static dev.steward.domain.integration.ToolParameter.Type.BOOLEAN;
import static dev.steward.domain.integration.ToolParameter.Type.INTEGER;
import static dev.steward.domain.integration.ToolParameter.Type.JSON;
import static dev.steward.domain.integration.ToolParameter.Type.STRING;

import dev.steward.domain.integration.ToolEffect;
import dev.steward.domain.integration.ToolParameter;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The {@code m365:*} tools: name, read or write, sensitive or not, the input each takes, and the code that runs it.
 * Names are the ones the built-in runbooks plan. Sensitive tools (a requester's identity must be verified first)
 * are the four that hand someone a way into an account: reset-password, reset-mfa, create-temporary-access-pass,
 * unblock-sign-in.
 */
final class M365Tools {

    /** One tool and what runs it. */
    record Definition(String action, ToolEffect effect, boolean sensitive, String description, List<ToolParameter> inputs,
                      BiFunction<TenantGraph, Arguments, Outcome> run) {

        String name() {
            return "m365:" + action;
        }
    }

    private static final String USER_HELP = "The user's principal name (e.g. dana@contoso.com) or object id";

    private final List<Definition> definitions;

    M365Tools(SecureRandom random) {
        Passwords passwords = new Passwords(random);
        AccountTools account = new AccountTools(passwords);
        LifecycleTools lifecycle = new LifecycleTools(passwords);
        this.definitions = List.of(
                read("find-user", "Finds users of the client's Microsoft 365 tenant whose name, user principal name "
                        + "or mail starts with the query (or equals it, for a full address).",
                        ReadTools::findUser, ToolParameter.required("query", STRING, "Name, user principal name or mail, "
                                + "or their beginning").atMost(ReadTools.MAX_QUERY)),
                read("get-user", "Shows a user: sign-in enabled or blocked, licences, last sign-in, MFA methods.",
                        ReadTools::getUser, user()),
                read("list-sign-ins", "Lists a user's recent sign-ins from the tenant's sign-in log (failures only "
                        + "by default), with error codes and reasons. Needs Entra ID P1 or P2.",
                        ReadTools::listSignIns, user(),
                        ToolParameter.optional("failuresOnly", BOOLEAN, "Only failed sign-ins (default true)"),
                        ToolParameter.optional("limit", INTEGER, "How many, 1-50 (default 10)")),
                read("list-groups", "Lists a user's groups, or the tenant's groups whose name starts with a search "
                        + "text, each with its kind (security, Microsoft 365, distribution, dynamic).",
                        ReadTools::listGroups, optionalUser(), ToolParameter.optional("search", STRING,
                                "Beginning of the group name").atMost(ReadTools.MAX_QUERY)),
                read("list-licences", "Lists the tenant's licences (SKU part number and id) and how many are free.",
                        ReadTools::listLicences),
                write("reset-password", true, "Resets a user's password to a generated temporary one, to be changed "
                        + "at the next sign-in. The password is shown once to the approving technician only.",
                        account::resetPassword, user()),
                write("revoke-sessions", false, "Signs a user out everywhere by revoking their sessions and "
                        + "refresh tokens.", account::revokeSessions, user()),
                write("block-sign-in", false, "Blocks a user from signing in (existing sessions last until "
                        + "revoked).", account::blockSignIn, user()),
                write("unblock-sign-in", true, "Allows a blocked user to sign in again.", account::unblockSignIn,
                        user()),
                write("reset-mfa", true, "Removes a user's MFA methods (authenticator apps, phones, keys, tokens) so "
                        + "they register again at the next sign-in; a default phone method Microsoft will not delete "
                        + "is reported.", account::resetMfa, user()),
                write("create-temporary-access-pass", true, "Creates a temporary access pass a user signs in with "
                        + "to register new methods. The pass is shown once to the approving technician only.",
                        account::createTemporaryAccessPass, user(),
                        ToolParameter.optional("lifetimeMinutes", INTEGER, "Minutes it is valid, 10-43200 (default 60)"),
                        ToolParameter.optional("usableOnce", BOOLEAN, "Usable for one sign-in only (default true)")),
                write("add-to-group", false, "Adds a user to a security or Microsoft 365 group (not dynamic, "
                        + "distribution or synced groups).", AccessTools::addToGroup, user(), group()),
                write("remove-from-group", false, "Removes a user from a security or Microsoft 365 group.",
                        AccessTools::removeFromGroup, user(), group()),
                write("assign-licence", false, "Assigns a licence to a user, setting the usage location first if "
                        + "the user has none.", AccessTools::assignLicence, user(), licence(), usageLocation()),
                write("remove-licence", false, "Removes a directly assigned licence from a user.",
                        AccessTools::removeLicence, user(), licence()),
                write("create-user", false, "Creates a new starter with a generated temporary password (shown once "
                        + "to the approving technician), optionally with a licence and groups.",
                        lifecycle::createUser,
                        ToolParameter.required("displayName", STRING, "Full name, e.g. Sam Lee").atMost(LifecycleTools.MAX_NAME),
                        ToolParameter.required("userPrincipalName", STRING, "Sign-in name on a domain of the tenant, e.g. "
                                + "sam.lee@contoso.com").matching(LifecycleTools.UPN_PATTERN).atMost(113),
                        ToolParameter.optional("givenName", STRING, "First name").atMost(LifecycleTools.MAX_NAME),
                        ToolParameter.optional("surname", STRING, "Last name").atMost(LifecycleTools.MAX_NAME),
                        ToolParameter.optional("jobTitle", STRING, "Job title").atMost(LifecycleTools.MAX_NAME),
                        ToolParameter.optional("department", STRING, "Department").atMost(LifecycleTools.MAX_NAME),
                        usageLocation(),
                        ToolParameter.optional("licence", STRING, "Licence to assign: SKU part number (e.g. SPE_E3) or "
                                + "SKU id").matching(Arguments.LICENCE_PATTERN),
                        ToolParameter.optional("groups", JSON, "Groups to add the user to: a JSON array of group names or "
                                + "ids, at most " + LifecycleTools.MAX_GROUPS)),
                write("offboard-user", false, "Offboards a leaver: blocks sign-in, revokes sessions, removes "
                        + "directly assigned licences and group memberships (mailbox and files are kept).",
                        lifecycle::offboardUser, user()));
    }

    List<Definition> all() {
        return definitions;
    }

    Optional<Definition> find(String name) {
        return definitions.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    private static Definition read(String action, String description,
                                   BiFunction<TenantGraph, Arguments, Outcome> run, ToolParameter... inputs) {
        return new Definition(action, ToolEffect.READ_ONLY, false, description, List.of(inputs), run);
    }

    private static Definition write(String action, boolean sensitive, String description,
                                    BiFunction<TenantGraph, Arguments, Outcome> run, ToolParameter... inputs) {
        return new Definition(action, ToolEffect.WRITE, sensitive, description, List.of(inputs), run);
    }

    private static ToolParameter user() {
        return ToolParameter.required("user", STRING, USER_HELP).matching(Arguments.USER_PATTERN).atMost(256);
    }

    private static ToolParameter optionalUser() {
        return ToolParameter.optional("user", STRING, USER_HELP + "; leave out to list the tenant's groups")
                .matching(Arguments.USER_PATTERN).atMost(256);
    }

    private static ToolParameter group() {
        return ToolParameter.required("group", STRING, "The group's object id or exact display name")
                .atMost(Arguments.MAX_GROUP);
    }

    private static ToolParameter licence() {
        return ToolParameter.required("licence", STRING, "SKU part number (e.g. SPE_E3, from m365:list-licences) or SKU id")
                .matching(Arguments.LICENCE_PATTERN);
    }

    private static ToolParameter usageLocation() {
        return ToolParameter.optional("usageLocation", STRING, "Two-letter country code (e.g. GB), needed to license a "
                + "user who has none").matching("[A-Z]{2}");
    }
}
