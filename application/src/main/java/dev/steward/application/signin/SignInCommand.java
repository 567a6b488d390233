package dev.steward.application.signin;

/**
 * A sign-in attempt. {@code remoteAddress} is where it came from, for throttling. The password is never printed.
 */
public record SignInCommand(String email, String password, String remoteAddress) {

    @Override
    public String toString() {
        return "SignInCommand[" + email + " from " + remoteAddress + "]";
    }
}
