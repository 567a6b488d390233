package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One Entra tenant inside {@link FakeMicrosoftCloud}: its directory (users, groups, subscribed licences,
 * authentication methods, sign-in log) and what Steward's app may do there (the application permissions consented
 * and the directory roles of its service principal). A new customer tenant has consent for every permission the
 * adapter uses and every role; tests take them away to see the 403s.
 */
public final class FakeTenant {

    /** Everything the adapter's tools need, consented by default. */
    public static final Set<String> ALL_PERMISSIONS = Set.of("User.Read.All", "User.ReadWrite.All",
            "User.RevokeSessions.All",
            "UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All", "AuditLog.Read.All",
            "Directory.Read.All", "GroupMember.Read.All", "GroupMember.ReadWrite.All", "Organization.Read.All",
            "LicenseAssignment.ReadWrite.All", "DelegatedAdminRelationship.Read.All");
    public static final Set<String> ALL_ROLES = Set.of("User Administrator", "Authentication Administrator",
            "Privileged Authentication Administrator");

    public static final String MOBILE = "3179e48a-750b-4051-897c-87b9720928f7";
    public static final String ALTERNATE_MOBILE = "b6332ec1-7057-4abe-9331-3d72feddfe41";
    public static final String OFFICE = "e37fc753-ff3b-4958-9484-eaa9425c82bc";
    public static final String PASSWORD_METHOD = "28c10230-6103-485e-b985-444c60001490";

    final String id;
    final String name;
    final String domain;
    final Set<String> permissions = new HashSet<>(ALL_PERMISSIONS);
    final Set<String> roles = new HashSet<>(ALL_ROLES);
    boolean consented = true;
    boolean premium = true;
    boolean accessPassesEnabled = true;
    final Map<String, ObjectNode> users = new LinkedHashMap<>();
    final Map<String, ObjectNode> groups = new LinkedHashMap<>();
    final Map<String, Set<String>> members = new LinkedHashMap<>();
    final List<ObjectNode> skus = new ArrayList<>();
    final Map<String, List<ObjectNode>> methods = new LinkedHashMap<>();
    final Map<String, String> defaultMethod = new LinkedHashMap<>();
    final Map<String, String> passwords = new LinkedHashMap<>();
    final Map<String, Integer> revocations = new LinkedHashMap<>();
    final List<ObjectNode> signIns = new ArrayList<>();

    FakeTenant(String id, String name, String domain) {
        this.id = id;
        this.name = name;
        this.domain = domain;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String domain() {
        return domain;
    }

    // --- set-up, for tests -----------------------------------------------------------------------------------

    /** Takes an application permission's consent away. */
    public synchronized FakeTenant withoutPermission(String permission) {
        permissions.remove(permission);
        return this;
    }

    /** Takes a directory role away from the app's service principal. */
    public synchronized FakeTenant withoutRole(String role) {
        roles.remove(role);
        return this;
    }

    /** No admin consent at all: the token endpoint does not know the app here. */
    public synchronized FakeTenant withoutConsent() {
        consented = false;
        return this;
    }

    /** Entra ID Free: no sign-in logs nor sign-in activity. */
    public synchronized FakeTenant withoutPremium() {
        premium = false;
        return this;
    }

    public synchronized FakeTenant withoutAccessPasses() {
        accessPassesEnabled = false;
        return this;
    }

    /** Adds an enabled cloud user with a usage location; returns its id. */
    public synchronized String addUser(String localPart, String displayName) {
        String id = UUID.randomUUID().toString();
        ObjectNode user = Json.object().put("id", id).put("displayName", displayName)
                .put("userPrincipalName", localPart + "@" + domain).put("mail", localPart + "@" + domain)
                .put("accountEnabled", true).put("usageLocation", "GB").put("onPremisesSyncEnabled", false);
        user.putArray("assignedLicenses");
        user.putArray("licenseAssignmentStates");
        user.putObject("signInActivity").put("lastSignInDateTime", "2026-11-21T08:10:00Z")
                .put("lastSuccessfulSignInDateTime", "2026-11-20T17:45:00Z");
        users.put(id, user);
        List<ObjectNode> list = new ArrayList<>();
        list.add(Json.object().put("@odata.type", "#microsoft.graph.passwordAuthenticationMethod")
                .put("id", PASSWORD_METHOD));
        methods.put(id, list);
        return id;
    }

    public synchronized ObjectNode user(String idOrUpn) {
        return find(idOrUpn).orElseThrow(() -> new IllegalArgumentException("no user " + idOrUpn));
    }

    public synchronized FakeTenant set(String user, String field, Object value) {
        ObjectNode node = user(user);
        if (value == null) {
            node.putNull(field);
        } else if (value instanceof Boolean b) {
            node.put(field, b);
        } else {
            node.put(field, value.toString());
        }
        return this;
    }

    /** Adds a group (kind: security, unified, distribution, mail-security; dynamic adds a membership rule). */
    public synchronized String addGroup(String displayName, String kind, boolean dynamic) {
        String id = UUID.randomUUID().toString();
        boolean unified = kind.equals("unified");
        ObjectNode group = Json.object().put("id", id).put("displayName", displayName)
                .put("mailEnabled", unified || kind.equals("distribution") || kind.equals("mail-security"))
                .put("securityEnabled", kind.equals("security") || kind.equals("mail-security"))
                .put("onPremisesSyncEnabled", false);
        var types = group.putArray("groupTypes");
        if (unified) {
            types.add("Unified");
        }
        if (dynamic) {
            types.add("DynamicMembership");
        }
        groups.put(id, group);
        members.put(id, new LinkedHashSet<>());
        return id;
    }

    public synchronized FakeTenant addMember(String group, String user) {
        members.get(group).add(user(user).path("id").asText());
        return this;
    }

    public synchronized Set<String> membersOf(String group) {
        return Set.copyOf(members.get(group));
    }

    /** Adds a subscribed SKU with {@code enabled} prepaid units; returns its SKU id. */
    public synchronized String addSku(String partNumber, int enabled) {
        String skuId = UUID.randomUUID().toString();
        ObjectNode sku = Json.object().put("skuId", skuId).put("skuPartNumber", partNumber)
                .put("consumedUnits", 0).put("capabilityStatus", "Enabled");
        sku.putObject("prepaidUnits").put("enabled", enabled).put("suspended", 0).put("warning", 0);
        skus.add(sku);
        return skuId;
    }

    /** Gives the user a licence directly, or through {@code group} when it is not null. */
    public synchronized FakeTenant license(String user, String skuId, String group) {
        ObjectNode node = user(user);
        ((com.fasterxml.jackson.databind.node.ArrayNode) node.get("assignedLicenses")).addObject()
                .put("skuId", skuId).putArray("disabledPlans");
        ObjectNode state = ((com.fasterxml.jackson.databind.node.ArrayNode) node.get("licenseAssignmentStates"))
                .addObject().put("skuId", skuId).put("state", "Active");
        if (group == null) {
            state.putNull("assignedByGroup");
        } else {
            state.put("assignedByGroup", group);
        }
        sku(skuId).ifPresent(s -> s.put("consumedUnits", s.path("consumedUnits").asInt() + 1));
        return this;
    }

    public synchronized List<String> licencesOf(String user) {
        List<String> ids = new ArrayList<>();
        user(user).path("assignedLicenses").forEach(l -> ids.add(l.path("skuId").asText()));
        return ids;
    }

    /** Registers an authentication method; phone types are mobile, alternateMobile and office. */
    public synchronized String addMethod(String user, String odataType, String displayNameOrPhoneType) {
        String userId = user(user).path("id").asText();
        ObjectNode method = Json.object().put("@odata.type", "#microsoft.graph." + odataType);
        if (odataType.equals("phoneAuthenticationMethod")) {
            String methodId = switch (displayNameOrPhoneType) {
                case "mobile" -> MOBILE;
                case "alternateMobile" -> ALTERNATE_MOBILE;
                default -> OFFICE;
            };
            method.put("id", methodId).put("phoneType", displayNameOrPhoneType).put("phoneNumber", "+44 7700900123")
                    .putNull("smsSignInState");
        } else {
            method.put("id", UUID.randomUUID().toString()).put("displayName", displayNameOrPhoneType);
        }
        methods.get(userId).add(method);
        return method.path("id").asText();
    }

    /** Makes a method the user's default MFA method (a default phone cannot be deleted). */
    public synchronized FakeTenant defaultMethod(String user, String methodId) {
        defaultMethod.put(user(user).path("id").asText(), methodId);
        return this;
    }

    public synchronized List<String> methodTypesOf(String user) {
        return methods.get(user(user).path("id").asText()).stream().map(m -> m.path("@odata.type").asText()
                .replace("#microsoft.graph.", "")).toList();
    }

    /** Records a sign-in (errorCode 0 = success). */
    public synchronized FakeTenant signIn(String user, String app, long errorCode, String reason, Instant at) {
        ObjectNode u = user(user);
        ObjectNode signIn = Json.object().put("id", UUID.randomUUID().toString()).put("createdDateTime", at.toString())
                .put("userPrincipalName", u.path("userPrincipalName").asText()).put("userId", u.path("id").asText())
                .put("appDisplayName", app).put("ipAddress", "203.0.113.7");
        signIn.putObject("status").put("errorCode", errorCode).put("failureReason", reason);
        signIn.putObject("location").put("city", "London").put("countryOrRegion", "GB");
        signIns.add(signIn);
        signIns.sort((a, b) -> b.path("createdDateTime").asText().compareTo(a.path("createdDateTime").asText()));
        return this;
    }

    /** The temporary password last set on the user (by reset or creation), if any. */
    public synchronized Optional<String> passwordOf(String user) {
        return Optional.ofNullable(passwords.get(user(user).path("id").asText()));
    }

    public synchronized int revocationsOf(String user) {
        return revocations.getOrDefault(user(user).path("id").asText(), 0);
    }

    // --- lookups used by the cloud ---------------------------------------------------------------------------

    synchronized Optional<ObjectNode> find(String idOrUpn) {
        ObjectNode byId = users.get(idOrUpn.toLowerCase(Locale.ROOT));
        if (byId != null) {
            return Optional.of(byId);
        }
        return users.values().stream().filter(u -> u.path("userPrincipalName").asText().equalsIgnoreCase(idOrUpn))
                .findFirst();
    }

    Optional<ObjectNode> sku(String skuId) {
        return skus.stream().filter(s -> s.path("skuId").asText().equalsIgnoreCase(skuId)).findFirst();
    }

    boolean may(String... anyOf) {
        for (String permission : anyOf) {
            if (permissions.contains(permission)) {
                return true;
            }
        }
        return false;
    }

    static JsonNode select(JsonNode node, String select) {
        if (select == null || select.isBlank()) {
            return node;
        }
        ObjectNode out = Json.object();
        for (String field : select.split(",")) {
            JsonNode value = node.get(field.strip());
            if (value != null) {
                out.set(field.strip(), value);
            }
        }
        return out;
    }
}
