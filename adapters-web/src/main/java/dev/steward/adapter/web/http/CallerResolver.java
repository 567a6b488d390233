package dev.steward.adapter.web.http;

import dev.steward.domain.msp.MspId;
import io.javalin.http.Context;

/**
 * Which MSP a request acts for. Every route asks this and nothing else, so tenant scoping lives in one place and
 * sign-in can replace the interim implementation ({@link FirstMspCaller}) without touching a route.
 */
public interface CallerResolver {

    /**
     * @throws dev.steward.application.problem.NotFound if no MSP can be resolved for this request
     */
    MspId mspOf(Context ctx);

    /**
     * The user acting, for what records who did it (approval decisions) and what needs a role. Sign-in fills this
     * with the signed-in technician; an API token acts as whatever user the token was issued for. A resolver that
     * cannot say refuses (the default), so that nothing is ever decided in nobody's name.
     *
     * @throws dev.steward.application.problem.NotFound if no MSP can be resolved for this request
     */
    default SignedInUser userOf(Context ctx) {
        throw new IllegalStateException(getClass().getName() + " does not say which user a request acts as");
    }
}
