package dev.steward.adapter.web.api;

import static dev.steward.adapter.web.TestServer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.adapter.web.TestServer;
import dev.steward.adapter.web.agentgateway.AgentConfigurationJson;
import dev.steward.adapter.web.agentgateway.AssignmentJson;
import dev.steward.adapter.web.agentgateway.CheckInJson;
import dev.steward.adapter.web.agentgateway.CompleteJson;
import dev.steward.adapter.web.agentgateway.LeaseJson;
import dev.steward.adapter.web.agentgateway.PostedNoteJson;
import dev.steward.adapter.web.agentgateway.TakeJson;
import dev.steward.adapter.web.agentgateway.TicketPostJson;
import dev.steward.adapter.web.agentgateway.ToolAnswerJson;
import dev.steward.adapter.web.agentgateway.ToolCallJson;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document matches the routes actually registered (both ways) and the JSON records' fields. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static TestServer server;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        HttpResponse<String> response = server.get("/api/v1/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        document = parse(response);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The HTML dashboard is not part of the API; everything else the server answers must be documented. */
    private static boolean isApi(String route) {
        String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
        String path = route.substring(route.indexOf(' ') + 1);
        return METHODS.contains(method) && (path.startsWith("/api/") || path.startsWith("/agent/")
                || path.startsWith("/health") || path.equals("/metrics"));
    }

    private static Set<String> documentedRoutes() {
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .map(Map.Entry::getKey)
                .filter(METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return documented;
    }

    @Test
    void documentsEveryRegisteredRoute() {
        List<String> registered = server.routes().stream().filter(OpenApiDocumentTest::isApi).toList();

        assertThat(registered).as("the server registers API routes").hasSizeGreaterThan(10);
        assertThat(documentedRoutes()).containsAll(registered);
    }

    /** The agent API is documented by its owners route by route; the bootstrap-token exchange is one of them. */
    @Test
    void documentsTheAgentsBootstrapTokenExchange() {
        assertThat(server.routes()).contains("POST /agent/v1/sessions");
        assertThat(documentedRoutes()).contains("POST /agent/v1/sessions");
    }

    @Test
    void documentsNoRouteThatDoesNotExist() {
        assertThat(new TreeSet<>(server.routes())).containsAll(documentedRoutes());
    }

    @Test
    void isAnOpenApi31DocumentWhoseOperationsHaveIdsAndResponses() {
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        List<String> ids = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> METHODS.contains(op.getKey()))
                .forEach(op -> {
                    assertThat(op.getValue().path("responses").isEmpty()).as(op.getKey() + " " + path.getKey())
                            .isFalse();
                    ids.add(op.getValue().path("operationId").asText());
                }));
        assertThat(ids).doesNotHaveDuplicates().doesNotContain("");
    }

    @Test
    void resolvesEveryReference() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(document.at(ref.substring(1)).isMissingNode())
                .as(ref).isFalse());
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    @Test
    void describesTheJsonRecordsFieldForField() {
        Map<String, Class<? extends Record>> schemas = Map.ofEntries(
                Map.entry("Client", ClientJson.class),
                Map.entry("DeployStatus", ClientJson.DeployStatusJson.class),
                Map.entry("StatusChange", StatusChangeJson.class),
                Map.entry("ClientPage", ClientPageJson.class),
                Map.entry("ClientListItem", ClientListItemJson.class),
                Map.entry("CreateClient", CreateClientJson.class),
                Map.entry("ChangeMode", ChangeModeJson.class),
                Map.entry("DeleteClient", DeleteClientJson.class),
                Map.entry("Prompt", PromptJson.class),
                Map.entry("ClientPrompt", ClientPromptJson.class),
                Map.entry("ComposedPrompt", ComposedPromptJson.class),
                Map.entry("Msp", MspJson.class),
                Map.entry("DefaultMode", DefaultModeJson.class),
                Map.entry("Diagnostics", DiagnosticsJson.class),
                Map.entry("Health", DiagnosticsJson.HealthJson.class),
                Map.entry("LogLine", DiagnosticsJson.LogLineJson.class),
                Map.entry("ResourceUsage", DiagnosticsJson.UsageJson.class),
                Map.entry("Activity", ActivityJson.class),
                Map.entry("ActivityPage", ActivityPageJson.class),
                Map.entry("UsedWorkflow", UsedWorkflowJson.class),
                Map.entry("IntegrationKind", IntegrationKindJson.class),
                Map.entry("IntegrationSetting", IntegrationKindJson.SettingJson.class),
                Map.entry("IntegrationKindTool", IntegrationKindJson.KindToolJson.class),
                Map.entry("Integration", IntegrationJson.class),
                Map.entry("MaskedSecret", IntegrationJson.SecretJson.class),
                Map.entry("IntegrationTool", IntegrationJson.ToolJson.class),
                Map.entry("IntegrationList", IntegrationListJson.class),
                Map.entry("ConnectIntegration", ConnectIntegrationJson.class),
                Map.entry("ToolPolicy", ToolPolicyJson.class),
                Map.entry("Approval", ApprovalJson.class),
                Map.entry("ApprovalList", ApprovalListJson.class),
                Map.entry("Decision", DecisionJson.class),
                Map.entry("Workflow", WorkflowJson.class),
                Map.entry("WorkflowCheck", WorkflowJson.CheckJson.class),
                Map.entry("WorkflowAction", WorkflowJson.ActionJson.class),
                Map.entry("WorkflowVersion", WorkflowJson.VersionJson.class),
                Map.entry("WorkflowList", WorkflowListJson.class),
                Map.entry("WriteWorkflow", WriteWorkflowJson.class),
                Map.entry("WorkflowStatusChange", WorkflowStatusJson.class),
                Map.entry("ApiToken", ApiTokenJson.class),
                Map.entry("NewApiToken", NewApiTokenJson.class),
                Map.entry("User", UserJson.class),
                Map.entry("NewUser", NewUserJson.class),
                Map.entry("UserCredential", UserCredentialJson.class),
                Map.entry("ChangeRole", ChangeRoleJson.class),
                Map.entry("PasswordReset", PasswordResetJson.class),
                Map.entry("ChangePassword", ChangePasswordJson.class),
                Map.entry("OperatorMsp", OperatorMspJson.class),
                Map.entry("NewMsp", NewMspJson.class),
                Map.entry("FirstAdmin", FirstAdminJson.class),
                Map.entry("ClientUsage", ClientUsageJson.class),
                Map.entry("TokenBudget", TokenBudgetJson.class),
                Map.entry("AgentConfiguration", AgentConfigurationJson.class),
                Map.entry("AgentTool", AgentConfigurationJson.ToolJson.class),
                Map.entry("AgentReasoner", AgentConfigurationJson.ReasonerJson.class),
                Map.entry("AgentWorkflow", AgentConfigurationJson.WorkflowJson.class),
                Map.entry("AgentWorkflowCheck", AgentConfigurationJson.CheckJson.class),
                Map.entry("AgentWorkflowAction", AgentConfigurationJson.ActionJson.class),
                Map.entry("AgentAppliedWorkflow", TicketPostJson.AppliedWorkflowJson.class),
                Map.entry("CheckIn", CheckInJson.class),
                Map.entry("Take", TakeJson.class),
                Map.entry("Lease", LeaseJson.class),
                Map.entry("Complete", CompleteJson.class),
                Map.entry("Assignment", AssignmentJson.class),
                Map.entry("AssignmentSession", AssignmentJson.SessionJson.class),
                Map.entry("AssignmentTask", AssignmentJson.TaskJson.class),
                Map.entry("StepResult", AssignmentJson.StepResultJson.class),
                Map.entry("ToolCall", ToolCallJson.class),
                Map.entry("ToolAnswer", ToolAnswerJson.class),
                Map.entry("TicketPost", TicketPostJson.class),
                Map.entry("PostedNote", PostedNoteJson.class),
                Map.entry("ClientMapping", ClientMappingJson.class),
                Map.entry("MapClient", ClientMappingJson.MapClientJson.class),
                Map.entry("MappingChoice", ClientMappingJson.ChoiceJson.class),
                Map.entry("MappingChoiceList", ClientMappingJson.ChoiceListJson.class),
                Map.entry("DirectoryEntry", ClientMappingJson.EntryJson.class),
                Map.entry("DirectoryPage", ClientMappingJson.DirectoryPageJson.class));
        schemas.forEach((name, type) -> {
            Set<String> documented = new TreeSet<>();
            document.path("components").path("schemas").path(name).path("properties").fieldNames()
                    .forEachRemaining(documented::add);
            Set<String> fields = new TreeSet<>(fieldsOf(type));
            assertThat(documented).as("schema " + name + " vs " + type.getSimpleName()).isEqualTo(fields);
        });
    }

    /** The JSON fields of a record: its components, with those of an {@code @JsonUnwrapped} one in its place. */
    private static List<String> fieldsOf(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                .flatMap(c -> c.getAccessor().isAnnotationPresent(JsonUnwrapped.class) ? fieldsOf(c.getType()).stream()
                        : java.util.stream.Stream.of(c.getName()))
                .toList();
    }
}
