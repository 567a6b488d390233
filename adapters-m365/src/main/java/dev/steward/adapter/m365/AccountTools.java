package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The write tools on one user's sign-in: password, sessions, blocking, MFA methods, temporary access pass. Each
 * looks the user up first, so an unknown user is a {@link NotFound} before anything is changed. A generated secret
 * goes only into {@link Outcome#revealOnce()}; a failure message is scrubbed of it.
 */
final class AccountTools {

    private final Passwords passwords;

    AccountTools(Passwords passwords) {
        this.passwords = passwords;
    }

    /** {@code m365:reset-password}: a generated temporary password the user must change at next sign-in. */
    Outcome resetPassword(TenantGraph tenant, Arguments args) {
        JsonNode user = Lookups.user(tenant, args.user("user"));
        String password = passwords.generate();
        ObjectNode body = Json.object();
        body.putObject("passwordProfile").put("forceChangePasswordNextSignIn", true).put("password", password);
        try {
            tenant.send("PATCH", "users/" + Lookups.id(user), Optional.of(body), Grant.RESET_PASSWORD,
                    () -> new NotFound("Microsoft 365 user", args.user("user")));
        } catch (PortFailure failure) {
            throw scrubbed(failure, password);
        }
        return new Outcome("Reset the password of " + Lookups.name(user) + " in " + tenant.label()
                + " to a generated temporary password, which must be changed at the next sign-in. The password is "
                + "shown once to the technician who approved this; give it to the user by a trusted channel.",
                Map.of("temporaryPassword", password));
    }

    /** {@code m365:revoke-sessions}: signs the user out everywhere (refresh tokens and session cookies revoked). */
    Outcome revokeSessions(TenantGraph tenant, Arguments args) {
        JsonNode user = Lookups.user(tenant, args.user("user"));
        revoke(tenant, user);
        return Outcome.of("Revoked every sign-in session of " + Lookups.name(user) + " in " + tenant.label()
                + "; apps ask them to sign in again (some within the hour, as their access tokens expire).");
    }

    /** {@code m365:block-sign-in}. */
    Outcome blockSignIn(TenantGraph tenant, Arguments args) {
        return setEnabled(tenant, args, false);
    }

    /** {@code m365:unblock-sign-in}. */
    Outcome unblockSignIn(TenantGraph tenant, Arguments args) {
        return setEnabled(tenant, args, true);
    }

    private Outcome setEnabled(TenantGraph tenant, Arguments args, boolean enabled) {
        JsonNode user = Lookups.user(tenant, args.user("user"));
        boolean was = user.path("accountEnabled").asBoolean(true);
        patchEnabled(tenant, user, enabled);
        String done = enabled ? "Unblocked sign-in for " : "Blocked sign-in for ";
        return Outcome.of(done + Lookups.name(user) + " in " + tenant.label()
                + (was == enabled ? " (it already was " + (enabled ? "enabled" : "blocked") + ")" : "")
                + (enabled ? "." : ". Existing sessions last until revoked (m365:revoke-sessions)."));
    }

    static void patchEnabled(TenantGraph tenant, JsonNode user, boolean enabled) {
        ObjectNode body = Json.object().put("accountEnabled", enabled);
        tenant.send("PATCH", "users/" + Lookups.id(user), Optional.of(body), Grant.WRITE_USERS,
                () -> new NotFound("Microsoft 365 user", Lookups.id(user)));
    }

    static void revoke(TenantGraph tenant, JsonNode user) {
        tenant.send("POST", "users/" + Lookups.id(user) + "/revokeSignInSessions", Optional.empty(),
                Grant.REVOKE_SESSIONS, () -> new NotFound("Microsoft 365 user", Lookups.id(user)));
    }

    /**
     * {@code m365:reset-mfa}: removes every MFA method, so the user registers again at next sign-in. The password
     * stays. The user's default phone method cannot be deleted (Graph refuses while it is the default): it is kept
     * and the summary says what the user or an administrator must do about it.
     */
    Outcome resetMfa(TenantGraph tenant, Arguments args) {
        JsonNode user = Lookups.user(tenant, args.user("user"));
        String id = Lookups.id(user);
        List<JsonNode> methods = new ArrayList<>(tenant.all("users/" + id + "/authentication/methods",
                Grant.READ_METHODS, 100));
        methods.removeIf(m -> AuthMethods.kindOf(m).equals(AuthMethods.PASSWORD));
        methods.sort(AuthMethods.REMOVAL_ORDER);
        if (methods.isEmpty()) {
            return Outcome.of(Lookups.name(user) + " in " + tenant.label() + " has no MFA method to remove (only a "
                    + "password); they will be asked to register one at next sign-in if policy requires MFA.");
        }
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (JsonNode method : methods) {
            String collection = AuthMethods.kindOf(method);
            String described = AuthMethods.describe(method);
            if (collection.isEmpty()) {
                kept.add(described + " (a kind of method Steward does not remove)");
                continue;
            }
            GraphResponse response = tenant.attempt("DELETE", "users/" + id + "/authentication/" + collection + "/"
                    + TenantGraph.segment(Json.textOr(method, "", "id")), Optional.empty());
            if (response.ok() || response.status() == 404) {
                removed.add(described);
            } else if (response.status() == 400 && AuthMethods.isPhone(method)) {
                kept.add(described + ": it is the user's default MFA method, which Microsoft does not let an "
                        + "administrator delete; the user must choose another default method first (or an "
                        + "administrator requires re-registration in the Entra admin centre)");
            } else {
                RuntimeException failure = tenant.failure(response, Grant.WRITE_METHODS, Optional.empty());
                throw removed.isEmpty() ? failure : PortFailure.permanent(Graph.PORT, "Removed "
                        + String.join(", ", removed) + " of " + Lookups.name(user) + ", then: " + failure.getMessage(),
                        null);
            }
        }
        StringBuilder out = new StringBuilder("Removed " + removed.size() + " of " + methods.size()
                + " MFA method(s) of " + Lookups.name(user) + " in " + tenant.label());
        out.append(removed.isEmpty() ? "." : ": " + String.join(", ", removed) + ".");
        for (String why : kept) {
            out.append("\nKept ").append(why).append('.');
        }
        out.append("\nThey will be asked to register MFA again at the next sign-in.");
        return Outcome.of(out.toString());
    }

    /** {@code m365:create-temporary-access-pass}: a time-limited pass to sign in and register new methods. */
    Outcome createTemporaryAccessPass(TenantGraph tenant, Arguments args) {
        JsonNode user = Lookups.user(tenant, args.user("user"));
        int lifetime = args.integer("lifetimeMinutes", 60, 10, 43_200);
        boolean once = args.flag("usableOnce", true);
        ObjectNode body = Json.object().put("lifetimeInMinutes", lifetime).put("isUsableOnce", once);
        JsonNode created = tenant.send("POST", "users/" + Lookups.id(user)
                + "/authentication/temporaryAccessPassMethods", Optional.of(body), Grant.WRITE_METHODS,
                () -> new NotFound("Microsoft 365 user", args.user("user")));
        String pass = Json.text(created, "temporaryAccessPass").filter(p -> !p.isBlank())
                .orElseThrow(() -> PortFailure.permanent(Graph.PORT, "Microsoft Graph created a temporary access "
                        + "pass but did not return it", null));
        return new Outcome("Created a temporary access pass for " + Lookups.name(user) + " in " + tenant.label()
                + ", valid " + lifetime + " minutes" + Json.text(created, "startDateTime").map(t -> " from " + t)
                .orElse("") + (once ? ", usable once" : ", usable several times") + ". It is shown once to the "
                + "technician who approved this; give it to the user by a trusted channel.",
                Map.of("temporaryAccessPass", pass));
    }

    /** The same failure with the secret cut out of its message, should Microsoft ever echo it. */
    static PortFailure scrubbed(PortFailure failure, String secret) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (!message.contains(secret)) {
            return failure;
        }
        return new PortFailure(failure.port(), failure.retryable(), message.replace(secret, "[hidden]"), null);
    }
}
