package dev.steward.adapter.m365;

import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.Directory;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.integration.Tool;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

/**
 * A connected {@code m365} integration: the partner app's credential, its token cache, the partner's customer
 * tenants. A tool call runs in the customer tenant its client is mapped to, and only while that tenant is still an
 * active GDAP customer of the partner; a client without a mapping gets no call at all, so one client's call can
 * never reach another client's tenant.
 */
final class M365Connection implements IntegrationConnection {

    private final List<Tool> tools;
    private final M365Tools definitions;
    private final Graph graph;
    private final HttpClient http;
    private final CustomerTenants customers;

    M365Connection(List<Tool> tools, M365Tools definitions, Graph graph, HttpClient http, CustomerTenants customers) {
        this.tools = List.copyOf(tools);
        this.definitions = definitions;
        this.graph = graph;
        this.http = http;
        this.customers = customers;
    }

    @Override
    public List<Tool> tools() {
        return tools;
    }

    @Override
    public ToolResult execute(ToolCall call) {
        M365Tools.Definition tool = definitions.find(call.tool().value())
                .orElseThrow(() -> new NotFound("tool", call.tool().value()));
        ClientMapping mapping = call.mapping().orElseThrow(() -> PortFailure.permanent(Graph.PORT,
                "This client is not mapped to a Microsoft 365 customer tenant: choose its tenant on the client's "
                        + "Integrations tab (or PUT /api/v1/clients/{slug}/mappings/m365)", null));
        String tenant = mapping.externalId();
        String label = "tenant " + (mapping.label().isBlank() ? tenant : mapping.label());
        if (!M365Settings.GUID.matcher(tenant).matches() || customers.active(tenant).isEmpty()) {
            throw PortFailure.permanent(Graph.PORT, "Microsoft 365 " + label + " (" + tenant + ") is not an active "
                    + "GDAP customer of the partner tenant (the relationship ended, is pending, or never existed); "
                    + "map the client to one of the partner's customer tenants again", null);
        }
        Outcome outcome = tool.run().apply(new TenantGraph(graph, tenant, label), new Arguments(call.arguments()));
        return new ToolResult(outcome.summary(), outcome.revealOnce());
    }

    @Override
    public Optional<Directory> directory() {
        return Optional.of(new M365Directory(customers));
    }

    @Override
    public void close() {
        http.close();
    }
}
