package dev.steward.application.problem;

import java.util.Optional;

/**
 * The request clashes with the current state: a slug already taken, or a change based on a stale version.
 * {@code field} names the input at fault when there is one (e.g. {@code slug}).
 */
public final class Conflict extends ApplicationException {

    private final String code;
    private final Optional<String> field;

    private Conflict(String code, Optional<String> field, String message) {
        super(message, null);
        this.code = code;
        this.field = field;
    }

    public static Conflict slugTaken(String slug) {
        return new Conflict("slug.taken", Optional.of("slug"),
                "slug '" + slug + "' is already used by a client of this MSP (destroyed clients keep theirs)");
    }

    public static Conflict staleVersion(String what, long expected, long actual) {
        return new Conflict("version.stale", Optional.empty(), what + " was changed by someone else (you had version "
                + expected + ", it is now " + actual + "); reload and try again");
    }

    public static Conflict emailTaken(String email) {
        return new Conflict("email.taken", Optional.of("email"), "email '" + email + "' already belongs to a user");
    }

    /** A change that would leave an MSP without an active admin (nobody could manage its users any more). */
    public static Conflict lastAdmin() {
        return new Conflict("user.last-admin", Optional.empty(), "this is the MSP's last active admin: make another "
                + "user an admin first");
    }

    /** A workflow's scope has one of that name already (names are compared ignoring case). */
    public static Conflict workflowNameTaken(String name) {
        return new Conflict("workflow.name-taken", Optional.of("name"), "a workflow named '" + name
                + "' exists in this scope already (names are compared ignoring case)");
    }

    /** A clash caused by one input field's value. */
    public static Conflict onField(String code, String field, String message) {
        return new Conflict(code, Optional.of(field), message);
    }

    public static Conflict of(String code, String message) {
        return new Conflict(code, Optional.empty(), message);
    }

    public String code() {
        return code;
    }

    public Optional<String> field() {
        return field;
    }
}
