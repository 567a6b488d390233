package dev.steward.adapter.docker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user and password for the registry that holds the agent image. The engine gets them in the {@code X-Registry-Auth}
 * header of the calls that pull (image lookups, service create and update); Swarm hands them on to the node that runs
 * a task. Never logged: {@link #toString()} hides the password.
 */
public record RegistryCredentials(String username, String password) {

    public RegistryCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** The header's value: base64url of {@code {"username","password","serveraddress"}}, as the engine reads it. */
    String header(String registry) {
        String json = "{\"username\":\"" + escape(username) + "\",\"password\":\"" + escape(password)
                + "\",\"serveraddress\":\"" + escape(registry) + "\"}";
        return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=(hidden)]";
    }
}
