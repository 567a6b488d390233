package dev.steward.adapter.m365;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.problem.PortFailure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerTenantsTest extends CloudSupport {

    private static final String MARK = "GDAP Listing ";

    private CustomerTenants customers() {
        return new CustomerTenants(new TenantGraph(graph(), FakeMicrosoftCloud.PARTNER_TENANT, "the partner tenant"),
                clock);
    }

    @Test
    void readsEveryPageOfRelationshipsAndKeepsEachActiveCustomerOnce() {
        FakeTenant first = null;
        for (int i = 0; i < 320; i++) {
            FakeTenant customer = CLOUD.addCustomer(MARK + String.format("%03d", i));
            first = first == null ? customer : first;
        }
        CLOUD.addRelationship(first.id(), first.name(), "active");            // a second relationship, same customer
        CLOUD.addRelationship("5d027261-d21f-4aa9-b7db-7fa1f56fb163", MARK + "Ended", "terminated");
        CLOUD.addRelationship("4b827261-d21f-4aa9-b7db-7fa1f56fb163", MARK + "Pending", "approvalPending");
        CLOUD.forgetRequests();

        List<CustomerTenants.Customer> listed = customers().all().stream().filter(c -> c.displayName().startsWith(MARK)).toList();

        assertThat(listed).hasSize(320);
        assertThat(listed.getFirst().tenantId()).isEqualTo(first.id());
        assertThat(listed.getFirst().displayName()).isEqualTo(MARK + "000");
        assertThat(listed).extracting(CustomerTenants.Customer::displayName).isSorted()
                .doesNotContain(MARK + "Ended", MARK + "Pending");
        assertThat(CLOUD.graphRequests(FakeMicrosoftCloud.PARTNER_TENANT)).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(r -> assertThat(r.path()).isEqualTo("/v1.0/tenantRelationships/delegatedAdminRelationships"));
    }

    @Test
    void keepsTheListForAMinute() {
        FakeTenant tenant = CLOUD.addCustomer("Searchable Widgets");
        CustomerTenants customers = customers();

        assertThat(customers.all().stream().filter(c -> c.displayName().contains("Widgets")).toList()).extracting(CustomerTenants.Customer::tenantId)
                .containsExactly(tenant.id());
        int reads = CLOUD.graphRequests(FakeMicrosoftCloud.PARTNER_TENANT).size();
        customers.all().stream().filter(c -> c.displayName().contains("Widgets")).toList();
        assertThat(CLOUD.graphRequests(FakeMicrosoftCloud.PARTNER_TENANT)).hasSize(reads);
        clock.advance(Duration.ofMinutes(1));
        customers.all().stream().filter(c -> c.displayName().contains("Widgets")).toList();
        assertThat(CLOUD.graphRequests(FakeMicrosoftCloud.PARTNER_TENANT).size()).isGreaterThan(reads);
    }

    @Test
    void findReadsAfreshSoANewRelationshipCountsAtOnce() {
        CustomerTenants customers = customers();
        customers.all();
        FakeTenant late = CLOUD.addCustomer("Arrived Late");
        assertThat(customers.find(late.id())).map(CustomerTenants.Customer::displayName).contains("Arrived Late");
        assertThat(customers.find("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    @Test
    void withoutThePermissionTheErrorNamesIt() {
        CLOUD.partner().withoutPermission("DelegatedAdminRelationship.Read.All");
        try {
            assertThatThrownBy(() -> customers().all()).isInstanceOfSatisfying(PortFailure.class, e -> assertThat(
                    e.getMessage()).contains("list the partner's customer tenants", "DelegatedAdminRelationship.Read.All"));
        } finally {
            CLOUD.partner().permissions.add("DelegatedAdminRelationship.Read.All");
        }
    }
}
