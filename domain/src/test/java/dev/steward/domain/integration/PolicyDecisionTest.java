package dev.steward.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.integration.PolicyDecision.AskApproval;
import dev.steward.domain.integration.PolicyDecision.Reason;
import dev.steward.domain.integration.PolicyDecision.Refuse;
import dev.steward.domain.integration.PolicyDecision.Run;
import dev.steward.domain.mode.EffectiveMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyDecisionTest {

    private static final long SEED = Long.getLong("steward.seed", System.nanoTime());
    private static final Tool READ = Tool.readOnly("m365:get-user", "");
    private static final Tool WRITE = Tool.write("m365:reset-password", "");

    /** The gate written out for every (mode, effect, policy): PRODUCT.md §1 "Operating modes" and "tool policies". */
    static Stream<Arguments> everyCombination() {
        return Stream.of(
                Arguments.of(EffectiveMode.PLAN, READ, ToolPolicy.AUTO, "run"),
                Arguments.of(EffectiveMode.PLAN, READ, ToolPolicy.APPROVAL_NEEDED, "refuse by mode"),
                Arguments.of(EffectiveMode.PLAN, READ, ToolPolicy.DISABLED, "refuse by policy"),
                Arguments.of(EffectiveMode.PLAN, WRITE, ToolPolicy.AUTO, "refuse by mode"),
                Arguments.of(EffectiveMode.PLAN, WRITE, ToolPolicy.APPROVAL_NEEDED, "refuse by mode"),
                Arguments.of(EffectiveMode.PLAN, WRITE, ToolPolicy.DISABLED, "refuse by policy"),
                Arguments.of(EffectiveMode.EXECUTE, READ, ToolPolicy.AUTO, "run"),
                Arguments.of(EffectiveMode.EXECUTE, READ, ToolPolicy.APPROVAL_NEEDED, "ask approval"),
                Arguments.of(EffectiveMode.EXECUTE, READ, ToolPolicy.DISABLED, "refuse by policy"),
                Arguments.of(EffectiveMode.EXECUTE, WRITE, ToolPolicy.AUTO, "run"),
                Arguments.of(EffectiveMode.EXECUTE, WRITE, ToolPolicy.APPROVAL_NEEDED, "ask approval"),
                Arguments.of(EffectiveMode.EXECUTE, WRITE, ToolPolicy.DISABLED, "refuse by policy"));
    }

    @ParameterizedTest(name = "{0} mode, {1}, {2}: {3}")
    @MethodSource("everyCombination")
    void decidesEachCombinationAsTheProductSays(EffectiveMode mode, Tool tool, ToolPolicy policy, String expected) {
        PolicyDecision decision = PolicyDecision.decide(mode, tool, policy);

        String actual = switch (decision) {
            case Run run -> "run";
            case AskApproval ask -> "ask approval";
            case Refuse refuse -> "refuse " + (refuse.reason() == Reason.BY_MODE ? "by mode" : "by policy");
        };
        assertThat(actual).isEqualTo(expected);
    }

    record Combination(EffectiveMode mode, Tool tool, ToolPolicy policy) {}

    /** Many generated (mode, tool, policy) triples: names from the MCP and catalog shapes, effects either way. */
    static Stream<Arguments> generatedCombinations() {
        Random random = new Random(SEED);
        String[] verbs = {"get", "list", "search", "fetch", "create", "update", "delete", "send", "reset", "disable",
            "read", "find", "lookup", "assign", "remove"};
        String[] nouns = {"user", "mailbox", "ticket", "license", "group", "device", "article", "password", "mfa"};
        String[] integrations = {"m365", "hudu", "itglue", "connectwise", "halopsa", "autotask", "mcp:crm",
            "mcp:docs"};
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String name = integrations[random.nextInt(integrations.length)] + ":" + verbs[random.nextInt(verbs.length)]
                    + (random.nextBoolean() ? "-" : "_") + nouns[random.nextInt(nouns.length)];
            ToolName toolName = ToolName.of(name);
            ToolEffect effect = name.startsWith("mcp:") ? ToolPolicy.effectGuessedFromName(toolName)
                    : ToolEffect.values()[random.nextInt(2)];
            EffectiveMode mode = EffectiveMode.values()[random.nextInt(2)];
            ToolPolicy policy = ToolPolicy.values()[random.nextInt(3)];
            out.add(Arguments.argumentSet("seed " + SEED + " #" + i + ": " + mode.label() + " " + name + " ("
                    + effect.label() + ", " + policy.label() + ")",
                    new Combination(mode, new Tool(toolName, effect, ""), policy)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("generatedCombinations")
    void neverLetsPlanModeWriteOrAskAndAlwaysRefusesADisabledTool(Combination c) {
        PolicyDecision decision = PolicyDecision.decide(c.mode(), c.tool(), c.policy());

        if (c.policy() == ToolPolicy.DISABLED) {
            assertThat(decision).isInstanceOfSatisfying(Refuse.class,
                    refuse -> assertThat(refuse.reason()).isEqualTo(Reason.BY_POLICY));
        }
        if (c.mode() == EffectiveMode.PLAN) {
            assertThat(decision).as("plan mode never asks for approval").isNotInstanceOf(AskApproval.class);
            if (c.tool().effect() == ToolEffect.WRITE) {
                assertThat(decision).as("plan mode never runs a write tool").isInstanceOf(Refuse.class);
            }
            if (decision instanceof Run) {
                assertThat(c.tool().effect()).isEqualTo(ToolEffect.READ_ONLY);
                assertThat(c.policy()).isEqualTo(ToolPolicy.AUTO);
            }
        }
        if (c.mode() == EffectiveMode.EXECUTE) {
            switch (c.policy()) {
                case AUTO -> assertThat(decision).isInstanceOf(Run.class);
                case APPROVAL_NEEDED -> assertThat(decision).isEqualTo(new AskApproval(c.tool().name()));
                case DISABLED -> assertThat(decision).isInstanceOf(Refuse.class);
            }
        }
        if (decision instanceof Refuse refuse) {
            assertThat(refuse.message()).as("a refusal names the tool").contains(c.tool().name().value());
        }
    }

    @Test
    void explainsWhyPlanModeRefusesAWriteTool() {
        assertThat(PolicyDecision.decide(EffectiveMode.PLAN, WRITE, ToolPolicy.AUTO)).isEqualTo(new Refuse(
                Reason.BY_MODE, "m365:reset-password is a write tool and the agent is in plan mode"));
    }

    @Test
    void requiresModeToolAndPolicy() {
        assertThatThrownBy(() -> PolicyDecision.decide(null, READ, ToolPolicy.AUTO))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PolicyDecision.decide(EffectiveMode.PLAN, null, ToolPolicy.AUTO))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PolicyDecision.decide(EffectiveMode.PLAN, READ, null))
                .isInstanceOf(NullPointerException.class);
    }
}
