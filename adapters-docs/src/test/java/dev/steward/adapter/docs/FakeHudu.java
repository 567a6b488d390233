package dev.steward.adapter.docs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hudu's API v1 in memory (THIRD-PARTY-APIS.md §5.1, THIRD-PARTY-APIS-2.md §6): wrapped JSON, {@code page} (1-based)
 * + {@code page_size} (25 by default) ending on a short page, {@code company_id} / {@code search} / {@code name}
 * filters, one asset read under its company, passwords with their clear-text values, 401 / 404 / 429 bodies
 * {@code {"error":…}}.
 */
public final class FakeHudu extends FakePlatform {

    public static final String NAME = "fake-hudu";
    public static final String API_KEY = "hudu-test-key-0123456789";

    private static final Pattern ONE = Pattern.compile("/api/v1/(companies|articles|asset_passwords)/(\\d+)");
    private static final Pattern COMPANY_ASSET = Pattern.compile("/api/v1/companies/(\\d+)/assets/(\\d+)");

    private final Map<String, List<ObjectNode>> collections = new LinkedHashMap<>();

    public FakeHudu() {
        super(API_KEY, "/hudu");
        clearData();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    synchronized void clearData() {
        for (String name : List.of("companies", "articles", "assets", "asset_layouts", "asset_passwords")) {
            collections.put(name, new ArrayList<>());
        }
    }

    public synchronized long company(String name) {
        return add("companies", object().put("name", name).put("company_type", "Customer").put("city", "Leeds"));
    }

    public synchronized long article(long company, String name, String html) {
        return add("articles", object().put("company_id", company).put("name", name).put("content", html)
                .put("slug", name.toLowerCase().replaceAll("[^a-z0-9]+", "-")).put("draft", false)
                .put("url", "https://hudu.local/kba/" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-"))
                .put("updated_at", "2026-10-02T15:21:00.000Z"));
    }

    /** An asset of the layout called {@code layout}, with label/value fields. */
    public synchronized long asset(long company, String name, String layout, Map<String, String> fields) {
        long layoutId = collections.get("asset_layouts").stream().filter(l -> l.get("name").asText().equals(layout))
                .map(l -> l.get("id").asLong()).findFirst()
                .orElseGet(() -> add("asset_layouts", object().put("name", layout)));
        ObjectNode asset = object().put("company_id", company).put("name", name).put("asset_type", layout)
                .put("asset_layout_id", layoutId).put("primary_serial", "SN-" + name.hashCode());
        ArrayNode list = asset.putArray("fields");
        fields.forEach((label, value) -> list.addObject().put("label", label).put("value", value)
                .put("field_type", label.toLowerCase().contains("password") ? "Password" : "Text"));
        return add("assets", asset);
    }

    public synchronized long password(long company, String name, String username, String value) {
        return add("asset_passwords", object().put("company_id", company).put("name", name).put("username", username)
                .put("password", value).put("otp_secret", "JBSWY3DPEHPK3PXP").put("url", "https://portal.example")
                .put("passwordable_type", "Company"));
    }

    private long add(String collection, ObjectNode record) {
        long id = newId();
        record.put("id", id);
        collections.get(collection).add(record);
        return id;
    }

    @Override
    ResponseDefinition error(int status, String title) {
        return json(status, object().put("error", title), "application/json");
    }

    @Override
    ResponseDefinition route(String path, Map<String, String> query) {
        Matcher companyAsset = COMPANY_ASSET.matcher(path);
        if (companyAsset.matches()) {
            return one("assets", "asset", r -> r.get("id").asText().equals(companyAsset.group(2))
                    && r.get("company_id").asText().equals(companyAsset.group(1)));
        }
        Matcher one = ONE.matcher(path);
        if (one.matches()) {
            String wrapper = one.group(1).equals("companies") ? "company" : one.group(1).replaceAll("s$", "");
            return one(one.group(1), wrapper, r -> r.get("id").asText().equals(one.group(2)));
        }
        String collection = path.startsWith("/api/v1/") ? path.substring("/api/v1/".length()) : "";
        if (!collections.containsKey(collection)) {
            return error(404, "Not found");
        }
        String search = query.getOrDefault("search", query.get("name"));
        List<ObjectNode> matching = collections.get(collection).stream()
                .filter(r -> ignoresCompanyFilter() || !query.containsKey("company_id")
                        || r.path("company_id").asText().equals(query.get("company_id")))
                .filter(r -> !query.containsKey("asset_layout_id")
                        || r.path("asset_layout_id").asText().equals(query.get("asset_layout_id")))
                .filter(r -> contains(r.path("name").asText() + " " + r.path("content").asText(), search))
                .toList();
        ObjectNode body = object();
        ArrayNode items = body.putArray(collection);
        page(matching, number(query, "page", 1), number(query, "page_size", 25)).forEach(items::add);
        return json(200, body, "application/json");
    }

    private ResponseDefinition one(String collection, String wrapper, Predicate<ObjectNode> which) {
        return collections.get(collection).stream().filter(which).findFirst()
                .map(r -> json(200, object().set(wrapper, r), "application/json"))
                .orElseGet(() -> error(404, "Record not found"));
    }
}
