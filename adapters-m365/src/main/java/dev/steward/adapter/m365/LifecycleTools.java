package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.problem.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** A user's arrival and departure: {@code m365:create-user} and {@code m365:offboard-user}. */
final class LifecycleTools {

    static final int MAX_NAME = 256;
    static final int MAX_GROUPS = 20;
    /** A new user's principal name: a mail-like local part (no {@code #EXT#}: guests are invited, not created). */
    static final String UPN_PATTERN = "[A-Za-z0-9!$%&'*+=?^_`{|}~.-]{1,64}@[A-Za-z0-9]"
            + "([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";
    private static final Pattern UPN = Pattern.compile(UPN_PATTERN);

    private final Passwords passwords;

    LifecycleTools(Passwords passwords) {
        this.passwords = passwords;
    }

    /**
     * {@code m365:create-user}: a new starter with a generated temporary password (changed at first sign-in),
     * optionally licensed and added to groups. The licence and groups are checked before the user is created, so
     * a wrong name changes nothing; a step that fails after creation is reported in the summary (the user and the
     * password exist, and the password still reaches the approving technician).
     */
    Outcome createUser(TenantGraph tenant, Arguments args) {
        String displayName = text(args, "displayName", true).orElseThrow();
        String upn = args.required("userPrincipalName");
        if (!UPN.matcher(upn).matches()) {
            throw InvalidValue.of("arguments.userPrincipalName", "malformed",
                    "must be name@domain, with a domain of the tenant, e.g. sam.lee@contoso.com");
        }
        Optional<String> location = AccessTools.usageLocation(args);
        Optional<JsonNode> sku = args.optional("licence").map(l -> Lookups.sku(tenant, l));
        if (sku.isPresent() && location.isEmpty()) {
            throw InvalidValue.of("arguments.usageLocation", "required",
                    "is required with a licence (a two-letter country code, e.g. GB)");
        }
        sku.ifPresent(s -> AccessTools.checkFree(tenant, s));
        List<JsonNode> groups = new ArrayList<>();
        for (String group : args.list("groups", MAX_GROUPS)) {
            groups.add(AccessTools.changeableGroup(tenant, group, "arguments.groups"));
        }
        GraphResponse existing = tenant.attempt("GET", "users/" + TenantGraph.segment(upn) + "?$select=id",
                Optional.empty());
        if (existing.ok()) {
            throw InvalidValue.of("arguments.userPrincipalName", "taken", "is already a user of " + tenant.label());
        }
        String password = passwords.generate();
        ObjectNode body = Json.object().put("accountEnabled", true).put("displayName", displayName)
                .put("mailNickname", mailNickname(upn)).put("userPrincipalName", upn);
        text(args, "givenName", false).ifPresent(v -> body.put("givenName", v));
        text(args, "surname", false).ifPresent(v -> body.put("surname", v));
        text(args, "jobTitle", false).ifPresent(v -> body.put("jobTitle", v));
        text(args, "department", false).ifPresent(v -> body.put("department", v));
        location.ifPresent(v -> body.put("usageLocation", v));
        body.putObject("passwordProfile").put("forceChangePasswordNextSignIn", true).put("password", password);
        JsonNode user;
        try {
            user = tenant.send("POST", "users", Optional.of(body), Grant.CREATE_USERS,
                    () -> new NotFound("Microsoft 365 tenant", tenant.tenant()));
        } catch (PortFailure failure) {
            throw AccountTools.scrubbed(failure, password);
        }
        List<String> steps = new ArrayList<>();
        steps.add("Created " + Lookups.name(user) + " (id " + Lookups.id(user) + ") in " + tenant.label()
                + " with a generated temporary password, to be changed at the first sign-in; it is shown once to "
                + "the technician who approved this.");
        sku.ifPresent(s -> steps.add(step("assign " + Lookups.skuName(s), () -> {
            AccessTools.changeLicences(tenant, user, List.of(Json.textOr(s, "", "skuId")), List.of());
            return "Assigned " + Lookups.skuName(s) + ".";
        }, password)));
        for (JsonNode group : groups) {
            steps.add(step("add to group '" + Json.textOr(group, "?", "displayName") + "'",
                    () -> AccessTools.addMember(tenant, group, user), password));
        }
        return new Outcome(String.join("\n", steps), Map.of("temporaryPassword", password));
    }

    /**
     * {@code m365:offboard-user}: blocks sign-in and revokes sessions (both must succeed, or the call fails), then
     * removes directly assigned licences and every group membership Graph can change; what stays, and why, is in the
     * summary. The mailbox and files are left alone.
     */
    Outcome offboardUser(TenantGraph tenant, Arguments args) {
        JsonNode user = Lookups.user(tenant, args.user("user"));
        String id = Lookups.id(user);
        List<String> steps = new ArrayList<>();
        AccountTools.patchEnabled(tenant, user, false);
        steps.add("Blocked sign-in for " + Lookups.name(user) + " in " + tenant.label() + ".");
        AccountTools.revoke(tenant, user);
        steps.add("Revoked every sign-in session.");
        List<String> direct = new ArrayList<>();
        List<String> inherited = new ArrayList<>();
        for (JsonNode licence : user.path("assignedLicenses")) {
            String skuId = Json.textOr(licence, "", "skuId");
            (Lookups.onlyThroughGroups(user, skuId).isEmpty() ? direct : inherited).add(skuId);
        }
        if (!direct.isEmpty()) {
            steps.add(step("remove " + direct.size() + " licence(s)", () -> {
                AccessTools.changeLicences(tenant, user, List.of(), direct);
                return "Removed " + direct.size() + " directly assigned licence(s).";
            }, null));
        }
        if (!inherited.isEmpty()) {
            steps.add(inherited.size() + " licence(s) come through groups and go with those memberships.");
        }
        List<JsonNode> groups = tenant.all("users/" + id + "/memberOf/microsoft.graph.group?$select="
                + Lookups.GROUP_FIELDS + "&$top=100", Grant.READ_GROUPS, 500);
        int removed = 0;
        for (JsonNode group : groups) {
            Optional<String> why = Lookups.unchangeable(group);
            if (why.isPresent()) {
                steps.add("Kept: " + why.get() + ".");
                continue;
            }
            String result = step("remove from group '" + Json.textOr(group, "?", "displayName") + "'",
                    () -> AccessTools.removeMember(tenant, group, user), null);
            if (result.startsWith("FAILED")) {
                steps.add(result);
            } else {
                removed++;
            }
        }
        steps.add("Removed from " + removed + " of " + groups.size() + " group(s). Mailbox and files were left as "
                + "they are.");
        return Outcome.of(String.join("\n", steps));
    }

    /** Runs a step after the main change; its failure is reported, not thrown (the main change stands). */
    private static String step(String what, Supplier<String> step, String secret) {
        try {
            return step.get();
        } catch (PortFailure | NotFound | InvalidValue failure) {
            String message = failure.getMessage() == null ? "" : failure.getMessage();
            return "FAILED to " + what + ": " + (secret == null ? message : message.replace(secret, "[hidden]"));
        }
    }

    private static Optional<String> text(Arguments args, String name, boolean required) {
        Optional<String> value = required ? Optional.of(args.required(name)) : args.optional(name);
        if (value.isPresent() && (value.get().length() > MAX_NAME
                || value.get().chars().anyMatch(Character::isISOControl))) {
            throw InvalidValue.of("arguments." + name, "malformed", "must be at most " + MAX_NAME
                    + " characters of text");
        }
        return value;
    }

    /** The UPN's local part, kept to the characters a mail nickname allows. */
    static String mailNickname(String upn) {
        String local = upn.substring(0, upn.indexOf('@')).replaceAll("[^A-Za-z0-9._-]", "");
        return local.isEmpty() ? "user" : local.length() > 64 ? local.substring(0, 64) : local;
    }
}
