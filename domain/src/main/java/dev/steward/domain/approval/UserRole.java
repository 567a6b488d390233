package dev.steward.domain.approval;

/** A user's role in the MSP. Only admins and technicians decide approvals. */
public enum UserRole {
    MSP_ADMIN,
    MSP_TECHNICIAN,
    MSP_VIEWER;

    public boolean mayDecideApprovals() {
        return this == MSP_ADMIN || this == MSP_TECHNICIAN;
    }
}
