package dev.steward.adapter.docs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.application.problem.NotFound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * IT Glue's JSON:API (THIRD-PARTY-APIS.md §5.2, THIRD-PARTY-APIS-2.md §6): {@code x-api-key}, media type
 * {@code application/vnd.api+json}, {@code {"data":…,"meta":{"next-page":…}}}, kebab-case attributes, string ids,
 * {@code page[number]} + {@code page[size]}, {@code filter[…]}. Documents are read under their organization; other
 * lists are filtered by {@code filter[organization_id]}; every record's {@code organization-id} is checked against
 * the client's organization before it is used.
 */
final class ItGlue implements DocsPlatform {

    private final DocsHttp http;

    ItGlue(DocsHttp http) {
        this.http = http;
    }

    @Override
    public String port() {
        return "itglue";
    }

    @Override
    public String platform() {
        return "IT Glue";
    }

    @Override
    public String companyWord() {
        return "organization";
    }

    @Override
    public void check() {
        http.get("organizations?page%5Bsize%5D=1", "organizations", "");
    }

    @Override
    public Page<Company> companies(String search, int page, int size) {
        JsonNode body = http.get("organizations?sort=name" + paging(page, size)
                + (search.isBlank() ? "" : "&filter%5Bname%5D=" + Json.encode(search)), "organizations", "");
        List<Company> organizations = new ArrayList<>();
        body.path("data").forEach(node -> organizations.add(organization(node)));
        return new Page<>(organizations, more(body));
    }

    @Override
    public Optional<Company> company(String id) {
        if (!Json.isId(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(organization(http.get("organizations/" + id, "organization", id).path("data")));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    private static Company organization(JsonNode node) {
        JsonNode attributes = node.path("attributes");
        String type = Json.text(attributes, "organization-type-name");
        String status = Json.text(attributes, "organization-status-name");
        return new Company(Json.text(node, "id"), Json.text(attributes, "name"),
                String.join(", ", List.of(type, status).stream().filter(s -> !s.isBlank()).toList()));
    }

    @Override
    public Page<Article> articles(String company, String query, int page, int size) {
        return list("organizations/" + company + "/relationships/documents?sort=name" + paging(page, size)
                + filter("name", query), company, ItGlue::document);
    }

    @Override
    public Article article(String company, String id) {
        return one("organizations/" + company + "/relationships/documents/" + id, "document", company, id,
                ItGlue::document);
    }

    private static Article document(JsonNode node) {
        JsonNode attributes = node.path("attributes");
        return new Article(Json.text(node, "id"), Json.text(attributes, "organization-id"),
                Json.text(attributes, "name"), Json.text(attributes, "content"),
                Json.text(attributes, "resource-url"), Json.text(attributes, "updated-at"));
    }

    @Override
    public Page<Item> assets(String company, String query, int page, int size) {
        return list("configurations?filter%5Borganization_id%5D=" + company + paging(page, size)
                + filter("name", query), company, ItGlue::configuration);
    }

    @Override
    public Item asset(String company, String id) {
        return one("configurations/" + id, "configuration", company, id, ItGlue::configuration);
    }

    private static Item configuration(JsonNode node) {
        JsonNode attributes = node.path("attributes");
        return item(node, Json.text(attributes, "configuration-type-name"), List.of("hostname", "primary-ip",
                "mac-address", "serial-number", "asset-tag", "manufacturer-name", "model-name",
                "operating-system-name", "configuration-status-name", "location-name", "contact-name", "notes"));
    }

    @Override
    public Page<Item> contacts(String company, String query, int page, int size) {
        return list("contacts?filter%5Borganization_id%5D=" + company + paging(page, size) + filter("name", query),
                company, ItGlue::contact);
    }

    private static Item contact(JsonNode node) {
        JsonNode attributes = node.path("attributes");
        Item item = item(node, Json.text(attributes, "contact-type-name"), List.of("title", "location-name"));
        Map<String, String> fields = new LinkedHashMap<>(item.fields());
        for (String list : List.of("contact-emails", "contact-phones")) {
            List<String> values = new ArrayList<>();
            attributes.path(list).forEach(entry -> values.add(Json.text(entry, "value")
                    + (entry.path("primary").asBoolean(false) ? " (primary)" : "")));
            if (!values.isEmpty()) {
                fields.put(list.replace("contact-", ""), String.join(", ", values));
            }
        }
        String name = (Json.text(attributes, "first-name") + " " + Json.text(attributes, "last-name")).strip();
        return new Item(item.id(), item.company(), name.isEmpty() ? Json.text(attributes, "name") : name,
                item.type(), fields);
    }

    private static Item item(JsonNode node, String type, List<String> keys) {
        JsonNode attributes = node.path("attributes");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String key : keys) {
            String value = Json.text(attributes, key);
            if (!value.isBlank()) {
                fields.put(key, value);
            }
        }
        return new Item(Json.text(node, "id"), Json.text(attributes, "organization-id"),
                Json.text(attributes, "name"), type, fields);
    }

    @Override
    public Page<Password> passwords(String company, String name, int page, int size) {
        return list("passwords?filter%5Borganization_id%5D=" + company + paging(page, size) + filter("name", name),
                company, node -> password(node, false));
    }

    /** {@code show_password=true} returns the value only when the key has Password Access. */
    @Override
    public Password password(String company, String id) {
        return one("passwords/" + id + "?show_password=true", "password", company, id, node -> password(node, true));
    }

    private static Password password(JsonNode node, boolean withValue) {
        JsonNode attributes = node.path("attributes");
        return new Password(Json.text(node, "id"), Json.text(attributes, "organization-id"),
                Json.text(attributes, "name"), Json.text(attributes, "username"), Json.text(attributes, "url"),
                withValue ? Json.text(attributes, "password") : "");
    }

    private <T> Page<T> list(String path, String company, Function<JsonNode, T> read) {
        JsonNode body = http.get(path, "records", "");
        List<T> kept = new ArrayList<>();
        for (JsonNode node : body.path("data")) {
            if (Json.text(node.path("attributes"), "organization-id").equals(company)) {
                kept.add(read.apply(node));
            }
        }
        return new Page<>(kept, more(body));
    }

    private <T> T one(String path, String what, String company, String id, Function<JsonNode, T> read) {
        if (!Json.isId(id)) {
            throw new NotFound(what, id);
        }
        JsonNode node = http.get(path, what, id).path("data");
        if (!Json.text(node.path("attributes"), "organization-id").equals(company)) {
            throw new NotFound(what, id);
        }
        return read.apply(node);
    }

    private static String paging(int page, int size) {
        return "&page%5Bnumber%5D=" + page + "&page%5Bsize%5D=" + size;
    }

    private static String filter(String key, String value) {
        return value.isBlank() ? "" : "&filter%5B" + key + "%5D=" + Json.encode(value);
    }

    private static boolean more(JsonNode body) {
        JsonNode next = body.path("meta").path("next-page");
        return !next.isMissingNode() && !next.isNull();
    }

    @Override
    public void close() {
        http.close();
    }
}
