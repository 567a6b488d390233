package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.signin.Caller;
import dev.steward.application.user.AddUserCommand;
import dev.steward.application.user.ManageUsersUseCase;
import dev.steward.application.user.NewCredential;
import dev.steward.application.user.PasswordsUseCase;
import dev.steward.domain.user.UserId;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The MSP's users (admins only, by the route table): {@code GET/POST /api/v1/users}, a user's role, disabling and
 * enabling, and a password reset; and everyone's own password, {@code PUT /api/v1/account/password}. A new or reset
 * credential is in the one answer that made it ({@code Cache-Control: no-store}).
 */
public final class UserRoutes implements RouteGroup {

    private final CallerResolver callers;
    private final JsonBodies bodies;
    private final ManageUsersUseCase users;
    private final PasswordsUseCase passwords;

    @Inject
    public UserRoutes(CallerResolver callers, JsonBodies bodies, ManageUsersUseCase users, PasswordsUseCase passwords) {
        this.callers = callers;
        this.bodies = bodies;
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/users", ctx -> ctx.json(Map.of("items",
                users.list(callers.mspOf(ctx)).stream().map(UserJson::from).toList())));
        config.routes.post("/api/v1/users", this::add);
        config.routes.put("/api/v1/users/{id}/role", ctx -> ctx.json(UserJson.from(users.changeRole(
                callers.mspOf(ctx), userId(ctx), bodies.read(ctx, ChangeRoleJson.class).role()))));
        config.routes.post("/api/v1/users/{id}/disable", ctx -> ctx.json(UserJson.from(
                users.disable(callers.mspOf(ctx), userId(ctx)))));
        config.routes.post("/api/v1/users/{id}/enable", ctx -> ctx.json(UserJson.from(
                users.enable(callers.mspOf(ctx), userId(ctx)))));
        config.routes.post("/api/v1/users/{id}/password-reset", ctx -> credential(ctx, 200, users.resetPassword(
                callers.mspOf(ctx), userId(ctx), bodies.read(ctx, PasswordResetJson.class).delivery())));
        config.routes.put("/api/v1/account/password", this::changeOwnPassword);
    }

    private void add(Context ctx) {
        NewUserJson body = bodies.read(ctx, NewUserJson.class);
        NewCredential added = users.add(new AddUserCommand(callers.mspOf(ctx), body.email(), body.role(),
                body.delivery()));
        ctx.header("Location", "/api/v1/users/" + added.user().id());
        credential(ctx, 201, added);
    }

    private static void credential(Context ctx, int status, NewCredential credential) {
        ctx.status(status).header("Cache-Control", "no-store")
                .json(UserCredentialJson.from(credential, Requests.baseUrl(ctx)));
    }

    /** An API token changes its issuer's password: the current one must be given, as in the dashboard. */
    private void changeOwnPassword(Context ctx) {
        Caller caller = callers.callerOf(ctx);
        ChangePasswordJson body = bodies.read(ctx, ChangePasswordJson.class);
        passwords.change(caller.user(), body.currentPassword(), body.newPassword());
        ctx.status(204);
    }

    private static UserId userId(Context ctx) {
        return new UserId(Requests.uuidPathParam(ctx, "id"));
    }
}
