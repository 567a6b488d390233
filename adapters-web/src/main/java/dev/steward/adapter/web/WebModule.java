package dev.steward.adapter.web;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.steward.adapter.web.agentgateway.AgentGatewayRoutes;

/**
 * Guice module of the web adapter. Binds: {@link WebServer}, the {@link RouteGroup}s, {@link WebSettings} (given).
 * Needs from other modules: the application's use cases (incl. {@code AgentGatewayUseCase}).
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
        Multibinder<RouteGroup> routes = Multibinder.newSetBinder(binder(), RouteGroup.class);
        routes.addBinding().to(HealthRoutes.class);
        routes.addBinding().to(AgentGatewayRoutes.class);
    }
}
