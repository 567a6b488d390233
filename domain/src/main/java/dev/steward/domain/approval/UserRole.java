package dev.steward.domain.approval;

import dev.steward.domain.problem.InvalidValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A user's role in the MSP, highest first: an admin may do everything a technician may, a technician everything a
 * viewer may. What each role may do is written in one place, the application's {@code Permission} matrix.
 */
public enum UserRole {
    MSP_ADMIN("admin"),
    MSP_TECHNICIAN("technician"),
    MSP_VIEWER("viewer");

    private final String label;

    UserRole(String label) {
        this.label = label;
    }

    public boolean mayDecideApprovals() {
        return atLeast(MSP_TECHNICIAN);
    }

    /** Whether this role is {@code other} or higher. */
    public boolean atLeast(UserRole other) {
        return ordinal() <= other.ordinal();
    }

    /** The lower of the two roles (an API token acts with at most its issuer's role). */
    public UserRole atMost(UserRole ceiling) {
        return atLeast(ceiling) ? ceiling : this;
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
