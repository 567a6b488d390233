package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.problem.InvalidValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The read-only tools: what the agent looks at while diagnosing. Summaries are short, one fact a line, and mask
 * phone numbers (the last three digits are enough to tell phones apart).
 */
final class ReadTools {

    static final int MAX_QUERY = 100;
    private static final int MAX_USERS = 25;
    private static final int MAX_GROUPS = 200;

    private ReadTools() {
    }

    /** {@code m365:find-user}: users whose name, UPN or mail starts with the query (an exact UPN or mail too). */
    static Outcome findUser(TenantGraph tenant, Arguments args) {
        String query = args.required("query");
        if (query.length() > MAX_QUERY || query.chars().anyMatch(Character::isISOControl)) {
            throw InvalidValue.of("arguments.query", "malformed", "must be at most " + MAX_QUERY
                    + " characters of text");
        }
        String q = TenantGraph.literal(query);
        String filter = query.contains("@")
                ? "userPrincipalName eq " + q + " or mail eq " + q
                : "startswith(displayName," + q + ") or startswith(userPrincipalName," + q + ") or startswith(mail,"
                        + q + ")";
        List<JsonNode> users = tenant.all("users?$filter=" + TenantGraph.param(filter)
                + "&$select=id,displayName,userPrincipalName,mail,accountEnabled&$top=" + MAX_USERS,
                Grant.READ_USERS, MAX_USERS);
        if (users.isEmpty()) {
            return Outcome.of("No user in " + tenant.label() + " matches '" + query + "'.");
        }
        StringBuilder out = new StringBuilder(users.size() + (users.size() == MAX_USERS ? "+" : "")
                + " user(s) in " + tenant.label() + " match '" + query + "':");
        for (JsonNode user : users) {
            out.append("\n- ").append(Lookups.name(user)).append(", id ").append(Lookups.id(user))
                    .append(user.path("accountEnabled").asBoolean(true) ? ", sign-in enabled" : ", sign-in BLOCKED");
        }
        return Outcome.of(out.toString());
    }

    /**
     * {@code m365:get-user}: enabled or blocked, licences, last sign-in, MFA methods. A part the app may not read
     * (sign-in activity needs Entra ID P1; methods their own permission) is reported as unavailable rather than
     * failing the whole call.
     */
    static Outcome getUser(TenantGraph tenant, Arguments args) {
        JsonNode user = Lookups.user(tenant, args.user("user"));
        String id = Lookups.id(user);
        List<String> lines = new ArrayList<>();
        lines.add(Lookups.name(user) + " (id " + id + ") in " + tenant.label());
        lines.add("sign-in: " + (user.path("accountEnabled").asBoolean(true) ? "enabled" : "BLOCKED"));
        lines.add("synced from on-premises AD: " + (user.path("onPremisesSyncEnabled").asBoolean(false)
                ? "yes (password changes need writeback)" : "no"));
        lines.add("usage location: " + Json.textOr(user, "not set", "usageLocation"));
        lines.add("licences: " + licences(tenant, user));
        lines.add("last sign-in: " + lastSignIn(tenant, id));
        lines.add("MFA methods: " + methods(tenant, id));
        return Outcome.of(String.join("\n", lines));
    }

    /** {@code m365:list-sign-ins}: the user's recent sign-ins, failures only unless asked otherwise. */
    static Outcome listSignIns(TenantGraph tenant, Arguments args) {
        String user = args.user("user");
        boolean failuresOnly = args.flag("failuresOnly", true);
        int limit = args.integer("limit", 10, 1, 50);
        String who = M365Settings.GUID.matcher(user).matches() ? "userId eq " + TenantGraph.literal(user.toLowerCase())
                : "userPrincipalName eq " + TenantGraph.literal(user);
        String filter = who + (failuresOnly ? " and status/errorCode ne 0" : "");
        List<JsonNode> signIns = tenant.all("auditLogs/signIns?$filter=" + TenantGraph.param(filter) + "&$top="
                + limit, Grant.READ_SIGN_INS, limit);
        String what = failuresOnly ? "failed sign-ins" : "sign-ins";
        if (signIns.isEmpty()) {
            return Outcome.of("No " + what + " of " + user + " in " + tenant.label() + "'s sign-in log.");
        }
        StringBuilder out = new StringBuilder("The " + signIns.size() + " most recent " + what + " of " + user
                + " in " + tenant.label() + ":");
        for (JsonNode signIn : signIns) {
            long code = signIn.path("status").path("errorCode").asLong(0);
            out.append("\n- ").append(Json.textOr(signIn, "?", "createdDateTime")).append(' ')
                    .append(Json.textOr(signIn, "unknown app", "appDisplayName"))
                    .append(" from ").append(Json.textOr(signIn, "unknown address", "ipAddress"))
                    .append(Json.text(signIn, "location", "countryOrRegion").filter(c -> !c.isBlank())
                            .map(c -> " (" + c + ")").orElse(""))
                    .append(": ").append(code == 0 ? "succeeded" : "failed, error " + code
                            + Json.text(signIn, "status", "failureReason").filter(r -> !r.isBlank())
                                    .map(r -> " " + r).orElse(""));
        }
        return Outcome.of(out.toString());
    }

    /** {@code m365:list-groups}: a user's groups, or the tenant's groups whose name starts with a search text. */
    static Outcome listGroups(TenantGraph tenant, Arguments args) {
        Optional<String> user = args.optional("user").map(u -> args.user("user"));
        Optional<String> search = args.optional("search");
        if (search.isPresent() && (search.get().length() > MAX_QUERY
                || search.get().chars().anyMatch(Character::isISOControl))) {
            throw InvalidValue.of("arguments.search", "malformed", "must be at most " + MAX_QUERY
                    + " characters of text");
        }
        List<JsonNode> groups;
        String heading;
        if (user.isPresent()) {
            String id = Lookups.id(Lookups.user(tenant, user.get()));
            groups = tenant.all("users/" + id + "/memberOf/microsoft.graph.group?$select=" + Lookups.GROUP_FIELDS
                    + "&$top=100", Grant.READ_GROUPS, MAX_GROUPS);
            heading = user.get() + " is a member of " + groups.size() + " group(s) in " + tenant.label();
            if (search.isPresent()) {
                String needle = search.get().toLowerCase();
                groups = groups.stream().filter(g -> Json.textOr(g, "", "displayName").toLowerCase()
                        .startsWith(needle)).toList();
                heading += ", " + groups.size() + " starting with '" + search.get() + "'";
            }
        } else {
            String filter = search.map(s -> "&$filter=" + TenantGraph.param("startswith(displayName,"
                    + TenantGraph.literal(s) + ")")).orElse("");
            groups = tenant.all("groups?$select=" + Lookups.GROUP_FIELDS + "&$top=100" + filter, Grant.READ_GROUPS,
                    MAX_GROUPS);
            heading = groups.size() + (groups.size() == MAX_GROUPS ? "+" : "") + " group(s) in " + tenant.label()
                    + search.map(s -> " starting with '" + s + "'").orElse("");
        }
        StringBuilder out = new StringBuilder(heading).append(groups.isEmpty() ? "." : ":");
        for (JsonNode group : groups) {
            out.append("\n- ").append(Json.textOr(group, "?", "displayName")).append(" (")
                    .append(Lookups.groupKind(group)).append(", id ").append(Lookups.id(group)).append(')');
        }
        return Outcome.of(out.toString());
    }

    /** {@code m365:list-licences}: the tenant's subscriptions and how many of each are free. */
    static Outcome listLicences(TenantGraph tenant, Arguments args) {
        List<JsonNode> skus = Lookups.skus(tenant);
        if (skus.isEmpty()) {
            return Outcome.of(tenant.label() + " subscribes to no licences.");
        }
        StringBuilder out = new StringBuilder(tenant.label() + " subscribes to " + skus.size() + " licence(s):");
        for (JsonNode sku : skus) {
            long enabled = sku.path("prepaidUnits").path("enabled").asLong(0);
            out.append("\n- ").append(Lookups.skuName(sku)).append(": ").append(Math.max(0, Lookups.free(sku)))
                    .append(" of ").append(enabled).append(" free (sku id ").append(Json.textOr(sku, "?", "skuId"))
                    .append(')');
        }
        return Outcome.of(out.toString());
    }

    private static String licences(TenantGraph tenant, JsonNode user) {
        List<String> skuIds = new ArrayList<>();
        user.path("assignedLicenses").forEach(l -> Json.text(l, "skuId").ifPresent(skuIds::add));
        if (skuIds.isEmpty()) {
            return "none";
        }
        Map<String, String> names = new HashMap<>();
        try {
            Lookups.skus(tenant).forEach(s -> names.put(Json.textOr(s, "", "skuId").toLowerCase(),
                    Lookups.skuName(s)));
        } catch (PortFailure unreadable) {
            // the SKU names are a nicety: without Organization.Read.All the ids still say which licences
        }
        return skuIds.stream().map(id -> names.getOrDefault(id.toLowerCase(), id)).collect(Collectors.joining(", "));
    }

    private static String lastSignIn(TenantGraph tenant, String id) {
        GraphResponse response = tenant.attempt("GET", "users/" + id + "?$select=id,signInActivity",
                Optional.empty());
        if (!response.ok()) {
            return "not available (" + response.reason() + "; needs AuditLog.Read.All and Entra ID P1 or P2)";
        }
        JsonNode activity = response.body().path("signInActivity");
        Optional<String> interactive = Json.text(activity, "lastSignInDateTime");
        Optional<String> any = Json.text(activity, "lastSuccessfulSignInDateTime");
        if (interactive.isEmpty() && any.isEmpty()) {
            return "never (none recorded)";
        }
        return interactive.map(t -> "last attempt " + t).orElse("last attempt unknown")
                + any.map(t -> ", last success " + t).orElse("");
    }

    private static String methods(TenantGraph tenant, String id) {
        GraphResponse response = tenant.attempt("GET", "users/" + id + "/authentication/methods", Optional.empty());
        if (!response.ok()) {
            return "not available (" + response.reason() + "; " + Grant.READ_METHODS.advice(tenant.label()) + ")";
        }
        List<String> described = Json.elements(response.body(), "value").stream()
                .filter(m -> !AuthMethods.kindOf(m).equals(AuthMethods.PASSWORD))
                .map(AuthMethods::describe).toList();
        return described.isEmpty() ? "none registered (only a password)" : String.join(", ", described);
    }
}
