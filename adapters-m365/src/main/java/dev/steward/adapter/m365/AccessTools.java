package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.problem.InvalidValue;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The write tools on what a user may use: group memberships and licences. Each resolves the user, group and licence
 * before changing anything, refuses what Graph cannot change (dynamic, mail-enabled, synced groups; licences that
 * come through a group), and treats "already so" as success, so a repeated call changes nothing twice.
 */
final class AccessTools {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private AccessTools() {
    }

    /** {@code m365:add-to-group}. */
    static Outcome addToGroup(TenantGraph tenant, Arguments args) {
        JsonNode user = Lookups.user(tenant, args.user("user"));
        JsonNode group = changeableGroup(tenant, args.required("group"), "arguments.group");
        String result = addMember(tenant, group, user);
        return Outcome.of(result);
    }

    /** {@code m365:remove-from-group}. */
    static Outcome removeFromGroup(TenantGraph tenant, Arguments args) {
        JsonNode user = Lookups.user(tenant, args.user("user"));
        JsonNode group = changeableGroup(tenant, args.required("group"), "arguments.group");
        return Outcome.of(removeMember(tenant, group, user));
    }

    /** A group whose members Graph may change. @throws InvalidValue on {@code field} when it is not one */
    static JsonNode changeableGroup(TenantGraph tenant, String reference, String field) {
        if (reference.length() > Arguments.MAX_GROUP || reference.chars().anyMatch(Character::isISOControl)) {
            throw InvalidValue.of(field, "malformed", "must be a group's object id or display name (at most "
                    + Arguments.MAX_GROUP + " characters)");
        }
        JsonNode group = Lookups.group(tenant, reference, field);
        Lookups.unchangeable(group).ifPresent(why -> {
            throw InvalidValue.of(field, "unchangeable", why);
        });
        return group;
    }

    static String addMember(TenantGraph tenant, JsonNode group, JsonNode user) {
        ObjectNode ref = Json.object().put("@odata.id",
                tenant.directoryObjectUri(Lookups.id(user)));
        GraphResponse response = tenant.attempt("POST", "groups/" + Lookups.id(group) + "/members/$ref",
                Optional.of(ref));
        String groupName = Json.textOr(group, Lookups.id(group), "displayName");
        if (response.ok()) {
            return "Added " + Lookups.name(user) + " to group '" + groupName + "' in " + tenant.label() + ".";
        }
        if (response.status() == 400 && response.message().contains("already exist")) {
            return Lookups.name(user) + " already was a member of group '" + groupName + "' in " + tenant.label()
                    + "; nothing changed.";
        }
        throw tenant.failure(response, Grant.WRITE_GROUPS, Optional.empty());
    }

    static String removeMember(TenantGraph tenant, JsonNode group, JsonNode user) {
        GraphResponse response = tenant.attempt("DELETE", "groups/" + Lookups.id(group) + "/members/"
                + Lookups.id(user) + "/$ref", Optional.empty());
        String groupName = Json.textOr(group, Lookups.id(group), "displayName");
        if (response.ok()) {
            return "Removed " + Lookups.name(user) + " from group '" + groupName + "' in " + tenant.label() + ".";
        }
        if (response.status() == 404) {
            return Lookups.name(user) + " was not a member of group '" + groupName + "' in " + tenant.label()
                    + "; nothing changed.";
        }
        throw tenant.failure(response, Grant.WRITE_GROUPS, Optional.empty());
    }

    /**
     * {@code m365:assign-licence}: sets the usage location first when the user has none and one is given (Graph
     * refuses to license a user without one), refuses when no unit of the licence is free.
     */
    static Outcome assignLicence(TenantGraph tenant, Arguments args) {
        JsonNode user = Lookups.user(tenant, args.user("user"));
        JsonNode sku = Lookups.sku(tenant, args.required("licence"));
        Optional<String> location = usageLocation(args);
        String skuId = Json.textOr(sku, "", "skuId");
        if (Lookups.holds(user, skuId)) {
            return Outcome.of(Lookups.name(user) + " already has " + Lookups.skuName(sku) + " in " + tenant.label()
                    + "; nothing changed.");
        }
        checkFree(tenant, sku);
        boolean located = Json.text(user, "usageLocation").filter(l -> !l.isBlank()).isPresent();
        if (!located && location.isEmpty()) {
            throw InvalidValue.of("arguments.usageLocation", "required", "is required: " + Lookups.name(user)
                    + " has no usage location, which Microsoft needs before a licence is assigned (a two-letter "
                    + "country code, e.g. GB)");
        }
        String setLocation = "";
        if (!located) {
            tenant.send("PATCH", "users/" + Lookups.id(user), Optional.of(Json.object().put("usageLocation",
                    location.get())), Grant.WRITE_USERS, () -> new NotFound("Microsoft 365 user", Lookups.id(user)));
            setLocation = " (usage location set to " + location.get() + " first)";
        }
        changeLicences(tenant, user, List.of(skuId), List.of());
        return Outcome.of("Assigned " + Lookups.skuName(sku) + " to " + Lookups.name(user) + " in " + tenant.label()
                + setLocation + ".");
    }

    /** {@code m365:remove-licence}: only a directly assigned licence; one that comes through a group is refused. */
    static Outcome removeLicence(TenantGraph tenant, Arguments args) {
        JsonNode user = Lookups.user(tenant, args.user("user"));
        JsonNode sku = Lookups.sku(tenant, args.required("licence"));
        String skuId = Json.textOr(sku, "", "skuId");
        if (!Lookups.holds(user, skuId)) {
            return Outcome.of(Lookups.name(user) + " does not have " + Lookups.skuName(sku) + " in "
                    + tenant.label() + "; nothing changed.");
        }
        List<String> groups = Lookups.onlyThroughGroups(user, skuId);
        if (!groups.isEmpty()) {
            throw InvalidValue.of("arguments.licence", "inherited", Lookups.skuName(sku) + " comes to "
                    + Lookups.name(user) + " through group(s) " + groups + ", so it cannot be removed directly; "
                    + "remove the user from the group instead (m365:remove-from-group)");
        }
        changeLicences(tenant, user, List.of(), List.of(skuId));
        return Outcome.of("Removed " + Lookups.skuName(sku) + " from " + Lookups.name(user) + " in "
                + tenant.label() + ".");
    }

    /** @throws PortFailure (permanent) naming the licence when no unit is free */
    static void checkFree(TenantGraph tenant, JsonNode sku) {
        if (Lookups.free(sku) <= 0) {
            throw PortFailure.permanent(Graph.PORT, "No " + Lookups.skuName(sku) + " licence is free in "
                    + tenant.label() + " (" + sku.path("consumedUnits").asLong(0) + " of "
                    + sku.path("prepaidUnits").path("enabled").asLong(0) + " assigned); buy more or free one first",
                    null);
        }
    }

    static void changeLicences(TenantGraph tenant, JsonNode user, List<String> add, List<String> remove) {
        ObjectNode body = Json.object();
        var adding = body.putArray("addLicenses");
        add.forEach(id -> {
            ObjectNode licence = adding.addObject().put("skuId", id);
            licence.putArray("disabledPlans");
        });
        var removing = body.putArray("removeLicenses");
        remove.forEach(removing::add);
        tenant.send("POST", "users/" + Lookups.id(user) + "/assignLicense", Optional.of(body), Grant.WRITE_LICENCES,
                () -> new NotFound("Microsoft 365 user", Lookups.id(user)));
    }

    /** The optional usage location, a two-letter country code. */
    static Optional<String> usageLocation(Arguments args) {
        Optional<String> location = args.optional("usageLocation");
        if (location.isPresent() && !COUNTRY.matcher(location.get()).matches()) {
            throw InvalidValue.of("arguments.usageLocation", "malformed",
                    "must be a two-letter country code in capitals, e.g. GB");
        }
        return location;
    }
}
