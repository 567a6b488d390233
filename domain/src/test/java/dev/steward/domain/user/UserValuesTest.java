package dev.steward.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.domain.approval.UserRole;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserValuesTest {

    @Test
    void anEmailIsTrimmedAndLowerCased() {
        assertThat(new EmailAddress("  Ann.Lee@Northwind.Example ").value()).isEqualTo("ann.lee@northwind.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann", "ann@", "@northwind.example", "ann@northwind", "ann lee@northwind.example",
            "ann@@northwind.example", "ann@northwind..example"})
    void aMalformedEmailNamesTheField(String text) {
        assertThatThrownBy(() -> new EmailAddress(text)).isInstanceOfSatisfying(InvalidValue.class, e -> {
            assertThat(e.field()).isEqualTo("email");
            assertThat(e.code()).isEqualTo("email.malformed");
        });
    }

    @Test
    void aMissingOrOverlongEmailIsRefused() {
        assertThatThrownBy(() -> new EmailAddress(" ")).hasMessage("email is required");
        assertThatThrownBy(() -> new EmailAddress("a".repeat(60) + "@" + "b".repeat(200) + ".example"))
                .hasMessage("email must be at most 254 characters");
    }

    @Test
    void aPasswordNeedsTwelveToTwoHundredFiftySixCharactersAndIsNeverPrinted() {
        assertThatThrownBy(() -> new Password("elevenchars")).hasMessage("password must be at least 12 characters");
        assertThatThrownBy(() -> new Password("x".repeat(257))).hasMessage("password must be at most 256 characters");
        assertThatThrownBy(() -> new Password(" ".repeat(12))).hasMessage("password must not be only blanks");
        assertThatThrownBy(() -> new Password(null)).hasMessage("password is required");
        assertThat(new Password("twelve chars").toString()).doesNotContain("twelve");
    }

    @Test
    void rolesParseFromTheirLabels() {
        assertThat(UserRole.parse(" Technician ")).isEqualTo(UserRole.MSP_TECHNICIAN);
        assertThat(UserRole.MSP_ADMIN.label()).isEqualTo("admin");
        assertThatThrownBy(() -> UserRole.parse("boss"))
                .hasMessage("role must be one of admin, technician, viewer");
    }

    @Test
    void aTokenNameIsRequiredAndBoundedAndRevokingKeepsTheFirstTime() {
        assertThatThrownBy(() -> ApiToken.checkedName("  ")).hasMessage("name is required");
        assertThatThrownBy(() -> ApiToken.checkedName("x".repeat(101)))
                .hasMessage("name must be at most 100 characters");
        ApiToken token = new ApiToken(UUID.randomUUID(), new MspId(UUID.randomUUID()), " ci ", "wxyz",
                Instant.EPOCH, new UserId(UUID.randomUUID()), Optional.empty());
        assertThat(token.name()).isEqualTo("ci");
        ApiToken revoked = token.revoked(Instant.EPOCH.plusSeconds(1));
        assertThat(revoked.revoked(Instant.EPOCH.plusSeconds(2))).isEqualTo(revoked);
        assertThat(revoked.active()).isFalse();
    }

    @Test
    void aUserNeedsAPasswordHashAndDoesNotPrintIt() {
        MspId msp = new MspId(UUID.randomUUID());
        UserId id = new UserId(UUID.randomUUID());
        EmailAddress email = new EmailAddress("ann@northwind.example");
        assertThatThrownBy(() -> new User(id, msp, email, UserRole.MSP_ADMIN, " ", Instant.EPOCH))
                .isInstanceOf(InvalidValue.class);
        assertThat(new User(id, msp, email, UserRole.MSP_ADMIN, "$argon2id$secret", Instant.EPOCH).toString())
                .doesNotContain("secret");
    }
}
