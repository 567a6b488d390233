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
 * Hudu's REST API v1 (THIRD-PARTY-APIS.md §5.1, THIRD-PARTY-APIS-2.md §6): {@code x-api-key}, wrapped JSON
 * ({@code {"articles":[…]}}, {@code {"article":{…}}}), {@code page} (1-based) + {@code page_size}, the last page
 * being a short one. Lists are asked with {@code company_id} and any record naming another company is dropped;
 * single records are checked the same way. Contacts are the company's assets of the layout named in
 * {@code contactsLayout} (Hudu has no contacts endpoint; MSPs keep people as assets).
 */
final class Hudu implements DocsPlatform {

    private final DocsHttp http;
    private final String contactsLayout;

    Hudu(DocsHttp http, String contactsLayout) {
        this.http = http;
        this.contactsLayout = contactsLayout;
    }

    @Override
    public String port() {
        return "hudu";
    }

    @Override
    public String platform() {
        return "Hudu";
    }

    @Override
    public String companyWord() {
        return "company";
    }

    @Override
    public void check() {
        http.get("api/v1/companies?page=1&page_size=1", "companies", "");
    }

    @Override
    public Page<Company> companies(String search, int page, int size) {
        JsonNode body = http.get("api/v1/companies?page=" + page + "&page_size=" + size
                + (search.isBlank() ? "" : "&search=" + Json.encode(search)), "companies", "");
        List<Company> companies = new ArrayList<>();
        body.path("companies").forEach(node -> companies.add(company(node)));
        return new Page<>(companies, companies.size() >= size);
    }

    @Override
    public Optional<Company> company(String id) {
        if (!Json.isId(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(company(http.get("api/v1/companies/" + id, "company", id).path("company")));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    private static Company company(JsonNode node) {
        String city = Json.text(node, "city");
        String type = Json.text(node, "company_type");
        return new Company(Json.text(node, "id"), Json.text(node, "name"),
                String.join(", ", List.of(type, city).stream().filter(s -> !s.isBlank()).toList()));
    }

    @Override
    public Page<Article> articles(String company, String query, int page, int size) {
        return list("api/v1/articles?company_id=" + company + "&page=" + page + "&page_size=" + size
                + (query.isBlank() ? "" : "&search=" + Json.encode(query)), "articles", company, size, Hudu::article);
    }

    @Override
    public Article article(String company, String id) {
        return one("api/v1/articles/" + id, "article", company, id, Hudu::article);
    }

    private static Article article(JsonNode node) {
        return new Article(Json.text(node, "id"), Json.text(node, "company_id"), Json.text(node, "name"),
                Json.text(node, "content"), Json.text(node, "url"), Json.text(node, "updated_at"));
    }

    @Override
    public Page<Item> assets(String company, String query, int page, int size) {
        return list("api/v1/assets?company_id=" + company + "&page=" + page + "&page_size=" + size
                + (query.isBlank() ? "" : "&search=" + Json.encode(query)), "assets", company, size, Hudu::asset);
    }

    /** Hudu reads one asset under its company, so the path itself keeps to the client's company. */
    @Override
    public Item asset(String company, String id) {
        return one("api/v1/companies/" + company + "/assets/" + id, "asset", company, id, Hudu::asset);
    }

    @Override
    public Page<Item> contacts(String company, String query, int page, int size) {
        JsonNode layouts = http.get("api/v1/asset_layouts?name=" + Json.encode(contactsLayout), "asset layout",
                contactsLayout);
        String layout = "";
        for (JsonNode node : layouts.path("asset_layouts")) {
            if (Json.text(node, "name").equalsIgnoreCase(contactsLayout)) {
                layout = Json.text(node, "id");
            }
        }
        if (layout.isEmpty()) {
            return new Page<>(List.of(), false);
        }
        return list("api/v1/assets?company_id=" + company + "&asset_layout_id=" + layout + "&page=" + page
                + "&page_size=" + size + (query.isBlank() ? "" : "&search=" + Json.encode(query)), "assets", company,
                size, Hudu::asset);
    }

    private static Item asset(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : List.of("primary_serial", "primary_model", "primary_manufacturer", "primary_mail")) {
            String value = Json.text(node, field);
            if (!value.isBlank()) {
                fields.put(field.replace("primary_", ""), value);
            }
        }
        for (JsonNode field : node.path("fields")) {
            String label = Json.text(field, "label");
            String value = Json.text(field, "value");
            // a layout's password-type field is left out like the password store itself
            if (!label.isBlank() && !value.isBlank() && !Json.text(field, "field_type").equalsIgnoreCase("Password")) {
                fields.putIfAbsent(label, value);
            }
        }
        return new Item(Json.text(node, "id"), Json.text(node, "company_id"), Json.text(node, "name"),
                Json.text(node, "asset_type"), fields);
    }

    @Override
    public Page<Password> passwords(String company, String name, int page, int size) {
        return list("api/v1/asset_passwords?company_id=" + company + "&page=" + page + "&page_size=" + size
                + (name.isBlank() ? "" : "&search=" + Json.encode(name)), "asset_passwords", company, size,
                node -> password(node, false));
    }

    @Override
    public Password password(String company, String id) {
        return one("api/v1/asset_passwords/" + id, "asset_password", company, id, node -> password(node, true));
    }

    private static Password password(JsonNode node, boolean withValue) {
        return new Password(Json.text(node, "id"), Json.text(node, "company_id"), Json.text(node, "name"),
                Json.text(node, "username"), Json.text(node, "url"), withValue ? Json.text(node, "password") : "");
    }

    private <T> Page<T> list(String path, String wrapper, String company, int size, Function<JsonNode, T> read) {
        JsonNode items = http.get(path, wrapper, "").path(wrapper);
        List<T> kept = new ArrayList<>();
        for (JsonNode node : items) {
            if (Json.text(node, "company_id").equals(company)) {
                kept.add(read.apply(node));
            }
        }
        return new Page<>(kept, items.size() >= size);
    }

    private <T> T one(String path, String wrapper, String company, String id, Function<JsonNode, T> read) {
        String what = wrapper.replace('_', ' ');
        if (!Json.isId(id)) {
            throw new NotFound(what, id);
        }
        JsonNode node = http.get(path, what, id).path(wrapper);
        if (!Json.text(node, "company_id").equals(company)) {
            throw new NotFound(what, id);
        }
        return read.apply(node);
    }

    @Override
    public void close() {
        http.close();
    }
}
