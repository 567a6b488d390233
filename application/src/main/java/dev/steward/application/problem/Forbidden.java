package dev.steward.application.problem;

/**
 * The caller is signed in, but their role does not hold the permission the request needs (see the application's
 * {@code Permission} matrix). Nothing was changed.
 */
public final class Forbidden extends ApplicationException {

    public Forbidden(String message) {
        super(message, null);
    }
}
