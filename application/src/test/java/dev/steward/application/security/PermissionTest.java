package dev.steward.application.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.problem.Forbidden;
import dev.steward.domain.approval.UserRole;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The role matrix as issue 13 wrote it, copied out literally (not computed from {@link Permission}), checked cell by
 * cell: admin — users, API tokens, integrations, MSP settings and default mode, MSP-wide workflows, deleting clients;
 * technician — clients, modes, client prompts and workflows, approvals, retry; viewer — read only.
 */
class PermissionTest {

    /** permission → may an admin, a technician, a viewer? */
    private static final Map<Permission, boolean[]> MATRIX = Map.ofEntries(
            Map.entry(Permission.READ, new boolean[] {true, true, true}),
            Map.entry(Permission.MANAGE_OWN_ACCOUNT, new boolean[] {true, true, true}),
            Map.entry(Permission.CHANGE_CLIENTS, new boolean[] {true, true, false}),
            Map.entry(Permission.CHANGE_CLIENT_WORKFLOWS, new boolean[] {true, true, false}),
            Map.entry(Permission.DECIDE_APPROVALS, new boolean[] {true, true, false}),
            Map.entry(Permission.RETRY_PROVISIONING, new boolean[] {true, true, false}),
            Map.entry(Permission.DELETE_CLIENTS, new boolean[] {true, false, false}),
            Map.entry(Permission.MANAGE_USERS, new boolean[] {true, false, false}),
            Map.entry(Permission.MANAGE_API_TOKENS, new boolean[] {true, false, false}),
            Map.entry(Permission.MANAGE_INTEGRATIONS, new boolean[] {true, false, false}),
            Map.entry(Permission.CHANGE_MSP_SETTINGS, new boolean[] {true, false, false}),
            Map.entry(Permission.CHANGE_MSP_WORKFLOWS, new boolean[] {true, false, false}));

    private static final UserRole[] ROLES = {UserRole.MSP_ADMIN, UserRole.MSP_TECHNICIAN, UserRole.MSP_VIEWER};

    @Test
    void everyPermissionIsInTheWrittenMatrix() {
        assertThat(MATRIX.keySet()).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void eachRoleHoldsExactlyItsCells() {
        MATRIX.forEach((permission, allowed) -> {
            for (int i = 0; i < ROLES.length; i++) {
                assertThat(permission.heldBy(ROLES[i])).as(permission + " for " + ROLES[i]).isEqualTo(allowed[i]);
            }
        });
    }

    @Test
    void aRefusalNamesTheRoleNeeded() {
        Permission.READ.require(UserRole.MSP_VIEWER);
        assertThatThrownBy(() -> Permission.MANAGE_USERS.require(UserRole.MSP_TECHNICIAN))
                .isInstanceOf(Forbidden.class)
                .hasMessage("the technician role may not manage users (that needs the admin role); ask an admin of "
                        + "the MSP");
    }
}
