package dev.steward.adapter.m365;

import static dev.steward.adapter.m365.FakeMicrosoftCloud.empty;
import static dev.steward.adapter.m365.FakeMicrosoftCloud.error;
import static dev.steward.adapter.m365.FakeMicrosoftCloud.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One Graph request answered from one tenant's directory (see {@link FakeMicrosoftCloud}). */
final class GraphRoutes {

    private static final Pattern USER = Pattern.compile("users/([^/]+)");
    private static final Pattern USER_SUB = Pattern.compile("users/([^/]+)/(.+)");
    private static final Pattern METHOD = Pattern.compile("authentication/([A-Za-z0-9]+)/([^/]+)");
    private static final Pattern GROUP = Pattern.compile("groups/([^/]+)");
    private static final Pattern MEMBER_ADD = Pattern.compile("groups/([^/]+)/members/\\$ref");
    private static final Pattern MEMBER_REMOVE = Pattern.compile("groups/([^/]+)/members/([^/]+)/\\$ref");
    private static final Pattern DIRECTORY_OBJECT = Pattern.compile(".*/v1\\.0/directoryObjects/([^/]+)");
    private static final Set<String> COLLECTIONS = Set.of("phoneMethods", "microsoftAuthenticatorMethods",
            "softwareOathMethods", "fido2Methods", "emailMethods", "windowsHelloForBusinessMethods",
            "temporaryAccessPassMethods");

    private final FakeMicrosoftCloud cloud;
    private final FakeTenant tenant;
    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final String body;
    private final String base;

    GraphRoutes(FakeMicrosoftCloud cloud, FakeTenant tenant, String method, String path, Map<String, String> query,
                String body, String base) {
        this.cloud = cloud;
        this.tenant = tenant;
        this.method = method;
        this.path = path;
        this.query = query;
        this.body = body;
        this.base = base;
    }

    ResponseDefinition answer() {
        Matcher m;
        if (path.equals("tenantRelationships/delegatedAdminRelationships") && get()) {
            return need("DelegatedAdminRelationship.Read.All").orElseGet(() -> page(tenant.id()
                    .equals(FakeMicrosoftCloud.PARTNER_TENANT) ? List.copyOf(cloud.relationships()) : List.of(), 300));
        }
        if (path.equals("users") && get()) {
            return need("User.Read.All", "User.ReadWrite.All", "Directory.Read.All").orElseGet(() -> page(
                    tenant.users.values().stream().map(u -> (JsonNode) u).filter(FakeMicrosoftCloud.filter(query))
                            .map(u -> FakeTenant.select(u, query.get("$select"))).toList(), 999));
        }
        if (path.equals("users") && method.equals("POST")) {
            return need("User.ReadWrite.All").orElseGet(this::createUser);
        }
        if (path.equals("subscribedSkus") && get()) {
            return need("Organization.Read.All", "Directory.Read.All").orElseGet(() -> page(List.copyOf(tenant.skus),
                    999));
        }
        if (path.equals("groups") && get()) {
            return need("GroupMember.Read.All", "Group.Read.All", "Directory.Read.All").orElseGet(() -> page(
                    tenant.groups.values().stream().map(g -> (JsonNode) g).filter(FakeMicrosoftCloud.filter(query))
                            .map(g -> FakeTenant.select(g, query.get("$select"))).toList(), 999));
        }
        if (path.equals("auditLogs/signIns") && get()) {
            if (!tenant.may("AuditLog.Read.All") || !tenant.may("Directory.Read.All")) {
                return denied();
            }
            if (!tenant.premium) {
                return error(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                        "Neither tenant is B2C or tenant doesn't have premium license");
            }
            Predicate<JsonNode> filter = FakeMicrosoftCloud.filter(query);
            return page(tenant.signIns.stream().map(s -> (JsonNode) s).filter(filter).toList(), 1000);
        }
        if ((m = MEMBER_ADD.matcher(path)).matches() && method.equals("POST")) {
            String group = m.group(1);
            return need("GroupMember.ReadWrite.All").orElseGet(() -> addMember(group));
        }
        if ((m = MEMBER_REMOVE.matcher(path)).matches() && method.equals("DELETE")) {
            String group = m.group(1);
            String user = m.group(2);
            return need("GroupMember.ReadWrite.All").orElseGet(() -> removeMember(group, user));
        }
        if ((m = GROUP.matcher(path)).matches() && get()) {
            String id = m.group(1);
            ObjectNode group = tenant.groups.get(id);
            return need("GroupMember.Read.All", "Group.Read.All", "Directory.Read.All").orElseGet(() -> group == null
                    ? notFound(id) : json(200, FakeTenant.select(group, query.get("$select"))));
        }
        if ((m = USER.matcher(path)).matches()) {
            return user(m.group(1));
        }
        if ((m = USER_SUB.matcher(path)).matches()) {
            Optional<ObjectNode> user = tenant.find(m.group(1));
            if (user.isEmpty()) {
                return notFound(m.group(1));
            }
            return userSub(user.get(), m.group(2));
        }
        return error(400, "BadRequest", "Resource not found for the segment '" + path + "'.");
    }

    // --- users -------------------------------------------------------------------------------------------------

    private ResponseDefinition user(String ref) {
        Optional<ObjectNode> found = tenant.find(ref);
        if (get()) {
            Optional<ResponseDefinition> refused = need("User.Read.All", "User.ReadWrite.All", "Directory.Read.All");
            if (refused.isPresent()) {
                return refused.get();
            }
            if (found.isEmpty()) {
                return notFound(ref);
            }
            String select = query.getOrDefault("$select", "");
            if (select.contains("signInActivity") && (!tenant.may("AuditLog.Read.All") || !tenant.premium)) {
                return error(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                        "Neither tenant is B2C or tenant doesn't have premium license");
            }
            return json(200, FakeTenant.select(found.get(), select.isEmpty() ? "id,displayName,userPrincipalName"
                    : select));
        }
        if (method.equals("PATCH")) {
            JsonNode patch = Json.parseOrMissing(body);
            boolean password = patch.has("passwordProfile");
            // app-only: the permission changes users; a password also needs the User Administrator role (§4.1)
            Optional<ResponseDefinition> refused = password ? needWrite("User.ReadWrite.All", "User Administrator")
                    : need("User.ReadWrite.All");
            if (refused.isPresent()) {
                return refused.get();
            }
            if (found.isEmpty()) {
                return notFound(ref);
            }
            ObjectNode user = found.get();
            if (password) {
                if (user.path("onPremisesSyncEnabled").asBoolean(false)) {
                    return error(400, "Request_BadRequest", "Unable to update the specified properties for "
                            + "on-premises mastered Directory Sync objects or objects currently undergoing migration.");
                }
                String value = patch.path("passwordProfile").path("password").asText("");
                if (!complex(value)) {
                    return error(400, "Request_BadRequest",
                            "The specified password does not comply with password complexity requirements.");
                }
                tenant.passwords.put(user.path("id").asText(), value);
                user.put("forceChangePasswordNextSignIn",
                        patch.path("passwordProfile").path("forceChangePasswordNextSignIn").asBoolean(false));
            }
            patch.fields().forEachRemaining(e -> {
                if (Set.of("accountEnabled", "usageLocation", "displayName").contains(e.getKey())) {
                    user.set(e.getKey(), e.getValue());
                }
            });
            return empty(204);
        }
        return error(405, "Request_BadRequest", "method not allowed");
    }

    private ResponseDefinition createUser() {
        JsonNode user = Json.parseOrMissing(body);
        for (String required : List.of("displayName", "mailNickname", "userPrincipalName")) {
            if (user.path(required).asText("").isBlank()) {
                return error(400, "Request_BadRequest", "Invalid value specified for property '" + required
                        + "' of resource 'User'.");
            }
        }
        if (!user.has("accountEnabled") || !user.path("passwordProfile").has("password")) {
            return error(400, "Request_BadRequest", "Property 'passwordProfile' and 'accountEnabled' are required.");
        }
        String upn = user.path("userPrincipalName").asText();
        if (!upn.toLowerCase().endsWith("@" + tenant.domain())) {
            return error(400, "Request_BadRequest", "The domain portion of the userPrincipalName property is invalid. "
                    + "You must use one of the verified domain names in your organization.");
        }
        if (tenant.find(upn).isPresent()) {
            return error(400, "Request_BadRequest",
                    "Another object with the same value for property userPrincipalName already exists.");
        }
        String password = user.path("passwordProfile").path("password").asText();
        if (!complex(password)) {
            return error(400, "Request_BadRequest",
                    "The specified password does not comply with password complexity requirements.");
        }
        String id = tenant.addUser(upn.substring(0, upn.indexOf('@')), user.path("displayName").asText());
        ObjectNode created = tenant.users.get(id);
        created.put("userPrincipalName", upn).put("accountEnabled", user.path("accountEnabled").asBoolean());
        created.remove("signInActivity");
        if (user.has("usageLocation")) {
            created.put("usageLocation", user.path("usageLocation").asText());
        } else {
            created.putNull("usageLocation");
        }
        for (String field : List.of("givenName", "surname", "jobTitle", "department", "mailNickname")) {
            if (user.has(field)) {
                created.put(field, user.path(field).asText());
            }
        }
        tenant.passwords.put(id, password);
        created.put("forceChangePasswordNextSignIn",
                user.path("passwordProfile").path("forceChangePasswordNextSignIn").asBoolean(false));
        return json(201, FakeTenant.select(created, "id,displayName,userPrincipalName,accountEnabled,usageLocation"));
    }

    private ResponseDefinition userSub(ObjectNode user, String sub) {
        String id = user.path("id").asText();
        Matcher m;
        if (sub.equals("revokeSignInSessions") && method.equals("POST")) {
            return need("User.ReadWrite.All", "User.RevokeSessions.All").orElseGet(() -> {
                tenant.revocations.merge(id, 1, Integer::sum);
                return json(200, Json.object().put("@odata.context",
                        "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean").put("value", true));
            });
        }
        if (sub.equals("memberOf/microsoft.graph.group") && get()) {
            return need("GroupMember.Read.All", "Group.Read.All", "Directory.Read.All").orElseGet(() -> page(
                    tenant.groups.values().stream().filter(g -> tenant.members.get(g.path("id").asText())
                            .contains(id)).map(g -> FakeTenant.select(g, query.get("$select"))).toList(), 999));
        }
        if (sub.equals("authentication/methods") && get()) {
            return need("UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All")
                    .orElseGet(() -> page(List.copyOf(tenant.methods.get(id)), 999));
        }
        if (sub.equals("authentication/temporaryAccessPassMethods") && method.equals("POST")) {
            return needWrite("UserAuthenticationMethod.ReadWrite.All", "Authentication Administrator")
                    .orElseGet(() -> accessPass(id));
        }
        if ((m = METHOD.matcher(sub)).matches() && method.equals("DELETE")) {
            String collection = m.group(1);
            String methodId = m.group(2);
            return needWrite("UserAuthenticationMethod.ReadWrite.All", "Authentication Administrator")
                    .orElseGet(() -> deleteMethod(id, collection, methodId));
        }
        if (sub.equals("assignLicense") && method.equals("POST")) {
            return need("LicenseAssignment.ReadWrite.All", "User.ReadWrite.All").orElseGet(() -> assignLicense(user));
        }
        return error(400, "BadRequest", "Resource not found for the segment '" + sub + "'.");
    }

    private ResponseDefinition deleteMethod(String user, String collection, String methodId) {
        if (!COLLECTIONS.contains(collection)) {
            return error(400, "badRequest", "Resource not found for the segment '" + collection + "'.");
        }
        List<ObjectNode> methods = tenant.methods.get(user);
        Optional<ObjectNode> found = methods.stream().filter(x -> x.path("id").asText().equals(methodId)
                && collectionOf(x).equals(collection)).findFirst();
        if (found.isEmpty()) {
            return error(404, "itemNotFound", "The requested method was not found.");
        }
        if (collection.equals("phoneMethods") && methodId.equals(tenant.defaultMethod.get(user))) {
            return error(400, "badRequest", "The default authentication method of the user cannot be deleted. "
                    + "Change the default method first.");
        }
        if (methodId.equals(FakeTenant.MOBILE) && methods.stream().anyMatch(x -> x.path("id").asText()
                .equals(FakeTenant.ALTERNATE_MOBILE))) {
            return error(400, "badRequest", "A user can't have an alternateMobile number without a mobile number.");
        }
        methods.remove(found.get());
        return empty(204);
    }

    private static String collectionOf(JsonNode method) {
        String type = method.path("@odata.type").asText().replace("#microsoft.graph.", "");
        return switch (type) {
            case "phoneAuthenticationMethod" -> "phoneMethods";
            case "microsoftAuthenticatorAuthenticationMethod" -> "microsoftAuthenticatorMethods";
            case "softwareOathAuthenticationMethod" -> "softwareOathMethods";
            case "fido2AuthenticationMethod" -> "fido2Methods";
            case "emailAuthenticationMethod" -> "emailMethods";
            case "windowsHelloForBusinessAuthenticationMethod" -> "windowsHelloForBusinessMethods";
            case "temporaryAccessPassAuthenticationMethod" -> "temporaryAccessPassMethods";
            default -> "";
        };
    }

    private ResponseDefinition accessPass(String user) {
        if (!tenant.accessPassesEnabled) {
            return error(400, "badRequest", "Temporary Access Pass is disabled by the authentication methods policy.");
        }
        JsonNode request = Json.parseOrMissing(body);
        int lifetime = request.path("lifetimeInMinutes").asInt(60);
        if (lifetime < 10 || lifetime > 43_200) {
            return error(400, "badRequest", "lifetimeInMinutes must be between 10 and 43200.");
        }
        List<ObjectNode> methods = tenant.methods.get(user);
        methods.removeIf(x -> collectionOf(x).equals("temporaryAccessPassMethods"));
        String pass = "TAP" + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
        ObjectNode created = Json.object().put("@odata.type", "#microsoft.graph.temporaryAccessPassAuthenticationMethod")
                .put("id", UUID.randomUUID().toString()).put("temporaryAccessPass", pass)
                .put("createdDateTime", Instant.now().toString()).put("startDateTime", Instant.now().toString())
                .put("lifetimeInMinutes", lifetime).put("isUsableOnce", request.path("isUsableOnce").asBoolean(false))
                .put("isUsable", true).put("methodUsabilityReason", "EnabledByPolicy");
        ObjectNode stored = created.deepCopy();
        stored.remove("temporaryAccessPass");
        methods.add(stored);
        return json(201, created);
    }

    private ResponseDefinition assignLicense(ObjectNode user) {
        JsonNode request = Json.parseOrMissing(body);
        if (!request.path("addLicenses").isArray() || !request.path("removeLicenses").isArray()) {
            return error(400, "Request_BadRequest", "addLicenses and removeLicenses are required.");
        }
        if (request.path("addLicenses").size() > 0 && user.path("usageLocation").asText("").isEmpty()) {
            return error(400, "Request_BadRequest", "License assignment failed because the user has an invalid "
                    + "usage location.");
        }
        for (JsonNode add : request.path("addLicenses")) {
            Optional<ObjectNode> sku = tenant.sku(add.path("skuId").asText());
            if (sku.isEmpty()) {
                return error(400, "Request_BadRequest", "License " + add.path("skuId").asText()
                        + " does not correspond to a valid company License.");
            }
            if (sku.get().path("prepaidUnits").path("enabled").asInt() <= sku.get().path("consumedUnits").asInt()) {
                return error(400, "Request_BadRequest", "Subscription " + sku.get().path("skuPartNumber").asText()
                        + " does not have any available licenses.");
            }
        }
        for (JsonNode remove : request.path("removeLicenses")) {
            for (JsonNode state : user.path("licenseAssignmentStates")) {
                if (state.path("skuId").asText().equalsIgnoreCase(remove.asText())
                        && state.hasNonNull("assignedByGroup")) {
                    return error(400, "Request_BadRequest", "User license is inherited from a group membership and "
                            + "it cannot be removed directly from the user.");
                }
            }
        }
        for (JsonNode add : request.path("addLicenses")) {
            tenant.license(user.path("id").asText(), add.path("skuId").asText(), null);
        }
        for (JsonNode remove : request.path("removeLicenses")) {
            String skuId = remove.asText();
            removeWhere((ArrayNode) user.get("assignedLicenses"), l -> l.path("skuId").asText().equalsIgnoreCase(skuId));
            removeWhere((ArrayNode) user.get("licenseAssignmentStates"),
                    l -> l.path("skuId").asText().equalsIgnoreCase(skuId));
            tenant.sku(skuId).ifPresent(s -> s.put("consumedUnits", Math.max(0, s.path("consumedUnits").asInt() - 1)));
        }
        return json(200, FakeTenant.select(user, "id,displayName,userPrincipalName"));
    }

    // --- groups ------------------------------------------------------------------------------------------------

    private ResponseDefinition addMember(String groupId) {
        ObjectNode group = tenant.groups.get(groupId);
        if (group == null) {
            return notFound(groupId);
        }
        Matcher ref = DIRECTORY_OBJECT.matcher(Json.parseOrMissing(body).path("@odata.id").asText(""));
        if (!ref.matches()) {
            return error(400, "Request_BadRequest", "Invalid object identifier in @odata.id.");
        }
        Optional<ObjectNode> user = tenant.find(ref.group(1));
        if (user.isEmpty()) {
            return error(404, "Request_ResourceNotFound", "Resource '" + ref.group(1) + "' does not exist or one of "
                    + "its queried reference-property objects are not present.");
        }
        ResponseDefinition refused = unchangeable(group);
        if (refused != null) {
            return refused;
        }
        if (!tenant.members.get(groupId).add(user.get().path("id").asText())) {
            return error(400, "Request_BadRequest", "One or more added object references already exist for the "
                    + "following modified properties: 'members'.");
        }
        return empty(204);
    }

    private ResponseDefinition removeMember(String groupId, String userId) {
        ObjectNode group = tenant.groups.get(groupId);
        if (group == null) {
            return notFound(groupId);
        }
        ResponseDefinition refused = unchangeable(group);
        if (refused != null) {
            return refused;
        }
        if (!tenant.members.get(groupId).remove(userId)) {
            return notFound(userId);
        }
        return empty(204);
    }

    private static ResponseDefinition unchangeable(ObjectNode group) {
        boolean dynamic = false;
        boolean unified = false;
        for (JsonNode type : group.path("groupTypes")) {
            dynamic |= type.asText().equals("DynamicMembership");
            unified |= type.asText().equals("Unified");
        }
        if (dynamic) {
            return error(400, "Request_BadRequest", "Insufficient privileges to complete the operation. Members of "
                    + "a dynamic group cannot be changed.");
        }
        if (group.path("mailEnabled").asBoolean() && !unified) {
            return error(400, "Request_BadRequest", "Cannot Update a mail-enabled security groups and or "
                    + "distribution list.");
        }
        return null;
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private boolean get() {
        return method.equals("GET");
    }

    /** A 403 unless the app holds one of these application permissions in the tenant. */
    private Optional<ResponseDefinition> need(String... anyOf) {
        return tenant.may(anyOf) ? Optional.empty() : Optional.of(denied());
    }

    /** A 403 unless the app holds the permission and its service principal the role (or Global Administrator). */
    private Optional<ResponseDefinition> needWrite(String permission, String role) {
        if (!tenant.may(permission) || !tenant.roles.contains(role) && !tenant.roles.contains("Global Administrator")) {
            return Optional.of(denied());
        }
        return Optional.empty();
    }

    private static ResponseDefinition denied() {
        return error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }

    private static ResponseDefinition notFound(String ref) {
        return error(404, "Request_ResourceNotFound", "Resource '" + ref + "' does not exist or one of its queried "
                + "reference-property objects are not present.");
    }

    /** A page of a collection: {@code $top} (at most {@code max}), {@code $skiptoken} an offset, an absolute nextLink. */
    private ResponseDefinition page(List<JsonNode> all, int max) {
        int top;
        try {
            top = Integer.parseInt(query.getOrDefault("$top", "100"));
        } catch (NumberFormatException e) {
            return error(400, "Request_BadRequest", "Invalid page size specified: '" + query.get("$top") + "'.");
        }
        if (top < 1 || top > max) {
            return error(400, "Request_BadRequest", "Invalid page size specified: '" + top + "'. Must be between 1 "
                    + "and " + max + " inclusive.");
        }
        int from = Integer.parseInt(query.getOrDefault("$skiptoken", "0"));
        ObjectNode out = Json.object().put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#" + path);
        ArrayNode value = out.putArray("value");
        all.subList(Math.min(from, all.size()), Math.min(from + top, all.size())).forEach(value::add);
        if (from + top < all.size()) {
            String rest = query.entrySet().stream().filter(e -> !e.getKey().equals("$skiptoken"))
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                            .replace("+", "%20")).collect(Collectors.joining("&"));
            out.put("@odata.nextLink", base + "/v1.0/" + path + "?" + rest + (rest.isEmpty() ? "" : "&")
                    + "$skiptoken=" + (from + top));
        }
        return json(200, out);
    }

    private static boolean complex(String password) {
        int classes = (password.matches(".*[A-Z].*") ? 1 : 0) + (password.matches(".*[a-z].*") ? 1 : 0)
                + (password.matches(".*[0-9].*") ? 1 : 0) + (password.matches(".*[^A-Za-z0-9].*") ? 1 : 0);
        return password.length() >= 8 && password.length() <= 256 && classes >= 3;
    }

    private static void removeWhere(ArrayNode array, Predicate<JsonNode> test) {
        for (int i = array.size() - 1; i >= 0; i--) {
            if (test.test(array.get(i))) {
                array.remove(i);
            }
        }
    }
}
