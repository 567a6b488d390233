package dev.steward.adapter.psa.autotask;

import dev.steward.adapter.psa.common.HttpSettings;
import dev.steward.adapter.psa.common.Secret;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How to reach one MSP's Autotask: where to discover the API user's zone
 * ({@code https://webservices.autotask.net/atservicesrest/}), the API user (its e-mail), the integration's tracking
 * identifier and the secret, the page size (at most 500), the share of the database's hourly request budget Steward
 * may use (at most 10,000, by default half: Autotask slows every caller beyond that), and the picklist
 * <em>labels</em> to use, and whether the MSP's Autotask e-mails the contact when a note is published to them (a
 * notification rule of its own: the REST API sends none), and the company types whose companies clients are imported
 * from (by label, e.g. Customer). Values differ per
 * tenant, so the adapter looks labels up in {@code entityInformation/fields} and never hard-codes values
 * (THIRD-PARTY-APIS.md §3.4, the incident where "1" published notes to everyone).
 */
public record AutotaskSettings(URI zoneLookupBase, String userName, String integrationCode, Secret secret,
                               int pageSize, String internalPublishLabel, String publicPublishLabel,
                               String noteTypeLabel, String closedStatusLabel, String noteTitle, int hourlyRequestLimit,
                               boolean repliesNotifyContact, List<String> companyTypes, HttpSettings http) {

    public static final URI ZONE_LOOKUP = URI.create("https://webservices.autotask.net/atservicesrest/");
    /** Requests per rolling hour one Autotask database allows all its integrations together. */
    public static final int DATABASE_HOURLY_LIMIT = 10_000;
    /** Steward's share unless configured: half, where Autotask starts slowing every caller down. */
    public static final int DEFAULT_HOURLY_LIMIT = DATABASE_HOURLY_LIMIT / 2;

    public AutotaskSettings {
        Objects.requireNonNull(zoneLookupBase, "autotask zoneLookupBase is required");
        if (!zoneLookupBase.toString().endsWith("/")) {
            zoneLookupBase = URI.create(zoneLookupBase + "/");
        }
        requireText(userName, "userName");
        requireText(integrationCode, "integrationCode");
        Objects.requireNonNull(secret, "autotask secret is required");
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("autotask pageSize must be 1-500");
        }
        requireText(internalPublishLabel, "internalPublishLabel");
        requireText(publicPublishLabel, "publicPublishLabel");
        requireText(noteTypeLabel, "noteTypeLabel");
        requireText(closedStatusLabel, "closedStatusLabel");
        requireText(noteTitle, "noteTitle");
        companyTypes = List.copyOf(companyTypes);
        if (companyTypes.isEmpty() || companyTypes.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("autotask companyTypes must name at least one company type");
        }
        if (hourlyRequestLimit < 1 || hourlyRequestLimit > DATABASE_HOURLY_LIMIT) {
            throw new IllegalArgumentException("autotask hourlyRequestLimit must be 1-" + DATABASE_HOURLY_LIMIT);
        }
        Objects.requireNonNull(http, "http");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("autotask " + field + " is required");
        }
    }

    /** The usual labels: internal notes "Internal Only", replies "All Autotask Users", type "Task Notes". */
    public static AutotaskSettings of(String userName, String integrationCode, Secret secret) {
        return new AutotaskSettings(ZONE_LOOKUP, userName, integrationCode, secret, 500, "Internal Only",
                "All Autotask Users", "Task Notes", "Complete", "Steward", DEFAULT_HOURLY_LIMIT, false, List.of("Customer"), HttpSettings.DEFAULT);
    }
}
