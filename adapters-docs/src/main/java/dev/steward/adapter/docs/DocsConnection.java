package dev.steward.adapter.docs;

import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.Directory;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.ToolCall;
import dev.steward.application.spi.ToolResult;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.integration.Tool;
import java.util.List;
import java.util.Optional;

/**
 * A connected documentation platform. Every call runs inside the company / organization the calling client is mapped
 * to, whatever ids its arguments carry ({@link DocsPlatform} refuses records of any other); a client without a
 * mapping gets a clear "no documentation company mapped" failure, which the gateway records and the reasoner reads
 * before going on without documentation.
 */
final class DocsConnection implements IntegrationConnection {

    private final String kind;
    private final List<Tool> tools;
    private final DocsPlatform platform;
    private final DocsTools run;

    DocsConnection(String kind, List<Tool> tools, DocsPlatform platform) {
        this.kind = kind;
        this.tools = List.copyOf(tools);
        this.platform = platform;
        this.run = new DocsTools(platform);
    }

    @Override
    public List<Tool> tools() {
        return tools;
    }

    @Override
    public ToolResult execute(ToolCall call) {
        if (tools.stream().noneMatch(tool -> tool.name().equals(call.tool()))) {
            throw new NotFound("tool", call.tool().value());
        }
        ClientMapping mapping = call.mapping().orElseThrow(() -> noCompanyMapped(platform, kind));
        String where = platform.platform() + " " + platform.companyWord() + " "
                + (mapping.label().isBlank() ? "#" + mapping.externalId() : mapping.label());
        try {
            DocsTools.Outcome outcome = run.run(call.tool().action(), mapping.externalId(), where, call.arguments());
            return new ToolResult(outcome.summary(), outcome.reveal());
        } catch (DocsHttp.KeyRefused e) {
            throw PortFailure.permanent(platform.port(), e.getMessage() + "; reconnect the integration with a valid "
                    + "key", null);
        }
    }

    /** The failure every documentation tool gives a client that is not mapped to a company of the platform. */
    static PortFailure noCompanyMapped(DocsPlatform platform, String kind) {
        return PortFailure.permanent(platform.port(), "No documentation company mapped: this client is not mapped to "
                + "a " + platform.platform() + " " + platform.companyWord() + ", so its " + platform.platform()
                + " documentation cannot be read. Go on without it; a technician maps the client on its Integrations "
                + "tab (or PUT /api/v1/clients/{slug}/mappings/" + kind + ").", null);
    }

    @Override
    public Optional<Directory> directory() {
        return Optional.of(new DocsDirectory(platform));
    }

    @Override
    public void close() {
        platform.close();
    }
}
