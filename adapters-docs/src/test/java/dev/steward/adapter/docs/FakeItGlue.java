package dev.steward.adapter.docs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IT Glue's JSON:API in memory (THIRD-PARTY-APIS.md §5.2, THIRD-PARTY-APIS-2.md §6): {@code application/vnd.api+json},
 * {@code {"data":…,"meta":{"current-page","next-page","prev-page","total-pages","total-count"},"links":{}}},
 * string ids, kebab-case attributes, {@code page[number]} / {@code page[size]} (at most 1000, else 422),
 * {@code filter[name]} (matched as a part, ignoring case) and {@code filter[organization_id]}, documents under
 * {@code /organizations/{id}/relationships/documents}, passwords without their value unless
 * {@code show_password=true} and the key has Password Access, errors as {@code {"errors":[{status,title,detail}]}}.
 */
public final class FakeItGlue extends FakePlatform {

    public static final String NAME = "fake-itglue";
    public static final String API_KEY = "ITG.test-key-0123456789abcdef";
    private static final String TYPE = "application/vnd.api+json";

    private static final Pattern ORG_DOCS = Pattern.compile("/organizations/(\\d+)/relationships/documents(?:/(\\d+))?");
    private static final Pattern ONE = Pattern.compile("/(organizations|configurations|contacts|passwords)/(\\d+)");
    private static final Pattern LIST = Pattern.compile("/(organizations|configurations|contacts|passwords)");

    private final Map<String, List<ObjectNode>> collections = new LinkedHashMap<>();
    private boolean passwordAccess = true;

    public FakeItGlue() {
        super(API_KEY, "/itglue");
        clearData();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    synchronized void clearData() {
        for (String name : List.of("organizations", "documents", "configurations", "contacts", "passwords")) {
            collections.put(name, new ArrayList<>());
        }
        passwordAccess = true;
    }

    public synchronized void withoutPasswordAccess() {
        passwordAccess = false;
    }

    public synchronized long organization(String name) {
        return add("organizations", attributes -> attributes.put("name", name)
                .put("organization-type-name", "Customer").put("organization-status-name", "Active"));
    }

    public synchronized long document(long organization, String name, String html) {
        return add("documents", a -> a.put("organization-id", organization).put("name", name).put("content", html)
                .put("resource-url", "https://itglue.local/" + organization + "/docs/" + name.hashCode())
                .put("updated-at", "2026-09-01T08:00:00.000Z"));
    }

    public synchronized long configuration(long organization, String name, String type, String ip) {
        return add("configurations", a -> a.put("organization-id", organization).put("name", name)
                .put("configuration-type-name", type).put("hostname", name.toLowerCase()).put("primary-ip", ip)
                .put("serial-number", "SN" + Math.abs(name.hashCode())));
    }

    public synchronized long contact(long organization, String first, String last, String email) {
        return add("contacts", a -> {
            a.put("organization-id", organization).put("name", first + " " + last).put("first-name", first)
                    .put("last-name", last).put("title", "Office manager").put("contact-type-name", "Employee");
            a.putArray("contact-emails").addObject().put("value", email).put("primary", true);
        });
    }

    public synchronized long password(long organization, String name, String username, String value) {
        return add("passwords", a -> a.put("organization-id", organization).put("name", name)
                .put("username", username).put("url", "https://portal.example").put("secret-value", value));
    }

    private long add(String collection, java.util.function.Consumer<ObjectNode> attributes) {
        long id = newId();
        ObjectNode record = object().put("id", Long.toString(id)).put("type", collection);
        ObjectNode attrs = record.putObject("attributes");
        attributes.accept(attrs);
        attrs.put("created-at", "2024-02-01T12:00:00.000Z");
        collections.get(collection).add(record);
        return id;
    }

    @Override
    ResponseDefinition error(int status, String title) {
        ObjectNode body = object();
        body.putArray("errors").addObject().put("status", Integer.toString(status)).put("title", title)
                .put("detail", title);
        return json(status, body, TYPE);
    }

    @Override
    ResponseDefinition route(String path, Map<String, String> query) {
        int size = number(query, "page[size]", 50);
        if (size < 1 || size > 1000) {
            return error(422, "page[size] must be between 1 and 1000");
        }
        Matcher docs = ORG_DOCS.matcher(path);
        if (docs.matches()) {
            String organization = docs.group(1);
            if (docs.group(2) != null) {
                return one("documents", docs.group(2), organization, false);
            }
            Map<String, String> scoped = new LinkedHashMap<>(query);
            scoped.put("filter[organization_id]", organization);
            return list("documents", scoped, size);
        }
        Matcher one = ONE.matcher(path);
        if (one.matches()) {
            return one(one.group(1), one.group(2), null, "true".equals(query.get("show_password")));
        }
        Matcher list = LIST.matcher(path);
        if (list.matches()) {
            return list(list.group(1), query, size);
        }
        return error(404, "Not Found");
    }

    private ResponseDefinition list(String collection, Map<String, String> query, int size) {
        String organization = query.get("filter[organization_id]");
        List<ObjectNode> matching = collections.get(collection).stream()
                .filter(r -> ignoresCompanyFilter() || organization == null
                        || r.path("attributes").path("organization-id").asText().equals(organization))
                .filter(r -> contains(r.path("attributes").path("name").asText(), query.get("filter[name]")))
                .map(r -> shown(r, false)).toList();
        int number = number(query, "page[number]", 1);
        int pages = Math.max(1, (matching.size() + size - 1) / size);
        ObjectNode body = object();
        ArrayNode data = body.putArray("data");
        page(matching, number, size).forEach(data::add);
        body.putObject("meta").put("current-page", number)
                .put("next-page", number < pages ? Integer.valueOf(number + 1) : null)
                .put("prev-page", number > 1 ? Integer.valueOf(number - 1) : null)
                .put("total-pages", pages).put("total-count", matching.size());
        body.putObject("links");
        return json(200, body, TYPE);
    }

    private ResponseDefinition one(String collection, String id, String organization, boolean showPassword) {
        return collections.get(collection).stream().filter(r -> r.get("id").asText().equals(id))
                .filter(r -> organization == null
                        || r.path("attributes").path("organization-id").asText().equals(organization))
                .findFirst().map(r -> {
                    ObjectNode body = object();
                    body.set("data", shown(r, showPassword));
                    return json(200, body, TYPE);
                }).orElseGet(() -> error(404, "Record not found"));
    }

    /** A password's value is stored aside and shown only when asked for by a key with Password Access. */
    private ObjectNode shown(ObjectNode record, boolean showPassword) {
        ObjectNode copy = record.deepCopy();
        ObjectNode attributes = (ObjectNode) copy.get("attributes");
        if (attributes.has("secret-value")) {
            String value = attributes.remove("secret-value").asText();
            if (showPassword && passwordAccess) {
                attributes.put("password", value);
            }
        }
        return copy;
    }
}
