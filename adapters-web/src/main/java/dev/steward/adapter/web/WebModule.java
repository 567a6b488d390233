package dev.steward.adapter.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.steward.adapter.web.agentgateway.AgentGatewayRoutes;
import dev.steward.adapter.web.api.ActivityRoutes;
import dev.steward.adapter.web.api.ApiTokenRoutes;
import dev.steward.adapter.web.api.ApprovalRoutes;
import dev.steward.adapter.web.api.ClientMappingRoutes;
import dev.steward.adapter.web.api.ClientRoutes;
import dev.steward.adapter.web.api.DiagnosticsRoutes;
import dev.steward.adapter.web.api.DryRunRoutes;
import dev.steward.adapter.web.api.IdentityRoutes;
import dev.steward.adapter.web.api.IntegrationRoutes;
import dev.steward.adapter.web.api.ModeRoutes;
import dev.steward.adapter.web.api.MspRoutes;
import dev.steward.adapter.web.api.OpenApiRoutes;
import dev.steward.adapter.web.api.OperatorRoutes;
import dev.steward.adapter.web.api.PromptRoutes;
import dev.steward.adapter.web.api.PsaMappingRoutes;
import dev.steward.adapter.web.api.UsageRoutes;
import dev.steward.adapter.web.api.UserRoutes;
import dev.steward.adapter.web.api.WorkflowRoutes;
import dev.steward.adapter.web.dashboard.AccountPageRoutes;
import dev.steward.adapter.web.dashboard.ActivityPageRoutes;
import dev.steward.adapter.web.dashboard.ApiTokenPageRoutes;
import dev.steward.adapter.web.dashboard.ApprovalPageRoutes;
import dev.steward.adapter.web.dashboard.AssetRoutes;
import dev.steward.adapter.web.dashboard.ClientDetailRoutes;
import dev.steward.adapter.web.dashboard.ClientListRoutes;
import dev.steward.adapter.web.dashboard.DiagnosticsPageRoutes;
import dev.steward.adapter.web.dashboard.DryRunPageRoutes;
import dev.steward.adapter.web.dashboard.IntegrationPageRoutes;
import dev.steward.adapter.web.dashboard.MappingPageRoutes;
import dev.steward.adapter.web.dashboard.PsaImportPageRoutes;
import dev.steward.adapter.web.dashboard.SettingsRoutes;
import dev.steward.adapter.web.dashboard.SignInPageRoutes;
import dev.steward.adapter.web.dashboard.UserPageRoutes;
import dev.steward.adapter.web.dashboard.WorkflowPageRoutes;
import dev.steward.adapter.web.hooks.PsaWebhookRoutes;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.ControlCharacters;
import dev.steward.adapter.web.http.IdempotencyKeys;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.http.SecurityHeaders;
import dev.steward.adapter.web.metrics.MetricsRoutes;
import dev.steward.adapter.web.metrics.MicrometerMetricsRecorder;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.adapter.web.signin.Argon2idPasswordHasher;
import dev.steward.adapter.web.signin.SignInGate;
import dev.steward.adapter.web.signin.SignedInCaller;
import dev.steward.application.lifecycle.Lifecycle;
import dev.steward.application.port.access.PasswordHasher;
import dev.steward.application.port.activity.MetricsRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Guice module of the web adapter.
 *
 * <p>Binds: {@link WebSettings} (given), {@link WebServer} (eager singleton, added to the {@code Set<Lifecycle>}
 * multibinder: bootstrap starts it last and stops it first), the
 * adapter's {@link ObjectMapper}, {@link JsonBodies}, {@link ProblemMapper}, {@link IdempotencyKeys},
 * {@link CallerResolver} ({@link SignedInCaller}: the caller the {@link SignInGate} found), the core's
 * {@link MetricsRecorder} (to {@link MicrometerMetricsRecorder}) on a {@link PrometheusMeterRegistry} with the JVM's
 * meters, served with HTTP timings by {@link MetricsRoutes} ({@code GET /metrics}), the
 * {@link PasswordHasher} (Argon2id) and the {@link RouteGroup} multibinder: {@link SecurityHeaders},
 * {@link ControlCharacters}, the {@link SignInGate} and {@link SignInPageRoutes}, {@code HealthRoutes}; the API
 * tokens' {@link ApiTokenRoutes} and {@link ApiTokenPageRoutes}; users' {@link UserRoutes}, {@link UserPageRoutes}
 * and {@link AccountPageRoutes}; operators' {@link OperatorRoutes}; the API's {@link ClientRoutes}, {@link ModeRoutes},
 * {@link MspRoutes}, {@link PromptRoutes}, {@link DiagnosticsRoutes}, {@link ActivityRoutes}, {@link OpenApiRoutes},
 * {@link IntegrationRoutes}, {@link ClientMappingRoutes}, {@link ApprovalRoutes}, {@link UsageRoutes},
 * {@link DryRunRoutes};
 * the dashboard's {@link ClientListRoutes}, {@link ClientDetailRoutes}, {@link DryRunPageRoutes}, {@link ActivityPageRoutes},
 * {@link DiagnosticsPageRoutes}, {@link SettingsRoutes}, {@link IntegrationPageRoutes}, {@link MappingPageRoutes},
 * {@link PsaImportPageRoutes},
 * {@link ApprovalPageRoutes},
 * {@link AssetRoutes};
 * the agent API's {@link AgentGatewayRoutes}; the PSA webhooks' {@link PsaWebhookRoutes}.
 *
 * <p>Needs from other modules (bootstrap's {@code CoreModule}): {@code java.time.Clock} and the use cases
 * {@code CreateClientUseCase}, {@code ListClientsUseCase}, {@code SummarizeClientActivityUseCase}, {@code DryRunUseCase},
 * {@code GetClientUseCase}, {@code DeleteClientUseCase},
 * {@code ListStatusHistoryUseCase}, {@code RetryProvisioningUseCase}, {@code ChangeOperatingModeUseCase},
 * {@code ChangeDefaultModeUseCase}, {@code GetMspUseCase}, {@code ListMspsUseCase}, {@code EditMspPromptUseCase},
 * {@code EditClientPromptUseCase}, {@code PreviewPromptUseCase}, {@code GetDiagnosticsUseCase},
 * {@code ListActivityUseCase}, {@code ListIntegrationKindsUseCase}, {@code ListIntegrationsUseCase},
 * {@code ConnectIntegrationUseCase}, {@code GetIntegrationUseCase}, {@code DisconnectIntegrationUseCase},
 * {@code SetToolPolicyUseCase}, {@code MarkToolSensitiveUseCase}, {@code ListApprovalsUseCase},
 * {@code ConfirmIdentityUseCase}, {@code DecideApprovalUseCase},
 * {@code AgentApi} (the agent API's use cases), {@code ReceiveTicketWebhookUseCase}, {@code IntakeTicketUseCase},
 * {@code GetClientUsageUseCase}, {@code GetTokenBudgetUseCase}, {@code SetTokenBudgetUseCase},
 * {@code MapClientToPsaUseCase}, {@code ListWorkflowsUseCase}, {@code GetWorkflowUseCase},
 * {@code CreateWorkflowUseCase}, {@code EditWorkflowUseCase}, {@code ChangeWorkflowStatusUseCase},
 * {@code BrowseDirectoryUseCase}, {@code ImportPsaCompaniesUseCase}, {@code FindImportedCompaniesUseCase},
 * {@code ListClientMappingsUseCase},
 * {@code MapClientUseCase}, {@code SignInUseCase}, {@code AuthenticateUseCase}, {@code ApiTokensUseCase},
 * {@code ManageUsersUseCase}, {@code PasswordsUseCase}, {@code OperatorCredentialsUseCase}, {@code OperatorMspsUseCase},
 * {@code AnswerOnceUseCase}, {@code CheckReadinessUseCase}
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
        Multibinder.newSetBinder(binder(), Lifecycle.class).addBinding().to(WebServer.class);
        bind(ProblemMapper.class).in(Singleton.class);
        bind(JsonBodies.class).in(Singleton.class);
        bind(IdempotencyKeys.class).in(Singleton.class);
        bind(CallerResolver.class).to(SignedInCaller.class).in(Singleton.class);
        bind(PasswordHasher.class).toInstance(Argon2idPasswordHasher.recommended());
        Multibinder<RouteGroup> routes = Multibinder.newSetBinder(binder(), RouteGroup.class);
        routes.addBinding().to(SecurityHeaders.class);
        routes.addBinding().to(SignInGate.class);
        routes.addBinding().toInstance(new ControlCharacters());
        routes.addBinding().to(SignInPageRoutes.class);
        routes.addBinding().to(HealthRoutes.class);
        routes.addBinding().to(ApiTokenRoutes.class);
        routes.addBinding().to(ApiTokenPageRoutes.class);
        routes.addBinding().to(UserRoutes.class);
        routes.addBinding().to(OperatorRoutes.class);
        routes.addBinding().to(UserPageRoutes.class);
        routes.addBinding().to(AccountPageRoutes.class);
        routes.addBinding().to(ClientRoutes.class);
        routes.addBinding().to(PsaMappingRoutes.class);
        routes.addBinding().to(ClientMappingRoutes.class);
        routes.addBinding().to(WorkflowRoutes.class);
        routes.addBinding().to(WorkflowPageRoutes.class);
        routes.addBinding().to(ModeRoutes.class);
        routes.addBinding().to(MspRoutes.class);
        routes.addBinding().to(PromptRoutes.class);
        routes.addBinding().to(DiagnosticsRoutes.class);
        routes.addBinding().to(ActivityRoutes.class);
        routes.addBinding().to(IntegrationRoutes.class);
        routes.addBinding().to(ApprovalRoutes.class);
        routes.addBinding().to(IdentityRoutes.class);
        routes.addBinding().to(UsageRoutes.class);
        routes.addBinding().to(DryRunRoutes.class);
        routes.addBinding().to(OpenApiRoutes.class);
        routes.addBinding().to(AgentGatewayRoutes.class);
        routes.addBinding().to(PsaWebhookRoutes.class);
        routes.addBinding().to(ClientListRoutes.class);
        routes.addBinding().to(ClientDetailRoutes.class);
        routes.addBinding().to(DryRunPageRoutes.class);
        routes.addBinding().to(DiagnosticsPageRoutes.class);
        routes.addBinding().to(ActivityPageRoutes.class);
        routes.addBinding().to(SettingsRoutes.class);
        routes.addBinding().to(IntegrationPageRoutes.class);
        routes.addBinding().to(MappingPageRoutes.class);
        routes.addBinding().to(PsaImportPageRoutes.class);
        routes.addBinding().to(ApprovalPageRoutes.class);
        routes.addBinding().to(AssetRoutes.class);
        routes.addBinding().to(MetricsRoutes.class);
        bind(MetricsRoutes.Token.class).toInstance(new MetricsRoutes.Token(settings.metricsToken()));
        bind(MeterRegistry.class).to(PrometheusMeterRegistry.class);
        bind(MetricsRecorder.class).to(MicrometerMetricsRecorder.class).in(Singleton.class);
    }

    /** The registry /metrics serves, with the JVM's own meters (memory, GC, threads, classes, CPU, uptime). */
    @Provides
    @Singleton
    PrometheusMeterRegistry meterRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return registry;
    }

    @Provides
    @Singleton
    ObjectMapper objectMapper() {
        return JsonBodies.newMapper();
    }

    /** From the bound settings (tests override them), so the http package needs nothing of this one. */
    @Provides
    @Singleton
    SecurityHeaders securityHeaders(WebSettings webSettings) {
        return new SecurityHeaders(webSettings.trustProxy(), webSettings.publicUrl());
    }
}
