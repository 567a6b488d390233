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
    void aTokensRoleIsAtMostItsIssuers() {
        assertThat(ApiToken.roleFor(Optional.empty(), UserRole.MSP_ADMIN)).isEqualTo(UserRole.MSP_TECHNICIAN);
        assertThat(ApiToken.roleFor(Optional.empty(), UserRole.MSP_VIEWER)).isEqualTo(UserRole.MSP_VIEWER);
        assertThat(ApiToken.roleFor(Optional.of(UserRole.MSP_ADMIN), UserRole.MSP_ADMIN)).isEqualTo(UserRole.MSP_ADMIN);
        assertThat(ApiToken.roleFor(Optional.of(UserRole.MSP_VIEWER), UserRole.MSP_TECHNICIAN))
                .isEqualTo(UserRole.MSP_VIEWER);
        assertThatThrownBy(() -> ApiToken.roleFor(Optional.of(UserRole.MSP_ADMIN), UserRole.MSP_TECHNICIAN))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("role"))
                .hasMessageContaining("at most its issuer's (technician)");
    }

    @Test
    void aTokenNameIsRequiredAndBoundedAndRevokingKeepsTheFirstTime() {
        assertThatThrownBy(() -> ApiToken.checkedName("  ")).hasMessage("name is required");
        assertThatThrownBy(() -> ApiToken.checkedName("x".repeat(101)))
                .hasMessage("name must be at most 100 characters");
        ApiToken token = new ApiToken(UUID.randomUUID(), new MspId(UUID.randomUUID()), " ci ", "wxyz",
                Instant.EPOCH, new UserId(UUID.randomUUID()), UserRole.MSP_TECHNICIAN, Optional.empty());
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
        assertThatThrownBy(() -> new User(id, msp, email, UserRole.MSP_ADMIN, " ", Instant.EPOCH, Optional.empty()))
                .isInstanceOf(InvalidValue.class);
        assertThat(User.register(id, msp, email, UserRole.MSP_ADMIN, "$argon2id$secret", Instant.EPOCH).toString())
                .doesNotContain("secret");
    }

    @Test
    void aDisabledUserIsNoActiveAdminAndKeepsTheFirstDisablingTime() {
        User ann = User.register(new UserId(UUID.randomUUID()), new MspId(UUID.randomUUID()),
                new EmailAddress("ann@northwind.example"), UserRole.MSP_ADMIN, "$argon2id$h", Instant.EPOCH);
        assertThat(ann.activeAdmin()).isTrue();

        User disabled = ann.disabled(Instant.EPOCH.plusSeconds(1));

        assertThat(disabled.active()).isFalse();
        assertThat(disabled.activeAdmin()).isFalse();
        assertThat(disabled.disabled(Instant.EPOCH.plusSeconds(2))).isEqualTo(disabled);
        assertThat(disabled.toString()).contains("disabled");
        assertThat(disabled.enabled()).isEqualTo(ann);
        assertThat(ann.withRole(UserRole.MSP_VIEWER).activeAdmin()).isFalse();
    }
}
