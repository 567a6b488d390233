package dev.steward.adapter.m365;

/**
 * What Steward's app needs in a customer tenant for one kind of Graph call: the application permission(s) to consent
 * and the Entra role its service principal must hold there (app-only writes to users need a role on top of the
 * permission, THIRD-PARTY-APIS.md §4.1). A 403 names both, so the MSP knows what to grant.
 */
record Grant(String doing, String permissions, String role) {

    static final Grant READ_USERS = new Grant("read users", "User.Read.All", "");
    static final Grant WRITE_USERS = new Grant("change users", "User.ReadWrite.All", "");
    static final Grant RESET_PASSWORD = new Grant("reset a password", "User.ReadWrite.All",
            "User Administrator (Privileged Authentication Administrator for an administrator's password)");
    static final Grant REVOKE_SESSIONS = new Grant("revoke sign-in sessions",
            "User.ReadWrite.All (or User.RevokeSessions.All)", "");
    static final Grant READ_METHODS = new Grant("read authentication methods",
            "UserAuthenticationMethod.Read.All", "");
    static final Grant WRITE_METHODS = new Grant("change authentication methods",
            "UserAuthenticationMethod.ReadWrite.All", "Authentication Administrator");
    static final Grant READ_SIGN_INS = new Grant("read sign-in logs",
            "AuditLog.Read.All and Directory.Read.All (the tenant needs Entra ID P1 or P2)", "");
    static final Grant READ_GROUPS = new Grant("read groups", "GroupMember.Read.All", "");
    static final Grant WRITE_GROUPS = new Grant("change group members", "GroupMember.ReadWrite.All", "");
    static final Grant READ_LICENCES = new Grant("read subscribed licences", "Organization.Read.All", "");
    static final Grant WRITE_LICENCES = new Grant("assign licences", "LicenseAssignment.ReadWrite.All", "");
    static final Grant CREATE_USERS = new Grant("create users", "User.ReadWrite.All", "");
    static final Grant LIST_CUSTOMERS = new Grant("list the partner's customer tenants (GDAP relationships)",
            "DelegatedAdminRelationship.Read.All", "");

    /** The sentence a 403 ends with. */
    String advice(String tenantLabel) {
        return "grant Steward's app the application permission " + permissions + " (admin consent in "
                + tenantLabel + ")" + (role.isEmpty() ? "" : " and give its service principal the " + role
                + " role there");
    }
}
