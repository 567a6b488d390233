package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.UserCredentialJson;
import dev.steward.adapter.web.dashboard.Layout.Section;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.problem.ApplicationException;
import dev.steward.application.signin.Caller;
import dev.steward.application.user.AddUserCommand;
import dev.steward.application.user.ManageUsersUseCase;
import dev.steward.application.user.NewCredential;
import dev.steward.domain.problem.DomainException;
import dev.steward.domain.user.User;
import dev.steward.domain.user.UserId;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Dashboard, admins only (by the route table): {@code GET /users} lists the MSP's users with a form to add one;
 * {@code POST /users} adds (a one-time set-password link, or a generated password, shown on that one answer); and
 * per user: change the role, disable (their sessions and tokens stop at once) or enable, reset the password. A refusal
 * (the last active admin, a taken email) is shown on the page.
 */
public final class UserPageRoutes implements RouteGroup {

    private final CallerResolver callers;
    private final ProblemMapper problems;
    private final ManageUsersUseCase users;

    @Inject
    public UserPageRoutes(CallerResolver callers, ProblemMapper problems, ManageUsersUseCase users) {
        this.callers = callers;
        this.problems = problems;
        this.users = users;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/users", ctx -> render(ctx, 200, Optional.empty(), NewUserForm.EMPTY, FormErrors.NONE));
        config.routes.post("/users", this::add);
        config.routes.post("/users/{id}/role", ctx -> change(ctx, () -> users.changeRole(callers.mspOf(ctx),
                userId(ctx), ctx.formParam("role"))));
        config.routes.post("/users/{id}/disable", ctx -> change(ctx, () -> users.disable(callers.mspOf(ctx),
                userId(ctx))));
        config.routes.post("/users/{id}/enable", ctx -> change(ctx, () -> users.enable(callers.mspOf(ctx),
                userId(ctx))));
        config.routes.post("/users/{id}/reset-password", this::reset);
    }

    private record NewUserForm(String email, String role, String delivery) {
        static final NewUserForm EMPTY = new NewUserForm("", "technician", "link");
    }

    private void add(Context ctx) {
        NewUserForm form = new NewUserForm(Forms.orEmpty(ctx.formParam("email")),
                Forms.orEmpty(ctx.formParam("role")), Forms.orEmpty(ctx.formParam("delivery")));
        try {
            NewCredential added = users.add(new AddUserCommand(callers.mspOf(ctx), form.email(), form.role(),
                    form.delivery()));
            render(ctx, 201, Optional.of(added), NewUserForm.EMPTY, FormErrors.NONE);
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            render(ctx, problem.status(), Optional.empty(), form, FormErrors.from(problem));
        }
    }

    private void reset(Context ctx) {
        try {
            NewCredential reset = users.resetPassword(callers.mspOf(ctx), userId(ctx), ctx.formParam("delivery"));
            render(ctx, 200, Optional.of(reset), NewUserForm.EMPTY, FormErrors.NONE);
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            render(ctx, problem.status(), Optional.empty(), NewUserForm.EMPTY, FormErrors.from(problem));
        }
    }

    private void change(Context ctx, Supplier<User> change) {
        try {
            change.get();
            Forms.seeOther(ctx, "/users");
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            render(ctx, problem.status(), Optional.empty(), NewUserForm.EMPTY,
                    new FormErrors(java.util.Map.of(), Optional.of(problem.detail())));
        }
    }

    private static UserId userId(Context ctx) {
        return new UserId(Requests.uuidPathParam(ctx, "id"));
    }

    private void render(Context ctx, int status, Optional<NewCredential> handedOut, NewUserForm form,
                        FormErrors errors) {
        Caller caller = callers.callerOf(ctx);
        List<User> all = users.list(caller.msp());
        Html shown = handedOut.map(c -> credential(UserCredentialJson.from(c, Requests.baseUrl(ctx))))
                .orElse(Html.EMPTY);
        Layout.write(ctx, status, Layout.page("Users", Section.USERS, Optional.empty(), Html.of("""
                <h1>Users</h1>
                <p>Everyone who signs in to this MSP. Admins manage users, API tokens, integrations and MSP settings;
                technicians work with clients and approvals; viewers read only. Disabling a user ends their sessions
                and stops their API tokens at once.</p>
                %s<section class="card" aria-labelledby="add-user-h">
                <h2 id="add-user-h">Add a user</h2>
                <form method="post" action="/users">
                %s%s%s%s<button type="submit">Add user</button>
                </form>
                </section>
                <section class="card" aria-labelledby="users-h">
                <h2 id="users-h">Users</h2>
                <table>
                <thead><tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">State</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                </section>
                """, shown, errors.alert("email", "role", "delivery"),
                ClientPages.field("email", "Email", form.email(), errors,
                        new Html("type=\"email\" required autocomplete=\"off\""), Html.EMPTY),
                ClientPages.select("role", "Role", errors, form.role(), ROLES),
                deliveryChoice("delivery", form.delivery()),
                Html.each(all, user -> row(user, caller)))));
    }

    private static final List<String> ROLES = List.of("viewer", "technician", "admin");

    private static Html credential(UserCredentialJson credential) {
        Html handOut = credential.password() != null
                ? Html.of("<p>Their password: <code class=\"secret\" data-field=\"new-password\">%s</code></p>",
                        credential.password())
                : Html.of("<p>Their one-time link to set a password (until %s): <code class=\"secret\" "
                        + "data-field=\"set-password-link\">%s</code></p>", credential.linkExpiresAt().toString(),
                        credential.setPasswordUrl());
        return Html.of("""
                <div class="card notice" role="status">
                <p>Hand this to <strong>%s</strong> yourself. It is shown only this once.</p>
                %s
                </div>
                """, credential.user().email(), handOut);
    }

    private static Html deliveryChoice(String name, String selected) {
        return Html.of("""
                <fieldset class="field"><legend>How they get their password</legend>
                <label><input type="radio" name="%s" value="link"%s> a one-time link to set it themselves</label>
                <label><input type="radio" name="%s" value="password"%s> a generated password, shown once</label>
                </fieldset>
                """, name, new Html("password".equals(selected) ? "" : " checked"), name,
                new Html("password".equals(selected) ? " checked" : ""));
    }

    private static Html row(User user, Caller caller) {
        String id = user.id().toString();
        boolean self = user.id().equals(caller.user());
        return Html.of("""
                <tr data-user="%s"><td>%s%s</td><td>
                <form method="post" action="/users/%s/role" class="inline">
                <label class="visually-hidden" for="role-%s">Role of %s</label>
                <select id="role-%s" name="role">%s</select>
                <button type="submit">Change role</button></form></td>
                <td>%s</td><td>
                <form method="post" action="/users/%s/%s" class="inline"><button type="submit">%s</button></form>
                <form method="post" action="/users/%s/reset-password" class="inline">
                <input type="hidden" name="delivery" value="link">
                <button type="submit" aria-label="Reset the password of %s">Reset password</button></form>
                </td></tr>
                """, id, user.email().value(), new Html(self ? " <span class=\"badge\">you</span>" : ""),
                id, id, user.email().value(), id,
                Html.each(ROLES, r -> Html.of("<option value=\"%s\"%s>%s</option>", r,
                        new Html(r.equals(user.role().label()) ? " selected" : ""), r)),
                user.active() ? "active" : "disabled " + user.disabledAt().orElseThrow(),
                id, user.active() ? "disable" : "enable", user.active() ? "Disable" : "Enable",
                id, user.email().value());
    }
}
