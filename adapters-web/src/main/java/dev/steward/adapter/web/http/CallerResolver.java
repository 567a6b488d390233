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
}
