package dev.steward.adapter.m365;

import dev.steward.application.problem.PortFailure;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token endpoint refused to issue a token for a tenant, with Microsoft's reason sorted into what the MSP must
 * do about it. Stays inside the adapter: the connection check turns it into a field error, a tool call into a
 * {@link PortFailure}.
 */
final class TokenRefused extends RuntimeException {

    /** Why, as far as the AADSTS code tells. */
    enum Reason {
        /** The tenant id or domain is not a tenant (AADSTS90002, AADSTS900023). */
        UNKNOWN_TENANT,
        /** The app does not exist in that tenant (AADSTS700016): a bad client id in the partner tenant, no consent in a customer's. */
        APP_NOT_IN_TENANT,
        /** The client secret is wrong or expired (AADSTS7000215, AADSTS7000222). */
        BAD_SECRET,
        /** The certificate is not registered on the app, or the assertion was refused (AADSTS700027, AADSTS700024). */
        BAD_CERTIFICATE,
        /** The app is disabled (AADSTS7000112). */
        APP_DISABLED,
        OTHER
    }

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
    private static final int MAX_DESCRIPTION = 240;

    private final String tenant;
    private final Reason reason;
    private final String description;

    TokenRefused(String tenant, Reason reason, String description) {
        super("the token endpoint refused tenant " + tenant + ": " + description);
        this.tenant = tenant;
        this.reason = reason;
        this.description = description;
    }

    /** Sorts an error answer of the token endpoint ({@code {"error","error_description","error_codes"}}). */
    static TokenRefused from(String tenant, String error, String errorDescription, long firstErrorCode) {
        String text = errorDescription == null || errorDescription.isBlank() ? error : firstLine(errorDescription);
        long code = firstErrorCode;
        if (code == 0 && errorDescription != null) {
            Matcher m = AADSTS.matcher(errorDescription);
            code = m.find() ? Long.parseLong(m.group(1)) : 0;
        }
        Reason reason = switch ((int) code) {
            case 90002, 900023 -> Reason.UNKNOWN_TENANT;
            case 700016 -> Reason.APP_NOT_IN_TENANT;
            case 7000215, 7000222 -> Reason.BAD_SECRET;
            case 700027, 700024, 700023, 50012 -> Reason.BAD_CERTIFICATE;
            case 7000112 -> Reason.APP_DISABLED;
            default -> Reason.OTHER;
        };
        return new TokenRefused(tenant, reason, text == null || text.isBlank() ? "no reason given" : text);
    }

    String tenant() {
        return tenant;
    }

    Reason reason() {
        return reason;
    }

    String description() {
        return description;
    }

    /**
     * What a tool call reports when it cannot get a token for a customer tenant: each reason with what to do,
     * permanent because retrying changes nothing until someone acts.
     */
    PortFailure asToolFailure(String tenantLabel) {
        String advice = switch (reason) {
            case UNKNOWN_TENANT -> "Microsoft knows no tenant " + tenant + "; map the client to one of the "
                    + "partner's customer tenants again";
            case APP_NOT_IN_TENANT -> "Steward's app has no consent in " + tenantLabel + ": grant it admin consent "
                    + "in that tenant (Partner Center applicationconsents or the customer's Global Administrator)";
            case BAD_SECRET, BAD_CERTIFICATE -> "the partner app's credential was refused; update the m365 "
                    + "integration's client secret or certificate";
            case APP_DISABLED -> "Steward's app is disabled in " + tenantLabel;
            case OTHER -> "Microsoft refused the sign-in";
        };
        return PortFailure.permanent(Graph.PORT, "Could not sign in to " + tenantLabel + ": " + advice + " ("
                + description + ")", null);
    }

    private static String firstLine(String description) {
        String line = description.strip().lines().findFirst().orElse("");
        int trace = line.indexOf(" Trace ID:");
        if (trace > 0) {
            line = line.substring(0, trace);
        }
        return line.length() > MAX_DESCRIPTION ? line.substring(0, MAX_DESCRIPTION) + "…" : line;
    }
}
