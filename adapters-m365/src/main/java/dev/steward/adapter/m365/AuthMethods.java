package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A user's authentication methods as Graph lists them ({@code @odata.type}) and where each kind is deleted
 * ({@code /users/{id}/authentication/{collection}/{methodId}}).
 */
final class AuthMethods {

    static final String PASSWORD = "password";

    private record Kind(String collection, String label) {}

    private static final Map<String, Kind> KINDS = Map.of(
            "#microsoft.graph.passwordAuthenticationMethod", new Kind(PASSWORD, "password"),
            "#microsoft.graph.phoneAuthenticationMethod", new Kind("phoneMethods", "phone"),
            "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
            new Kind("microsoftAuthenticatorMethods", "Microsoft Authenticator"),
            "#microsoft.graph.softwareOathAuthenticationMethod", new Kind("softwareOathMethods", "software OATH token"),
            "#microsoft.graph.fido2AuthenticationMethod", new Kind("fido2Methods", "FIDO2 security key"),
            "#microsoft.graph.emailAuthenticationMethod", new Kind("emailMethods", "email"),
            "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod",
            new Kind("windowsHelloForBusinessMethods", "Windows Hello for Business"),
            "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
            new Kind("temporaryAccessPassMethods", "temporary access pass"));

    /**
     * The order methods are removed in: every other kind first, phones last, and of the phones the alternate
     * mobile before the office phone before the mobile (Graph refuses to leave an alternate mobile without a mobile).
     */
    static final Comparator<JsonNode> REMOVAL_ORDER = Comparator.comparingInt(AuthMethods::removalRank);

    private static final List<String> PHONE_ORDER = List.of("alternateMobile", "office", "mobile");

    private AuthMethods() {
    }

    /** The collection the method is deleted from ({@code phoneMethods} …), {@link #PASSWORD}, or {@code ""} if unknown. */
    static String kindOf(JsonNode method) {
        Kind kind = KINDS.get(Json.textOr(method, "", "@odata.type"));
        return kind == null ? "" : kind.collection();
    }

    static boolean isPhone(JsonNode method) {
        return kindOf(method).equals("phoneMethods");
    }

    /** {@code Microsoft Authenticator (Pixel 8)}, {@code mobile phone (…123)}; never a whole phone number. */
    static String describe(JsonNode method) {
        Kind kind = KINDS.get(Json.textOr(method, "", "@odata.type"));
        if (kind == null) {
            return Json.textOr(method, "unknown method", "@odata.type").replace("#microsoft.graph.", "");
        }
        if (isPhone(method)) {
            String digits = Json.textOr(method, "", "phoneNumber").replaceAll("[^0-9]", "");
            String tail = digits.length() >= 3 ? " (…" + digits.substring(digits.length() - 3) + ")" : "";
            return Json.textOr(method, "", "phoneType").replace("alternateMobile", "alternate mobile")
                    + (Json.text(method, "phoneType").isPresent() ? " " : "") + "phone" + tail;
        }
        return kind.label() + Json.text(method, "displayName").filter(n -> !n.isBlank()).map(n -> " (" + n + ")")
                .orElse("");
    }

    private static int removalRank(JsonNode method) {
        if (!isPhone(method)) {
            return 0;
        }
        int index = PHONE_ORDER.indexOf(Json.textOr(method, "", "phoneType"));
        return 1 + (index < 0 ? 0 : index);
    }
}
