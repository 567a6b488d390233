package dev.steward.application.problem;

/**
 * The request carries no valid credentials (no session, an expired one, an unknown or revoked API token), or a
 * sign-in was refused. The message never says whether the email or the password was wrong.
 */
public final class NotSignedIn extends ApplicationException {

    public NotSignedIn(String message) {
        super(message, null);
    }
}
