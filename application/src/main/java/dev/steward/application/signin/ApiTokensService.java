package dev.steward.application.signin;

import dev.steward.application.port.access.ApiTokenRepository;
import dev.steward.application.port.access.UserRepository;
import dev.steward.application.port.store.IdGenerator;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.Violations;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.user.ApiToken;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class ApiTokensService implements ApiTokensUseCase {

    /** Marks our API tokens so that secret scanners and people can recognise a leaked one. */
    static final String PREFIX = "stk_";

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final IdGenerator ids;
    private final Clock clock;
    private final UnitOfWork unitOfWork;
    private final RecentCallers recent;

    @Inject
    public ApiTokensService(ApiTokenRepository tokens, UserRepository users, IdGenerator ids, Clock clock,
                            UnitOfWork unitOfWork, RecentCallers recent) {
        this.users = users;
        this.recent = recent;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public IssuedApiToken issue(MspId msp, UserId issuedBy, String name) {
        return issue(msp, issuedBy, name, Optional.empty());
    }

    @Override
    public IssuedApiToken issue(MspId msp, UserId issuedBy, String name, Optional<String> role) {
        Violations violations = new Violations();
        String checkedName = violations.attempt(() -> ApiToken.checkedName(name));
        Optional<UserRole> wanted = role.isEmpty() ? Optional.empty()
                : Optional.ofNullable(violations.attempt(() -> UserRole.parse(role.get())));
        User issuer = users.find(issuedBy).filter(u -> u.msp().equals(msp))
                .orElseThrow(() -> new NotFound("user", issuedBy.toString()));
        UserRole tokenRole = violations.attempt(() -> ApiToken.roleFor(wanted, issuer.role()));
        violations.throwIfAny();
        String secret = SecretTokens.newToken(PREFIX);
        ApiToken token = new ApiToken(ids.next(), msp, checkedName,
                secret.substring(secret.length() - 4), clock.instant(), issuedBy, tokenRole, Optional.empty());
        unitOfWork.run(() -> tokens.add(token, SecretTokens.hash(secret)));
        return new IssuedApiToken(token, secret);
    }

    @Override
    public List<ApiToken> list(MspId msp) {
        return tokens.list(msp);
    }

    @Override
    public ApiToken revoke(MspId msp, UUID id) {
        ApiToken revoked = unitOfWork.inTransaction(() -> tokens.revoke(msp, id, clock.instant()))
                .orElseThrow(() -> new NotFound("api token", id.toString()));
        // the cache is keyed by secret hash, which a revocation by id does not know: forget the MSP's callers
        recent.forgetAll(msp);
        return revoked;
    }
}
