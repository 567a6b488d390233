package dev.steward.adapter.psa.connectwise;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which {@code Metadata.key_url} of a callback Steward will fetch (with the MSP's ConnectWise credentials): only the
 * callback-key endpoint of the configured host — same scheme, host and port as {@code apiBase}, no user info, no
 * fragment, no escapes or dot segments — in one of its two known shapes, under the codebase of {@code apiBase}
 * ({@code /v4_6_release} for {@code https://host/v4_6_release/apis/3.0/}):
 * <ul>
 *   <li>{@code <codebase>/apis/callback/key/<id>} (THIRD-PARTY-APIS.md §1.9);</li>
 *   <li>{@code <codebase>/system/callbackkey/index.rails?id=<id>} (an extra slash after the codebase is accepted).</li>
 * </ul>
 * Anything else, e.g. another API path of the same host, is refused, so a forged delivery cannot make Steward send a
 * credentialed request elsewhere.
 */
final class CallbackKeyUrl {

    private static final String ID = "[A-Za-z0-9_-]{1,128}";
    private static final Pattern KEY_ID = Pattern.compile(ID);

    private final URI apiBase;
    private final Pattern keyPath;
    private final Pattern railsPath;

    CallbackKeyUrl(URI apiBase) {
        this.apiBase = apiBase;
        String path = apiBase.getRawPath() == null ? "" : apiBase.getRawPath();
        int apis = path.indexOf("/apis/");
        String codebase = Pattern.quote(apis < 0 ? stripSlash(path) : path.substring(0, apis));
        this.keyPath = Pattern.compile(codebase + "/apis/callback/key/" + ID);
        this.railsPath = Pattern.compile(codebase + "//?system/callbackkey/index\\.rails");
    }

    /** The URL to fetch the signing key from, or empty if {@code keyUrl} is not the configured host's key endpoint. */
    Optional<URI> accepted(String keyUrl) {
        URI uri;
        try {
            uri = new URI(keyUrl);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || uri.getHost() == null || !sameOrigin(uri)) {
            return Optional.empty();
        }
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        if (path == null || path.contains("%")) {
            return Optional.empty();
        }
        boolean keyShape = query == null && keyPath.matcher(path).matches();
        boolean railsShape = query != null && query.startsWith("id=") && KEY_ID.matcher(query.substring(3)).matches()
                && railsPath.matcher(path).matches();
        return keyShape || railsShape ? Optional.of(uri) : Optional.empty();
    }

    private boolean sameOrigin(URI uri) {
        return uri.getScheme().equalsIgnoreCase(apiBase.getScheme())
                && uri.getHost().toLowerCase(Locale.ROOT).equals(apiBase.getHost().toLowerCase(Locale.ROOT))
                && port(uri) == port(apiBase);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
