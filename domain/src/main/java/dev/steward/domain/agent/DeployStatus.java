package dev.steward.domain.agent;

import java.util.Locale;
import java.util.Objects;

/**
 * The last configuration push to an agent. Only {@link Failed} carries data (the message shown under the badge),
 * so it is a sealed type rather than an enum. It follows the agent's status ({@code Client#movedTo}): deploying while
 * the agent is (re)provisioned, idle once it acknowledged, error when it failed, removed with a deleted client.
 */
public sealed interface DeployStatus {

    Idle IDLE = new Idle();
    Deploying DEPLOYING = new Deploying();
    Removed REMOVED = new Removed();

    String label();

    /** The agent acknowledged the configuration it was sent. */
    record Idle() implements DeployStatus {
        @Override
        public String label() {
            return "idle";
        }
    }

    /** A push is in flight. */
    record Deploying() implements DeployStatus {
        @Override
        public String label() {
            return "deploying";
        }
    }

    /** The client was deleted and its agent removed: nothing is deployed any more. */
    record Removed() implements DeployStatus {
        @Override
        public String label() {
            return "removed";
        }
    }

    /** The last push failed; the message says why. */
    record Failed(String message) implements DeployStatus {
        public Failed {
            Objects.requireNonNull(message, "message");
            if (message.isBlank()) {
                message = "deploy failed";
            }
            if (message.length() > 2_000) {
                message = message.substring(0, 1_999) + "…";
            }
        }

        @Override
        public String label() {
            return "error";
        }
    }

    static DeployStatus of(String label, String message) {
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "idle" -> IDLE;
            case "deploying" -> DEPLOYING;
            case "removed" -> REMOVED;
            case "error" -> new Failed(message == null ? "deploy failed" : message);
            default -> throw new IllegalArgumentException("unknown deploy status " + label);
        };
    }
}
