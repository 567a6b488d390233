package dev.steward.application.signin;

/** Technicians sign in with email and password to a server-side session, and sign out again. */
public interface SignInUseCase {

    /**
     * @throws dev.steward.application.problem.NotSignedIn if the email or password is wrong (it does not say which)
     * @throws dev.steward.application.problem.TooManyAttempts if this email or address failed too often recently
     * @throws dev.steward.domain.problem.InvalidValue ({@code email}) if the email is malformed
     */
    SignedIn signIn(SignInCommand command);

    /** Ends the session of this cookie token; succeeds for an unknown or ended one. */
    void signOut(String sessionToken);
}
