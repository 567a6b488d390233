package dev.steward.application.signin;

/** A new browser session: the secret for the cookie (shown only here) and whom it signs in. */
public record SignedIn(String sessionToken, Caller caller) {

    @Override
    public String toString() {
        return "SignedIn[" + caller + "]";
    }
}
