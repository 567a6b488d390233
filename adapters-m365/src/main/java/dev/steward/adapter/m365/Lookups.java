package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.problem.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finding the users, groups and licences a tool call names, each unknown one a {@link NotFound} naming it. */
final class Lookups {

    static final String USER_FIELDS = "id,displayName,userPrincipalName,mail,accountEnabled,usageLocation,"
            + "assignedLicenses,licenseAssignmentStates,onPremisesSyncEnabled";
    static final String GROUP_FIELDS = "id,displayName,groupTypes,mailEnabled,securityEnabled,onPremisesSyncEnabled";

    private Lookups() {
    }

    /** The user with this UPN or object id. */
    static JsonNode user(TenantGraph tenant, String user) {
        return tenant.get("users/" + TenantGraph.segment(user) + "?$select=" + USER_FIELDS, Grant.READ_USERS,
                () -> new NotFound("Microsoft 365 user", user));
    }

    /** {@code Dana Reyes <dana@contoso.com>}. */
    static String name(JsonNode user) {
        String upn = Json.textOr(user, "", "userPrincipalName");
        String display = Json.textOr(user, "", "displayName");
        return display.isEmpty() || display.equals(upn) ? upn : display + " <" + upn + ">";
    }

    static String id(JsonNode object) {
        return Json.text(object, "id").orElseThrow(() -> PortFailure.permanent(Graph.PORT,
                "Microsoft Graph answered with an object without an id", null));
    }

    /**
     * The group with this object id, or the one group with exactly this display name.
     *
     * @throws InvalidValue on {@code arguments.<field>} when several groups have that name (listing their ids)
     */
    static JsonNode group(TenantGraph tenant, String group, String field) {
        if (M365Settings.GUID.matcher(group).matches()) {
            return tenant.get("groups/" + group + "?$select=" + GROUP_FIELDS, Grant.READ_GROUPS,
                    () -> new NotFound("Microsoft 365 group", group));
        }
        List<JsonNode> named = tenant.all("groups?$filter=" + TenantGraph.param("displayName eq "
                + TenantGraph.literal(group)) + "&$select=" + GROUP_FIELDS + "&$top=5", Grant.READ_GROUPS, 5);
        if (named.isEmpty()) {
            throw new NotFound("Microsoft 365 group", group);
        }
        if (named.size() > 1) {
            throw InvalidValue.of(field, "ambiguous", "names " + named.size() + " groups in " + tenant.label()
                    + "; give one's object id: " + named.stream().map(Lookups::id).toList());
        }
        return named.getFirst();
    }

    /** The kind of a group as a technician says it: security, Microsoft 365, distribution …, dynamic or not. */
    static String groupKind(JsonNode group) {
        boolean unified = has(group, "groupTypes", "Unified");
        boolean mail = group.path("mailEnabled").asBoolean(false);
        boolean security = group.path("securityEnabled").asBoolean(false);
        String kind = unified ? "Microsoft 365" : mail && security ? "mail-enabled security"
                : mail ? "distribution" : "security";
        return kind + (has(group, "groupTypes", "DynamicMembership") ? ", dynamic" : "")
                + (group.path("onPremisesSyncEnabled").asBoolean(false) ? ", synced from on-premises" : "");
    }

    /**
     * Why Graph cannot change this group's members, or empty when it can: dynamic groups follow their rule,
     * distribution and mail-enabled security groups belong to Exchange, synced groups to on-premises AD.
     */
    static Optional<String> unchangeable(JsonNode group) {
        String name = Json.textOr(group, Json.textOr(group, "?", "id"), "displayName");
        if (has(group, "groupTypes", "DynamicMembership")) {
            return Optional.of("group '" + name + "' has dynamic (rule-based) membership; change the rule or the "
                    + "user's attributes instead");
        }
        if (group.path("onPremisesSyncEnabled").asBoolean(false)) {
            return Optional.of("group '" + name + "' is synced from on-premises Active Directory; change it there");
        }
        if (group.path("mailEnabled").asBoolean(false) && !has(group, "groupTypes", "Unified")) {
            return Optional.of("group '" + name + "' is a " + groupKind(group) + " group, whose members are managed "
                    + "in Exchange Online, not through Microsoft Graph");
        }
        return Optional.empty();
    }

    /** Every licence (SKU) the tenant subscribes to. */
    static List<JsonNode> skus(TenantGraph tenant) {
        return tenant.all("subscribedSkus", Grant.READ_LICENCES, 500);
    }

    /** The subscribed SKU with this part number (any case) or SKU id. */
    static JsonNode sku(TenantGraph tenant, String licence) {
        for (JsonNode sku : skus(tenant)) {
            if (Json.textOr(sku, "", "skuPartNumber").equalsIgnoreCase(licence)
                    || Json.textOr(sku, "", "skuId").equalsIgnoreCase(licence)) {
                return sku;
            }
        }
        throw new NotFound("Microsoft 365 licence", licence);
    }

    /** Unassigned units of a SKU: enabled prepaid units minus consumed ones. */
    static long free(JsonNode sku) {
        return sku.path("prepaidUnits").path("enabled").asLong(0) - sku.path("consumedUnits").asLong(0);
    }

    static String skuName(JsonNode sku) {
        return Json.textOr(sku, Json.textOr(sku, "?", "skuId"), "skuPartNumber");
    }

    /** Whether the user holds the SKU, assigned to them directly or through a group. */
    static boolean holds(JsonNode user, String skuId) {
        for (JsonNode licence : user.path("assignedLicenses")) {
            if (Json.textOr(licence, "", "skuId").equalsIgnoreCase(skuId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The groups a SKU comes to the user through, when it comes only through groups (then it cannot be removed
     * directly: THIRD-PARTY-APIS.md §4.2); empty when it is (also) assigned directly or states are not known.
     */
    static List<String> onlyThroughGroups(JsonNode user, String skuId) {
        List<String> groups = new ArrayList<>();
        for (JsonNode state : user.path("licenseAssignmentStates")) {
            if (!Json.textOr(state, "", "skuId").equalsIgnoreCase(skuId)) {
                continue;
            }
            Optional<String> group = Json.text(state, "assignedByGroup");
            if (group.isEmpty() || group.get().isBlank()) {
                return List.of();
            }
            groups.add(group.get());
        }
        return List.copyOf(groups);
    }

    private static boolean has(JsonNode node, String arrayField, String value) {
        for (JsonNode element : node.path(arrayField)) {
            if (element.asText().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
