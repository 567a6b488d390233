package dev.steward.adapter.psa.common;

import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.psa.TicketSystem;
import dev.steward.application.port.psa.WebhookVerdict;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProvider;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.WebhookReader;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.integration.IntegrationCapability;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.IntegrationScope;
import dev.steward.domain.integration.SettingSpec;
import dev.steward.domain.problem.InvalidValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the three PSA providers share: a PSA is connected MSP-wide only (one PSA serves all of an MSP's clients), is
 * declared a {@link IntegrationCapability#PSA} in its catalog, offers the {@link PsaTools}, and is connected by
 * building its ticket system and webhook reader from the integration's values and checking them live
 * ({@link PsaSystem#checkConnection}): bogus keys or a host that does not answer are refused before anything is
 * stored. Reconnecting stored values at start-up skips the live check, so a PSA that is down for a moment is used
 * again once it answers. Every problem with a value names its field, under {@code secrets.} for a secret.
 */
public abstract class PsaProvider implements IntegrationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(PsaProvider.class);

    private final IntegrationKind kind;

    protected PsaProvider(String kind, String label, List<SettingSpec> settings) {
        this.kind = new IntegrationKind(kind, label, Set.of(IntegrationScope.MSP), settings, PsaTools.of(kind),
                Map.of()).with(IntegrationCapability.PSA);
    }

    /**
     * @throws InvalidValue naming the setting ({@code settings.<key>}) that is missing or malformed
     */
    protected abstract PsaSystem ticketSystem(Settings values, HttpSettings http, ProviderContext context);

    /**
     * Sets up how the PSA's events reach Steward when the integration is connected: registers the webhook through the
     * PSA's API where it has one and the installation has a public URL, or says what to paste into the PSA. By
     * default the same as {@link #webhookOf} (nothing to register).
     *
     * @throws InvalidValue ({@code webhook}, code {@code not-registered}) naming why the PSA did not register it; a
     *     webhook half-registered is removed again first
     */
    protected WebhookSetup registerWebhook(Integration integration, Settings values, PsaSystem system,
                                           ProviderContext context) {
        return webhookOf(integration, values, system, context);
    }

    /** How the PSA's events reach Steward by the stored values (at start-up, or when nothing was registered). */
    protected abstract WebhookSetup webhookOf(Integration integration, Settings values, PsaSystem system,
                                              ProviderContext context);

    /**
     * The reader of this PSA's webhook deliveries for {@code system}.
     *
     * @throws InvalidValue naming the webhook setting that is missing (the PSA is then polled only)
     */
    protected abstract WebhookReader webhookReader(Settings values, TicketSystem system);

    @Override
    public final IntegrationKind kind() {
        return kind;
    }

    @Override
    public final IntegrationConnection connect(Integration integration, IntegrationSettings values,
                                               ProviderContext context) {
        return open(integration, values, context, true);
    }

    @Override
    public final IntegrationConnection reconnect(Integration integration, IntegrationSettings values,
                                                 ProviderContext context) {
        return open(integration, values, context, false);
    }

    private IntegrationConnection open(Integration integration, IntegrationSettings values, ProviderContext context,
                                       boolean checkLive) {
        if (integration.client().isPresent()) {
            throw new IllegalArgumentException("a PSA is connected MSP-wide, not for one client");
        }
        Settings settings = new Settings(values.all(), context);
        HttpSettings http = new HttpSettings(context.requestTimeout(), context.maxAttempts(), context.maxRetryWait(),
                Duration.ofSeconds(1));
        try {
            PsaSystem system = ticketSystem(settings, http, context);
            if (checkLive) {
                system.checkConnection();
            }
            WebhookSetup webhook = checkLive ? registerWebhook(integration, settings, system, context)
                    : webhookOf(integration, settings, system, context);
            Map<String, String> withWebhook = new java.util.HashMap<>(values.all());
            withWebhook.putAll(webhook.settings());
            withWebhook.putAll(webhook.secrets());
            IntegrationSettings stored = new IntegrationSettings(plus(values.settings(), webhook.settings()),
                    plus(values.secrets(), webhook.secrets()));
            return new PsaConnection(kind.name(), system, webhooks(integration, new Settings(withWebhook, context),
                    system), webhook, stored);
        } catch (InvalidValue e) {
            throw inItsPlace(e);
        } catch (IllegalArgumentException e) {
            // a settings record's own range check (e.g. a page size): its message names the setting, never a value
            throw InvalidValue.of("settings", "invalid", e.getMessage());
        }
    }

    private static Map<String, String> plus(Map<String, String> given, Map<String, String> added) {
        Map<String, String> all = new java.util.HashMap<>(given);
        all.putAll(added);
        return all;
    }

    /**
     * The refusal of a connect whose webhook the PSA did not register: field {@code webhook}, naming the cause.
     * Nothing is stored then; the rule says how to go on.
     */
    public static InvalidValue notRegistered(String vendor, RuntimeException cause) {
        return InvalidValue.of("webhook", "not-registered", "could not be registered with " + vendor + ": "
                + cause.getMessage() + ". Nothing was saved. Give the API user the right to manage webhooks, or "
                + "connect from an installation without STEWARD_PUBLIC_URL to poll only");
    }

    /** Without its webhook settings a PSA is polled, and its deliveries are refused saying why. */
    private WebhookReader webhooks(Integration integration, Settings settings, TicketSystem system) {
        try {
            return webhookReader(settings, system);
        } catch (InvalidValue off) {
            LOG.info("{} webhooks for MSP {} are off ({}); the PSA is polled", kind.name(), integration.msp(),
                    off.getMessage());
            return delivery -> new WebhookVerdict.Reject(kind.name()
                    + " webhooks are not configured for this MSP (" + off.getMessage() + ")");
        }
    }

    /**
     * The refusal of a check that could not reach {@code host}: the field of the host, code {@code unreachable}.
     * The rule says what happened, never a value.
     */
    public static InvalidValue unreachable(String hostField, PortFailure failure) {
        return InvalidValue.of(hostField, "unreachable", "could not be reached: " + failure.getMessage());
    }

    /** Whether the PSA refused the credentials outright (HTTP 401 or 403). */
    public static boolean credentialsRefused(PortFailure failure) {
        return !failure.retryable() && (failure.getMessage().contains("HTTP 401")
                || failure.getMessage().contains("HTTP 403"));
    }

    /** {@link Settings} names every value {@code settings.<key>}; a secret is given under {@code secrets.<key>}. */
    private InvalidValue inItsPlace(InvalidValue e) {
        String key = e.field().startsWith("settings.") ? e.field().substring("settings.".length()) : e.field();
        return kind.setting(key).filter(SettingSpec::secret)
                .map(spec -> InvalidValue.of(spec.field(), e.code().substring(e.field().length() + 1), e.rule()))
                .orElse(e);
    }
}
