package dev.steward.domain.integration;

import static dev.steward.domain.integration.ToolParameter.Type.BOOLEAN;
import static dev.steward.domain.integration.ToolParameter.Type.INTEGER;
import static dev.steward.domain.integration.ToolParameter.Type.JSON;
import static dev.steward.domain.integration.ToolParameter.Type.NUMBER;
import static dev.steward.domain.integration.ToolParameter.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.problem.InvalidValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ToolInputTest {

    static final ToolInput UPDATE_STATUS = ToolInput.of(
            ToolParameter.required("ticket", STRING, "The ticket id").matching("[0-9]{1,12}"),
            ToolParameter.required("status", STRING, "The status name").atMost(50),
            ToolParameter.optional("notify", BOOLEAN, "E-mail the contact"),
            ToolParameter.optional("minutes", INTEGER, "Time spent"),
            ToolParameter.optional("weight", NUMBER, "A weight"),
            ToolParameter.optional("priority", STRING, "Priority").oneOf("low", "high"),
            ToolParameter.optional("extra", JSON, "Anything"));

    private static List<String> fields(List<InvalidValue> problems) {
        return problems.stream().map(InvalidValue::field).toList();
    }

    @Nested
    class Checking {

        @Test
        void acceptsArgumentsThatFitEveryParameter() {
            assertThat(UPDATE_STATUS.check(Map.of("ticket", "4711", "status", "Closed", "notify", "true",
                    "minutes", "-15", "weight", "2.5e1", "priority", "high", "extra", "{\"a\":[1,2]}"))).isEmpty();
            assertThat(UPDATE_STATUS.check(Map.of("ticket", "4711", "status", "Closed"))).isEmpty();
        }

        @Test
        void namesEveryMissingRequiredArgument() {
            assertThat(UPDATE_STATUS.check(Map.of())).extracting(InvalidValue::code)
                    .containsExactly("arguments.ticket.required", "arguments.status.required");
        }

        @Test
        void namesEveryArgumentOfTheWrongTypeOrShape() {
            List<InvalidValue> problems = UPDATE_STATUS.check(Map.of("ticket", "47a", "status", "x".repeat(51),
                    "notify", "yes", "minutes", "1.5", "weight", "heavy", "priority", "medium", "extra", "{oops"));

            assertThat(fields(problems)).containsExactlyInAnyOrder("arguments.ticket", "arguments.status",
                    "arguments.notify", "arguments.minutes", "arguments.weight", "arguments.priority",
                    "arguments.extra");
            assertThat(problems).extracting(InvalidValue::getMessage).contains(
                    "arguments.ticket must match [0-9]{1,12}", "arguments.status must be at most 50 characters",
                    "arguments.notify must be true or false", "arguments.minutes must be a whole number, e.g. 42",
                    "arguments.priority must be one of [low, high]");
        }

        @Test
        void refusesArgumentsNoParameterNames() {
            assertThat(UPDATE_STATUS.check(Map.of("ticket", "1", "status", "New", "password", "hunter2")))
                    .singleElement().satisfies(p -> {
                        assertThat(p.code()).isEqualTo("arguments.password.unknown");
                        assertThat(p.getMessage()).doesNotContain("hunter2").contains("ticket, status");
                    });
            assertThat(ToolInput.NONE.check(Map.of("x", "1"))).extracting(InvalidValue::getMessage)
                    .containsExactly("arguments.x is not an argument of this tool (it takes none)");
        }

        @Test
        void neverQuotesTheValueInAProblem() {
            assertThat(UPDATE_STATUS.check(Map.of("ticket", "secret-value-123", "status", "s")))
                    .allSatisfy(p -> assertThat(p.getMessage()).doesNotContain("secret-value-123"));
        }
    }

    @Nested
    class Schema {

        @Test
        void rendersAnObjectSchemaWithTypesRequiredAndConstraints() {
            assertThat(UPDATE_STATUS.jsonSchema()).isEqualTo("{\"type\":\"object\",\"properties\":{"
                    + "\"ticket\":{\"type\":\"string\",\"description\":\"The ticket id\",\"pattern\":\"^(?:[0-9]{1,12})$\"},"
                    + "\"status\":{\"type\":\"string\",\"description\":\"The status name\",\"maxLength\":50},"
                    + "\"notify\":{\"type\":\"boolean\",\"description\":\"E-mail the contact\"},"
                    + "\"minutes\":{\"type\":\"integer\",\"description\":\"Time spent\"},"
                    + "\"weight\":{\"type\":\"number\",\"description\":\"A weight\"},"
                    + "\"priority\":{\"type\":\"string\",\"description\":\"Priority\",\"enum\":[\"low\",\"high\"]},"
                    + "\"extra\":{\"description\":\"Anything\"}},"
                    + "\"required\":[\"ticket\",\"status\"],\"additionalProperties\":false}");
            assertThat(JsonText.isObject(UPDATE_STATUS.jsonSchema())).isTrue();
        }

        @Test
        void aToolWithoutParametersTakesAnEmptyObject() {
            assertThat(ToolInput.NONE.jsonSchema())
                    .isEqualTo("{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}");
        }

        @Test
        void escapesDescriptionsSoTheSchemaStaysJson() {
            ToolInput input = ToolInput.of(ToolParameter.required("q", STRING, "say \"hi\"\nthen \\ go"));
            assertThat(JsonText.isObject(input.jsonSchema())).isTrue();
        }

        @Test
        void keepsAToolsOwnSchemaAndChecksCallsAgainstItsDerivedParameters() {
            String own = "{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"}},\"required\":[\"message\"]}";
            ToolInput echo = ToolInput.described(own, List.of(ToolParameter.required("message", STRING, "")));

            assertThat(echo.jsonSchema()).isEqualTo(own);
            assertThat(fields(echo.check(Map.of()))).containsExactly("arguments.message");
            assertThatThrownBy(() -> ToolInput.described("[1]", List.of())).isInstanceOf(InvalidValue.class)
                    .hasMessage("inputSchema must be a JSON object");
        }
    }

    @Nested
    class Construction {

        @Test
        void refusesAParameterListedTwice() {
            assertThatThrownBy(() -> ToolInput.of(ToolParameter.required("a", STRING, ""),
                    ToolParameter.optional("a", INTEGER, ""))).isInstanceOf(InvalidValue.class)
                    .hasMessage("parameters.a is listed twice");
        }

        @Test
        void refusesMalformedParameters() {
            assertThatThrownBy(() -> ToolParameter.required("has space", STRING, ""))
                    .isInstanceOf(InvalidValue.class);
            assertThatThrownBy(() -> ToolParameter.required("a", STRING, "").matching("(unclosed"))
                    .isInstanceOf(InvalidValue.class).hasMessage("parameters.a.pattern is not a regular expression");
            assertThatThrownBy(() -> ToolParameter.required("a", STRING, "").atMost(0))
                    .isInstanceOf(InvalidValue.class);
            assertThatThrownBy(() -> ToolParameter.required("n", INTEGER, "").oneOf("1", "two"))
                    .isInstanceOf(InvalidValue.class).hasMessage("parameters.n.enum every allowed value must be of type integer");
            assertThatThrownBy(() -> ToolParameter.required("d", STRING, "x".repeat(1001)))
                    .isInstanceOf(InvalidValue.class);
        }

        @Test
        void parsesTypeLabels() {
            assertThat(ToolParameter.Type.parse("type", "json")).isEqualTo(JSON);
            assertThatThrownBy(() -> ToolParameter.Type.parse("type", "date")).isInstanceOf(InvalidValue.class)
                    .hasMessage("type must be one of string, integer, number, boolean, json");
        }
    }
}
