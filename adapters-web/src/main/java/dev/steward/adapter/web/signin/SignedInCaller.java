package dev.steward.adapter.web.signin;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.application.problem.NotSignedIn;
import dev.steward.application.signin.Caller;
import io.javalin.http.Context;

/** The caller the {@link SignInGate} put on the request after checking its session cookie or API token. */
public final class SignedInCaller implements CallerResolver {

    @Override
    public Caller callerOf(Context ctx) {
        Caller caller = ctx.attribute(SignInGate.CALLER);
        if (caller == null) {
            throw new NotSignedIn(SignInGate.SIGN_IN_FIRST);
        }
        return caller;
    }
}
