package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The partner's customer tenants, read from its GDAP relationships
 * ({@code GET /tenantRelationships/delegatedAdminRelationships}, 300 a page, following {@code @odata.nextLink}).
 * A customer appears once however many relationships it has; only active relationships count (a pending, expired
 * or terminated one gives no access). The list is kept for a minute, so a technician paging and searching the
 * picker does not re-read every page each time.
 */
final class CustomerTenants {

    /**
     * One customer tenant: its id, the name the partner sees, and when its active relationship ends (the latest
     * one's, empty when none says).
     */
    record Customer(String tenantId, String displayName, Optional<String> activeUntil) {}

    private static final Duration FRESH_FOR = Duration.ofMinutes(1);
    private static final int MAX_RELATIONSHIPS = 20_000;

    private final TenantGraph partner;
    private final Clock clock;
    private List<Customer> cached;
    private Instant readAt = Instant.MIN;

    CustomerTenants(TenantGraph partner, Clock clock) {
        this.partner = partner;
        this.clock = clock;
    }

    /** Every active customer, sorted by name then id. */
    synchronized List<Customer> all() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(readAt.plus(FRESH_FOR))) {
            cached = read();
            readAt = now;
        }
        return cached;
    }

    /** The active customer with this tenant id, from the list kept for a minute (for each tool call). */
    Optional<Customer> active(String tenantId) {
        return all().stream().filter(c -> c.tenantId().equalsIgnoreCase(tenantId)).findFirst();
    }

    /** The active customer with this tenant id, read afresh (a mapping must not rest on a minute-old list). */
    Optional<Customer> find(String tenantId) {
        synchronized (this) {
            cached = null;
        }
        return all().stream().filter(c -> c.tenantId().equalsIgnoreCase(tenantId)).findFirst();
    }

    private List<Customer> read() {
        Map<String, Customer> byTenant = new LinkedHashMap<>();
        for (JsonNode relationship : partner.all("tenantRelationships/delegatedAdminRelationships?$top=300",
                Grant.LIST_CUSTOMERS, MAX_RELATIONSHIPS)) {
            if (!"active".equals(Json.textOr(relationship, "", "status"))) {
                continue;
            }
            Optional<String> tenant = Json.text(relationship, "customer", "tenantId");
            if (tenant.isEmpty() || !M365Settings.GUID.matcher(tenant.get()).matches()) {
                continue;
            }
            String name = Json.text(relationship, "customer", "displayName").filter(n -> !n.isBlank())
                    .orElse(tenant.get());
            String id = tenant.get().toLowerCase(Locale.ROOT);
            Optional<String> until = Json.text(relationship, "endDateTime").filter(t -> !t.isBlank());
            Customer before = byTenant.get(id);
            if (before == null || until.isPresent() && (before.activeUntil().isEmpty()
                    || until.get().compareTo(before.activeUntil().get()) > 0)) {
                byTenant.put(id, new Customer(id, before == null ? name : before.displayName(),
                        until.or(() -> before == null ? Optional.empty() : before.activeUntil())));
            }
        }
        List<Customer> customers = new ArrayList<>(byTenant.values());
        customers.sort(Comparator.comparing((Customer c) -> c.displayName().toLowerCase(Locale.ROOT))
                .thenComparing(Customer::tenantId));
        return List.copyOf(customers);
    }
}
