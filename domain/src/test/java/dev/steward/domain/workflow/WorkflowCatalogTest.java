package dev.steward.domain.workflow;

import static dev.steward.domain.workflow.WorkflowFixtures.ACME;
import static dev.steward.domain.workflow.WorkflowFixtures.GLOBEX;
import static dev.steward.domain.workflow.WorkflowFixtures.MSP;
import static dev.steward.domain.workflow.WorkflowFixtures.workflow;
import static dev.steward.domain.workflow.WorkflowStatus.ACTIVE;
import static dev.steward.domain.workflow.WorkflowStatus.ARCHIVED;
import static dev.steward.domain.workflow.WorkflowStatus.DRAFT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.domain.msp.MspId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkflowCatalogTest {

    private static final WorkflowScope ACME_ONLY = new WorkflowScope.OneClient(MSP, ACME);
    private static final WorkflowScope GLOBEX_ONLY = new WorkflowScope.OneClient(MSP, GLOBEX);
    private static final WorkflowScope MSP_WIDE = new WorkflowScope.MspWide(MSP);
    private static final WorkflowScope BUILT_IN = new WorkflowScope.BuiltIn();
    private static final WorkflowScope OTHER_MSP = new WorkflowScope.MspWide(new MspId(UUID.randomUUID()));

    private static final String LOCKED = "A user is \"locked out\".";

    /**
     * The workflows (scope, name, status) stored, and the labels (scope/name) of those in force for Acme, in order.
     */
    static Stream<Arguments> precedence() {
        return Stream.of(
                Arguments.of("a client's replaces its MSP's and the built-in one of the same name",
                        List.of(w(BUILT_IN, "Locked out", ACTIVE), w(MSP_WIDE, "Locked out", ACTIVE),
                                w(ACME_ONLY, "Locked out", ACTIVE)),
                        List.of("client/Locked out")),
                Arguments.of("an MSP's replaces the built-in one, ignoring case",
                        List.of(w(BUILT_IN, "Locked out", ACTIVE), w(MSP_WIDE, "LOCKED OUT", ACTIVE)),
                        List.of("msp/LOCKED OUT")),
                Arguments.of("different names all apply: client, then MSP, then built in, each by name",
                        List.of(w(BUILT_IN, "A built-in", ACTIVE), w(MSP_WIDE, "Z msp", ACTIVE),
                                w(MSP_WIDE, "B msp", ACTIVE), w(ACME_ONLY, "Y client", ACTIVE)),
                        List.of("client/Y client", "msp/B msp", "msp/Z msp", "builtin/A built-in")),
                Arguments.of("an archived client workflow replaces nothing",
                        List.of(w(MSP_WIDE, "Locked out", ACTIVE), w(ACME_ONLY, "Locked out", ARCHIVED)),
                        List.of("msp/Locked out")),
                Arguments.of("a draft replaces nothing and does not apply",
                        List.of(w(BUILT_IN, "Locked out", ACTIVE), w(MSP_WIDE, "Locked out", DRAFT)),
                        List.of("builtin/Locked out")),
                Arguments.of("another client's and another MSP's workflows are not in scope",
                        List.of(w(GLOBEX_ONLY, "Locked out", ACTIVE), w(OTHER_MSP, "Locked out", ACTIVE),
                                w(BUILT_IN, "Locked out", ACTIVE)),
                        List.of("builtin/Locked out")),
                Arguments.of("another client's workflow replaces nothing for this one",
                        List.of(w(GLOBEX_ONLY, "Locked out", ACTIVE), w(MSP_WIDE, "Locked out", ACTIVE)),
                        List.of("msp/Locked out")),
                Arguments.of("only archived and drafts: nothing", List.of(w(ACME_ONLY, "A", ARCHIVED),
                        w(MSP_WIDE, "B", DRAFT)), List.of()));
    }

    private static Workflow w(WorkflowScope scope, String name, WorkflowStatus status) {
        return workflow(scope, name, LOCKED, status);
    }

    private static String label(Workflow w) {
        String scope = switch (w.scope()) {
            case WorkflowScope.OneClient c -> "client";
            case WorkflowScope.MspWide m -> "msp";
            case WorkflowScope.BuiltIn b -> "builtin";
        };
        return scope + "/" + w.name();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void keepsTheActiveWorkflowsInScopeByPrecedence(String situation, List<Workflow> stored, List<String> inForce) {
        WorkflowCatalog catalog = WorkflowCatalog.forClient(MSP, ACME, stored);

        assertThat(catalog.inForce()).extracting(WorkflowCatalogTest::label).containsExactlyElementsOf(inForce);
        assertThat(catalog.matching("I am locked out")).extracting(m -> label(m.workflow()))
                .containsExactlyElementsOf(inForce);
    }

    @Test
    void severalWorkflowsMatchAndCombineEachWithItsPhrase() {
        Workflow locked = workflow(MSP_WIDE, "Locked out", LOCKED, ACTIVE);
        Workflow mfa = workflow(BUILT_IN, "MFA", "They mention \"MFA\" or \"new phone\".", ACTIVE);
        Workflow vpn = workflow(ACME_ONLY, "VPN", "The \"VPN\" is down.", ACTIVE);
        WorkflowCatalog catalog = WorkflowCatalog.forClient(MSP, ACME, List.of(locked, mfa, vpn));

        List<WorkflowCatalog.Match> matches = catalog.matching("New phone, and now I'm locked out");

        assertThat(matches).containsExactly(new WorkflowCatalog.Match(locked, "locked out"),
                new WorkflowCatalog.Match(mfa, "new phone"));
        assertThat(catalog.matching("nothing relevant")).isEmpty();
        assertThat(catalog.matching("vpn: MFA")).extracting(m -> m.workflow().name().value())
                .containsExactly("VPN", "MFA");
    }

    @Test
    void aWorkflowWithoutQuotedPhrasesIsInForceButMatchesNoText() {
        Workflow modelOnly = workflow(MSP_WIDE, "Locked out", "A user is locked out of their account.", ACTIVE);
        WorkflowCatalog catalog = WorkflowCatalog.forClient(MSP, ACME, List.of(modelOnly));

        assertThat(catalog.inForce()).containsExactly(modelOnly);
        assertThat(catalog.matching("A user is locked out of their account.")).isEmpty();
    }
}
