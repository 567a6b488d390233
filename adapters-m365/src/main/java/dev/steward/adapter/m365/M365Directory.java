package dev.steward.adapter.m365;

import dev.steward.application.spi.Directory;
import java.util.Optional;

/**
 * The partner's customer tenants as the entries a client is mapped to: id = tenant id, label = the customer's name,
 * detail = until when the GDAP relationship runs. Pages and searches the list {@link CustomerTenants} keeps for a
 * minute (cursors are positions in it, as {@link Directory#of}'s are); {@link #get} reads the relationships
 * afresh, since a mapping must not rest on a minute-old list.
 */
final class M365Directory implements Directory {

    private final CustomerTenants customers;

    M365Directory(CustomerTenants customers) {
        this.customers = customers;
    }

    @Override
    public Page list(String search, Optional<String> cursor, int limit) {
        return Directory.of(customers.all().stream().map(M365Directory::entry).toList())
                .list(search, cursor, limit);
    }

    @Override
    public Optional<Entry> get(String id) {
        if (id == null || !M365Settings.GUID.matcher(id).matches()) {
            return Optional.empty();
        }
        return customers.find(id).map(M365Directory::entry);
    }

    static Entry entry(CustomerTenants.Customer customer) {
        return new Entry(customer.tenantId(), customer.displayName(),
                customer.activeUntil().map(t -> "GDAP active until " + t.substring(0, Math.min(10, t.length())))
                        .orElse("GDAP active"));
    }
}
