package dev.steward.adapter.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.steward.adapter.web.agentgateway.AgentGatewayRoutes;
import dev.steward.adapter.web.hooks.PsaWebhookRoutes;
import dev.steward.adapter.web.api.ActivityRoutes;
import dev.steward.adapter.web.api.ApprovalRoutes;
import dev.steward.adapter.web.api.IntegrationRoutes;
import dev.steward.adapter.web.api.ClientRoutes;
import dev.steward.adapter.web.api.PsaMappingRoutes;
import dev.steward.adapter.web.api.RunbookRoutes;
import dev.steward.adapter.web.api.DiagnosticsRoutes;
import dev.steward.adapter.web.api.ModeRoutes;
import dev.steward.adapter.web.api.MspRoutes;
import dev.steward.adapter.web.api.OpenApiRoutes;
import dev.steward.adapter.web.api.PromptRoutes;
import dev.steward.adapter.web.dashboard.ActivityPageRoutes;
import dev.steward.adapter.web.dashboard.ApprovalPageRoutes;
import dev.steward.adapter.web.dashboard.IntegrationPageRoutes;
import dev.steward.adapter.web.dashboard.AssetRoutes;
import dev.steward.adapter.web.dashboard.ClientDetailRoutes;
import dev.steward.adapter.web.dashboard.ClientListRoutes;
import dev.steward.adapter.web.dashboard.DiagnosticsPageRoutes;
import dev.steward.adapter.web.dashboard.SettingsRoutes;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.IdempotencyKeys;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.adapter.web.api.ApiTokenRoutes;
import dev.steward.adapter.web.dashboard.ApiTokenPageRoutes;
import dev.steward.adapter.web.dashboard.SignInPageRoutes;
import dev.steward.adapter.web.signin.Argon2idPasswordHasher;
import dev.steward.adapter.web.signin.SignInGate;
import dev.steward.adapter.web.signin.SignedInCaller;
import dev.steward.application.port.PasswordHasher;

/**
 * Guice module of the web adapter.
 *
 * <p>Binds: {@link WebSettings} (given), {@link WebServer} (eager singleton; bootstrap starts and stops it), the
 * adapter's {@link ObjectMapper}, {@link JsonBodies}, {@link ProblemMapper}, {@link IdempotencyKeys},
 * {@link CallerResolver} ({@link SignedInCaller}: the caller the {@link SignInGate} found), the
 * {@link PasswordHasher} (Argon2id) and the {@link RouteGroup} multibinder: the {@link SignInGate} and
 * {@link SignInPageRoutes}, {@code HealthRoutes}; the API tokens' {@link ApiTokenRoutes} and
 * {@link ApiTokenPageRoutes}; the API's {@link ClientRoutes}, {@link ModeRoutes},
 * {@link MspRoutes}, {@link PromptRoutes}, {@link DiagnosticsRoutes}, {@link ActivityRoutes}, {@link OpenApiRoutes},
 * {@link IntegrationRoutes}, {@link ApprovalRoutes};
 * the dashboard's {@link ClientListRoutes}, {@link ClientDetailRoutes}, {@link ActivityPageRoutes},
 * {@link DiagnosticsPageRoutes}, {@link SettingsRoutes}, {@link IntegrationPageRoutes}, {@link ApprovalPageRoutes},
 * {@link AssetRoutes};
 * the agent API's {@link AgentGatewayRoutes}; the PSA webhooks' {@link PsaWebhookRoutes}.
 *
 * <p>Needs from other modules (bootstrap's {@code CoreModule}): {@code java.time.Clock} and the use cases
 * {@code CreateClientUseCase}, {@code ListClientsUseCase}, {@code GetClientUseCase}, {@code DeleteClientUseCase},
 * {@code ListStatusHistoryUseCase}, {@code RetryProvisioningUseCase}, {@code ChangeOperatingModeUseCase},
 * {@code ChangeDefaultModeUseCase}, {@code GetMspUseCase}, {@code ListMspsUseCase}, {@code EditMspPromptUseCase},
 * {@code EditClientPromptUseCase}, {@code PreviewPromptUseCase}, {@code GetDiagnosticsUseCase},
 * {@code ListActivityUseCase}, {@code ListIntegrationKindsUseCase}, {@code ListIntegrationsUseCase},
 * {@code ConnectIntegrationUseCase}, {@code GetIntegrationUseCase}, {@code DisconnectIntegrationUseCase},
 * {@code SetToolPolicyUseCase}, {@code ListApprovalsUseCase}, {@code DecideApprovalUseCase},
 * {@code AgentGatewayUseCase}, {@code ReceiveTicketWebhookUseCase}, {@code IntakeTicketUseCase},
 * {@code MapClientToPsaUseCase}, {@code ListRunbooksUseCase}, {@code SaveRunbookUseCase},
 * {@code DeleteRunbookUseCase}, {@code TicketSystems} (which integrations are live PSAs), {@code SignInUseCase},
 * {@code AuthenticateUseCase}, {@code ApiTokensUseCase}, the {@code IdempotencyRecords} store
 * and a
 * {@code java.time.Clock}.
 */
public final class WebModule extends AbstractModule {

    private final WebSettings settings;

    public WebModule(WebSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(WebSettings.class).toInstance(settings);
        bind(WebServer.class).asEagerSingleton();
        bind(ProblemMapper.class).in(Singleton.class);
        bind(JsonBodies.class).in(Singleton.class);
        bind(IdempotencyKeys.class).in(Singleton.class);
        bind(CallerResolver.class).to(SignedInCaller.class).in(Singleton.class);
        bind(PasswordHasher.class).toInstance(Argon2idPasswordHasher.recommended());
        Multibinder<RouteGroup> routes = Multibinder.newSetBinder(binder(), RouteGroup.class);
        routes.addBinding().to(SignInGate.class);
        routes.addBinding().to(SignInPageRoutes.class);
        routes.addBinding().to(HealthRoutes.class);
        routes.addBinding().to(ApiTokenRoutes.class);
        routes.addBinding().to(ApiTokenPageRoutes.class);
        routes.addBinding().to(ClientRoutes.class);
        routes.addBinding().to(PsaMappingRoutes.class);
        routes.addBinding().to(RunbookRoutes.class);
        routes.addBinding().to(ModeRoutes.class);
        routes.addBinding().to(MspRoutes.class);
        routes.addBinding().to(PromptRoutes.class);
        routes.addBinding().to(DiagnosticsRoutes.class);
        routes.addBinding().to(ActivityRoutes.class);
        routes.addBinding().to(IntegrationRoutes.class);
        routes.addBinding().to(ApprovalRoutes.class);
        routes.addBinding().to(OpenApiRoutes.class);
        routes.addBinding().to(AgentGatewayRoutes.class);
        routes.addBinding().to(PsaWebhookRoutes.class);
        routes.addBinding().to(ClientListRoutes.class);
        routes.addBinding().to(ClientDetailRoutes.class);
        routes.addBinding().to(DiagnosticsPageRoutes.class);
        routes.addBinding().to(ActivityPageRoutes.class);
        routes.addBinding().to(SettingsRoutes.class);
        routes.addBinding().to(IntegrationPageRoutes.class);
        routes.addBinding().to(ApprovalPageRoutes.class);
        routes.addBinding().to(AssetRoutes.class);
    }

    @Provides
    @Singleton
    ObjectMapper objectMapper() {
        return JsonBodies.newMapper();
    }
}
