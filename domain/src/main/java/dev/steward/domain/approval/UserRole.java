package dev.steward.domain.approval;

import dev.steward.domain.problem.InvalidValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A user's role in the MSP. Only admins and technicians decide approvals. */
public enum UserRole {
    MSP_ADMIN("admin"),
    MSP_TECHNICIAN("technician"),
    MSP_VIEWER("viewer");

    private final String label;

    UserRole(String label) {
        this.label = label;
    }

    public boolean mayDecideApprovals() {
        return this == MSP_ADMIN || this == MSP_TECHNICIAN;
    }

    /** How the role is written in the API and the store: {@code admin}, {@code technician}, {@code viewer}. */
    public String label() {
        return label;
    }

    /** @throws InvalidValue ({@code role}) naming the allowed values */
    public static UserRole parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.label.equals(wanted)).findFirst()
                .orElseThrow(() -> InvalidValue.of("role", "unknown", "must be one of "
                        + Arrays.stream(values()).map(UserRole::label).collect(Collectors.joining(", "))));
    }
}
