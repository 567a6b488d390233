package dev.steward.adapter.docs;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the tools need from a documentation platform, every read inside one company (Hudu) / organization (IT Glue).
 * An implementation asks the platform for that company's records only AND drops or refuses any record the platform
 * answers with that names another company, so a call can never return another client's documents whatever ids it
 * is given: a record of another company is {@link dev.steward.application.problem.NotFound}, exactly as one that
 * does not exist (its existence is not revealed either).
 */
interface DocsPlatform extends AutoCloseable {

    /** A company as the platform lists it. */
    record Company(String id, String name, String detail) {
        public Company {
            Objects.requireNonNull(id, "id");
            name = name == null ? "" : name;
            detail = detail == null ? "" : detail;
        }
    }

    /** An article / document; {@code html} is the platform's content as it sent it. */
    record Article(String id, String company, String title, String html, String url, String updated) {
    }

    /** An asset, configuration or contact: its type and its fields in the platform's order. */
    record Item(String id, String company, String name, String type, Map<String, String> fields) {
        public Item {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }

    /** A stored password; {@code value} is empty unless it was read for a reveal. */
    record Password(String id, String company, String name, String username, String url, String value) {
        /** Never prints the value. */
        @Override
        public String toString() {
            return "Password[" + id + " " + name + "]";
        }
    }

    /** One page and whether the platform has more after it. */
    record Page<T>(List<T> items, boolean more) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** {@code hudu} or {@code itglue}: the port name failures carry. */
    String port();

    /** {@code Hudu} or {@code IT Glue}. */
    String platform();

    /** {@code company} or {@code organization}. */
    String companyWord();

    /** Checks the URL and API key with one cheap read. */
    void check();

    Page<Company> companies(String search, int page, int size);

    Optional<Company> company(String id);

    Page<Article> articles(String company, String query, int page, int size);

    Article article(String company, String id);

    Page<Item> assets(String company, String query, int page, int size);

    Item asset(String company, String id);

    Page<Item> contacts(String company, String query, int page, int size);

    /** Names, usernames and URLs only: no value is asked for. */
    Page<Password> passwords(String company, String name, int page, int size);

    /** One password with its value, for a reveal to the approving technician. */
    Password password(String company, String id);

    @Override
    void close();
}
