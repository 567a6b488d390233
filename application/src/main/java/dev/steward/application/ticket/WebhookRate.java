package dev.steward.application.ticket;

/**
 * How many PSA webhook deliveries each MSP may send a minute ({@code STEWARD_WEBHOOK_DELIVERIES_PER_MINUTE}); a
 * minute's worth may come at once. Checked before a delivery is verified, so a flood of forged ones costs little.
 */
public record WebhookRate(int perMinute) {

    /** Two a second, far above what a PSA sends for one MSP's tickets. */
    public static final WebhookRate DEFAULT = new WebhookRate(120);

    public WebhookRate {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a webhook rate must be at least 1 a minute");
        }
    }
}
