package dev.steward.adapter.web.http;

import dev.steward.application.msp.ListMspsUseCase;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/**
 * Interim caller resolution until sign-in exists: every request acts for the installation's first (oldest) MSP.
 * The first MSP never changes once it exists, so it is looked up once and remembered.
 */
public final class FirstMspCaller implements CallerResolver {

    static final SignedInUser OPERATOR = new SignedInUser("operator (before sign-in)", UserRole.MSP_ADMIN);

    private final ListMspsUseCase msps;
    private volatile MspId first;

    @Inject
    public FirstMspCaller(ListMspsUseCase msps) {
        this.msps = msps;
    }

    @Override
    public MspId mspOf(Context ctx) {
        MspId known = first;
        if (known == null) {
            known = msps.list().stream().findFirst().map(Msp::id)
                    .orElseThrow(() -> new NotFound("msp", "(none registered yet)"));
            first = known;
        }
        return known;
    }

    /** Until sign-in exists every request is the installation's operator, with an admin's rights. */
    @Override
    public SignedInUser userOf(Context ctx) {
        mspOf(ctx);
        return OPERATOR;
    }
}
