package dev.steward.adapter.web.http;

import dev.steward.application.signin.Caller;
import dev.steward.domain.msp.MspId;
import io.javalin.http.Context;

/**
 * Who a request acts for. Every route asks this and nothing else, so tenant scoping lives in one place: the signed-in
 * user's or the API token's MSP ({@code SignedInCaller}).
 */
public interface CallerResolver {

    /** @throws dev.steward.application.problem.NotSignedIn if the request carries no valid credentials */
    Caller callerOf(Context ctx);

    default MspId mspOf(Context ctx) {
        return callerOf(ctx).msp();
    }
}
