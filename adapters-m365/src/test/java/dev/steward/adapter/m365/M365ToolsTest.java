package dev.steward.adapter.m365;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.problem.InvalidValue;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every m365 tool against the Microsoft cloud stub: what it sends (method, path, body), what it says, what it keeps. */
class M365ToolsTest extends CloudSupport {

    private final M365Tools tools = new M365Tools(new SecureRandom());
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private FakeTenant tenant;
    private TenantGraph graph;
    private String dana;

    @BeforeEach
    void aTenantWithDana() {
        tenant = CLOUD.addCustomer("Contoso " + System.nanoTime());
        dana = tenant.addUser("dana", "Dana Reyes");
        graph = tenant(graph(), tenant);
        Logger adapter = (Logger) LoggerFactory.getLogger("dev.steward.adapter.m365");
        adapter.setLevel(Level.DEBUG);
        adapter.addAppender(logs);
        logs.start();
    }

    @AfterEach
    void stopCapturingLogs() {
        ((Logger) LoggerFactory.getLogger("dev.steward.adapter.m365")).detachAppender(logs);
    }

    private Outcome run(String tool, Map<String, String> arguments) {
        return tools.find("m365:" + tool).orElseThrow().run().apply(graph, new Arguments(arguments));
    }

    private String upn() {
        return "dana@" + tenant.domain();
    }

    private List<FakeMicrosoftCloud.Recorded> changes() {
        return CLOUD.changes().stream().filter(r -> tenant.id().equals(r.tenant())).toList();
    }

    private static JsonNode json(String body) {
        return Json.parseOrMissing(body);
    }

    /** A secret must appear nowhere but in the outcome's reveal-once values. */
    private void assertNeverLogged(String secret) {
        assertThat(logs.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(secret));
    }

    @Test
    void offersEveryToolTheRunbooksPlanWithItsEffectAndSensitivity() {
        assertThat(tools.all()).extracting(M365Tools.Definition::name).containsExactly("m365:find-user",
                "m365:get-user", "m365:list-sign-ins", "m365:list-groups", "m365:list-licences", "m365:reset-password",
                "m365:revoke-sessions", "m365:block-sign-in", "m365:unblock-sign-in", "m365:reset-mfa",
                "m365:create-temporary-access-pass", "m365:add-to-group", "m365:remove-from-group",
                "m365:assign-licence", "m365:remove-licence", "m365:create-user", "m365:offboard-user");
        assertThat(tools.all()).filteredOn(M365Tools.Definition::sensitive).extracting(M365Tools.Definition::action)
                .containsExactlyInAnyOrder("reset-password", "reset-mfa", "create-temporary-access-pass",
                        "unblock-sign-in");
    }

    @Nested
    class Reads {

        @Test
        void findUserSearchesNamesAndAddressesByTheirBeginning() {
            tenant.addUser("daniel", "Daniel Ortiz");
            tenant.addUser("sam", "Sam Lee");

            String summary = run("find-user", Map.of("query", "Dan")).summary();

            assertThat(summary).contains("2 user(s)", "Dana Reyes <" + upn() + ">", "Daniel Ortiz").doesNotContain("Sam");
            FakeMicrosoftCloud.Recorded request = CLOUD.graphRequests(tenant.id()).getLast();
            assertThat(request.line()).isEqualTo("GET /v1.0/users");
            assertThat(request.query()).containsEntry("$filter", "startswith(displayName,'Dan') or "
                    + "startswith(userPrincipalName,'Dan') or startswith(mail,'Dan')").containsEntry("$top", "25");
            assertThat(run("find-user", Map.of("query", upn())).summary()).contains("1 user(s)");
            assertThat(run("find-user", Map.of("query", "O'Brien")).summary()).contains("No user");
        }

        @Test
        void getUserShowsSignInStateLicencesLastSignInAndMaskedMfaMethods() {
            String sku = tenant.addSku("SPE_E3", 10);
            tenant.license(dana, sku, null);
            tenant.addMethod(dana, "microsoftAuthenticatorAuthenticationMethod", "Pixel 8");
            tenant.addMethod(dana, "phoneAuthenticationMethod", "mobile");
            CLOUD.forgetRequests();

            String summary = run("get-user", Map.of("user", upn())).summary();

            assertThat(summary).contains("Dana Reyes", "sign-in: enabled", "licences: SPE_E3",
                    "last attempt 2026-11-21T08:10:00Z", "Microsoft Authenticator (Pixel 8)", "mobile phone (…123)");
            assertThat(summary).doesNotContain("7700900123");
            assertThat(CLOUD.graphRequests(tenant.id())).extracting(r -> r.line() + " " + r.query().get("$select"))
                    .containsExactly("GET /v1.0/users/" + upn() + " " + Lookups.USER_FIELDS,
                            "GET /v1.0/subscribedSkus null",
                            "GET /v1.0/users/" + dana + " id,signInActivity",
                            "GET /v1.0/users/" + dana + "/authentication/methods null");
        }

        @Test
        void getUserStillAnswersWhenTheTenantHasNoSignInLogs() {
            tenant.withoutPremium();
            String summary = run("get-user", Map.of("user", dana)).summary();
            assertThat(summary).contains("sign-in: enabled", "last sign-in: not available", "Entra ID P1");
        }

        @Test
        void listSignInsShowsRecentFailuresWithTheirCodes() {
            tenant.signIn(dana, "Outlook", 50126, "Invalid username or password", Instant.parse("2026-11-22T08:01:00Z"));
            tenant.signIn(dana, "Teams", 0, null, Instant.parse("2026-11-22T08:05:00Z"));
            tenant.signIn(dana, "Outlook", 50053, "Account is locked", Instant.parse("2026-11-22T08:09:00Z"));

            String summary = run("list-sign-ins", Map.of("user", upn())).summary();

            assertThat(summary).contains("2 most recent failed sign-ins", "error 50053 Account is locked",
                    "error 50126 Invalid username or password").doesNotContain("Teams");
            assertThat(summary.indexOf("50053")).isLessThan(summary.indexOf("50126"));
            assertThat(CLOUD.graphRequests(tenant.id()).getLast().query()).containsEntry("$filter",
                    "userPrincipalName eq '" + upn() + "' and status/errorCode ne 0");
            assertThat(run("list-sign-ins", Map.of("user", upn(), "failuresOnly", "false")).summary())
                    .contains("Teams");
        }

        @Test
        void listSignInsNamesWhatIsMissingOnAFreeTenant() {
            tenant.withoutPremium();
            assertThatThrownBy(() -> run("list-sign-ins", Map.of("user", upn())))
                    .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.getMessage())
                            .contains("AuditLog.Read.All", "Authentication_RequestFromNonPremiumTenantOrB2CTenant"));
        }

        @Test
        void listGroupsShowsAUsersGroupsOrTheTenantsWithTheirKinds() {
            String sales = tenant.addGroup("Sales", "security", false);
            String staff = tenant.addGroup("All Staff", "unified", true);
            tenant.addGroup("Sales Distribution", "distribution", false);
            tenant.addMember(sales, dana).addMember(staff, dana);

            CLOUD.forgetRequests();
            assertThat(run("list-groups", Map.of("user", upn())).summary()).contains("member of 2 group(s)",
                    "Sales (security, id " + sales + ")", "All Staff (Microsoft 365, dynamic");
            assertThat(CLOUD.graphRequests(tenant.id()).getLast().line())
                    .isEqualTo("GET /v1.0/users/" + dana + "/memberOf/microsoft.graph.group");
            assertThat(run("list-groups", Map.of("search", "Sales")).summary()).contains("2 group(s)",
                    "Sales Distribution (distribution");
            assertThat(CLOUD.graphRequests(tenant.id()).getLast().query()).containsEntry("$filter",
                    "startswith(displayName,'Sales')");
        }

        @Test
        void listLicencesCountsFreeUnits() {
            String e3 = tenant.addSku("SPE_E3", 2);
            tenant.addSku("EXCHANGESTANDARD", 5);
            tenant.license(dana, e3, null);

            CLOUD.forgetRequests();
            assertThat(run("list-licences", Map.of()).summary()).contains("SPE_E3: 1 of 2 free",
                    "EXCHANGESTANDARD: 5 of 5 free");
            assertThat(CLOUD.graphRequests(tenant.id())).extracting(FakeMicrosoftCloud.Recorded::line)
                    .containsExactly("GET /v1.0/subscribedSkus");
        }
    }

    @Nested
    class SignInActions {

        @Test
        void resetPasswordSetsAGeneratedPasswordRevealedOnlyOnce() {
            Outcome outcome = run("reset-password", Map.of("user", upn()));

            String password = outcome.revealOnce().get("temporaryPassword");
            assertThat(password).hasSize(Passwords.LENGTH);
            assertThat(tenant.passwordOf(dana)).contains(password);
            assertThat(outcome.summary()).contains("Reset the password of Dana Reyes", "changed at the next sign-in")
                    .doesNotContain(password);
            FakeMicrosoftCloud.Recorded patch = changes().getLast();
            assertThat(patch.line()).isEqualTo("PATCH /v1.0/users/" + dana);
            assertThat(json(patch.body())).isEqualTo(json("{\"passwordProfile\":{\"forceChangePasswordNextSignIn\":true,"
                    + "\"password\":\"" + password + "\"}}"));
            assertThat(tenant.user(dana).path("forceChangePasswordNextSignIn").asBoolean()).isTrue();
            assertNeverLogged(password);
        }

        @Test
        void resetPasswordOfASyncedUserReportsGraphsRefusal() {
            tenant.set(dana, "onPremisesSyncEnabled", true);
            assertThatThrownBy(() -> run("reset-password", Map.of("user", upn())))
                    .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.getMessage())
                            .contains("refused to reset a password", "on-premises mastered"));
            assertThat(tenant.passwordOf(dana)).isEmpty();
        }

        @Test
        void revokeSessionsPostsTheRevocation() {
            assertThat(run("revoke-sessions", Map.of("user", upn())).summary()).contains("Revoked every sign-in session");
            assertThat(changes()).extracting(FakeMicrosoftCloud.Recorded::line)
                    .containsExactly("POST /v1.0/users/" + dana + "/revokeSignInSessions");
            assertThat(tenant.revocationsOf(dana)).isEqualTo(1);
        }

        @Test
        void blockAndUnblockPatchAccountEnabled() {
            assertThat(run("block-sign-in", Map.of("user", upn())).summary()).startsWith("Blocked sign-in for Dana");
            assertThat(tenant.user(dana).path("accountEnabled").asBoolean()).isFalse();
            assertThat(run("unblock-sign-in", Map.of("user", upn())).summary()).startsWith("Unblocked sign-in");
            assertThat(tenant.user(dana).path("accountEnabled").asBoolean()).isTrue();
            assertThat(changes()).extracting(r -> r.line() + " " + json(r.body())).containsExactly(
                    "PATCH /v1.0/users/" + dana + " {\"accountEnabled\":false}",
                    "PATCH /v1.0/users/" + dana + " {\"accountEnabled\":true}");
            assertThat(run("unblock-sign-in", Map.of("user", upn())).summary()).contains("already was enabled");
        }

        @Test
        void resetMfaRemovesEveryMethodButTheDefaultPhoneAndSaysWhy() {
            tenant.addMethod(dana, "microsoftAuthenticatorAuthenticationMethod", "Pixel 8");
            tenant.addMethod(dana, "fido2AuthenticationMethod", "YubiKey 5");
            tenant.addMethod(dana, "phoneAuthenticationMethod", "mobile");
            tenant.addMethod(dana, "phoneAuthenticationMethod", "alternateMobile");
            tenant.defaultMethod(dana, FakeTenant.MOBILE);

            String summary = run("reset-mfa", Map.of("user", upn())).summary();

            assertThat(tenant.methodTypesOf(dana)).containsExactly("passwordAuthenticationMethod",
                    "phoneAuthenticationMethod");
            assertThat(summary).contains("Removed 3 of 4 MFA method(s)", "Kept mobile phone (…123): it is the "
                    + "user's default MFA method").doesNotContain("7700900123");
            assertThat(changes()).extracting(FakeMicrosoftCloud.Recorded::line).endsWith(
                    "DELETE /v1.0/users/" + dana + "/authentication/phoneMethods/" + FakeTenant.ALTERNATE_MOBILE,
                    "DELETE /v1.0/users/" + dana + "/authentication/phoneMethods/" + FakeTenant.MOBILE);
        }

        @Test
        void resetMfaRemovesAPhoneThatIsNotTheDefault() {
            tenant.addMethod(dana, "phoneAuthenticationMethod", "mobile");
            tenant.addMethod(dana, "softwareOathAuthenticationMethod", "Token");
            assertThat(run("reset-mfa", Map.of("user", upn())).summary()).contains("Removed 2 of 2");
            assertThat(tenant.methodTypesOf(dana)).containsExactly("passwordAuthenticationMethod");
            assertThat(run("reset-mfa", Map.of("user", upn())).summary()).contains("has no MFA method to remove");
        }

        @Test
        void resetMfaWithoutTheAuthenticationAdministratorRoleSaysSo() {
            tenant.addMethod(dana, "microsoftAuthenticatorAuthenticationMethod", "Pixel 8");
            tenant.withoutRole("Authentication Administrator");
            assertThatThrownBy(() -> run("reset-mfa", Map.of("user", upn())))
                    .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.getMessage())
                            .contains("UserAuthenticationMethod.ReadWrite.All", "Authentication Administrator role"));
        }

        @Test
        void temporaryAccessPassIsRevealedOnceAndNeverSummarised() {
            Outcome outcome = run("create-temporary-access-pass", Map.of("user", upn(), "lifetimeMinutes", "120"));

            String pass = outcome.revealOnce().get("temporaryAccessPass");
            assertThat(pass).startsWith("TAP");
            assertThat(outcome.summary()).contains("valid 120 minutes", "usable once").doesNotContain(pass);
            FakeMicrosoftCloud.Recorded post = changes().getLast();
            assertThat(post.line()).isEqualTo("POST /v1.0/users/" + dana + "/authentication/temporaryAccessPassMethods");
            assertThat(json(post.body())).isEqualTo(json("{\"lifetimeInMinutes\":120,\"isUsableOnce\":true}"));
            assertNeverLogged(pass);
        }

        @Test
        void temporaryAccessPassDisabledByPolicyIsGraphsOwnWords() {
            tenant.withoutAccessPasses();
            assertThatThrownBy(() -> run("create-temporary-access-pass", Map.of("user", upn())))
                    .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.getMessage())
                            .contains("Temporary Access Pass is disabled"));
        }
    }

    @Nested
    class Access {

        @Test
        void addToGroupPostsAMemberReferenceAndIsIdempotent() {
            String sales = tenant.addGroup("Sales", "security", false);

            assertThat(run("add-to-group", Map.of("user", upn(), "group", "Sales")).summary())
                    .isEqualTo("Added Dana Reyes <" + upn() + "> to group 'Sales' in tenant " + tenant.name() + ".");
            FakeMicrosoftCloud.Recorded post = changes().getLast();
            assertThat(post.line()).isEqualTo("POST /v1.0/groups/" + sales + "/members/$ref");
            assertThat(json(post.body())).isEqualTo(json("{\"@odata.id\":\"" + WIREMOCK.baseUrl()
                    + "/v1.0/directoryObjects/" + dana + "\"}"));
            assertThat(tenant.membersOf(sales)).containsExactly(dana);
            assertThat(run("add-to-group", Map.of("user", upn(), "group", sales)).summary())
                    .contains("already was a member");
        }

        @Test
        void refusesGroupsGraphCannotChangeBeforeSendingAnything() {
            tenant.addGroup("Everyone", "security", true);
            tenant.addGroup("Newsletter", "distribution", false);
            tenant.addGroup("Twins", "security", false);
            tenant.addGroup("Twins", "security", false);

            assertThatThrownBy(() -> run("add-to-group", Map.of("user", upn(), "group", "Everyone")))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.getMessage())
                            .contains("arguments.group", "dynamic"));
            assertThatThrownBy(() -> run("add-to-group", Map.of("user", upn(), "group", "Newsletter")))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.getMessage())
                            .contains("Exchange Online"));
            assertThatThrownBy(() -> run("add-to-group", Map.of("user", upn(), "group", "Twins")))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.getMessage())
                            .contains("names 2 groups"));
            assertThatThrownBy(() -> run("add-to-group", Map.of("user", upn(), "group", "Nobody's Group")))
                    .isInstanceOf(NotFound.class);
            assertThat(changes()).isEmpty();
        }

        @Test
        void removeFromGroupDeletesTheMemberReference() {
            String sales = tenant.addGroup("Sales", "security", false);
            tenant.addMember(sales, dana);

            assertThat(run("remove-from-group", Map.of("user", upn(), "group", "Sales")).summary())
                    .startsWith("Removed Dana Reyes");
            assertThat(changes()).extracting(FakeMicrosoftCloud.Recorded::line)
                    .containsExactly("DELETE /v1.0/groups/" + sales + "/members/" + dana + "/$ref");
            assertThat(tenant.membersOf(sales)).isEmpty();
            assertThat(run("remove-from-group", Map.of("user", upn(), "group", "Sales")).summary())
                    .contains("was not a member");
        }

        @Test
        void assignLicencePostsAssignLicense() {
            String e3 = tenant.addSku("SPE_E3", 5);

            assertThat(run("assign-licence", Map.of("user", upn(), "licence", "spe_e3")).summary())
                    .startsWith("Assigned SPE_E3 to Dana Reyes");
            FakeMicrosoftCloud.Recorded post = changes().getLast();
            assertThat(post.line()).isEqualTo("POST /v1.0/users/" + dana + "/assignLicense");
            assertThat(json(post.body())).isEqualTo(json("{\"addLicenses\":[{\"skuId\":\"" + e3
                    + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}"));
            assertThat(tenant.licencesOf(dana)).containsExactly(e3);
            assertThat(run("assign-licence", Map.of("user", upn(), "licence", e3)).summary()).contains("already has");
        }

        @Test
        void assignLicenceNeedsAUsageLocationAndSetsItFirst() {
            tenant.addSku("SPE_E3", 5);
            tenant.set(dana, "usageLocation", null);

            assertThatThrownBy(() -> run("assign-licence", Map.of("user", upn(), "licence", "SPE_E3")))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field())
                            .isEqualTo("arguments.usageLocation"));
            assertThat(changes()).isEmpty();

            assertThat(run("assign-licence", Map.of("user", upn(), "licence", "SPE_E3", "usageLocation", "GB"))
                    .summary()).contains("usage location set to GB first");
            assertThat(changes()).extracting(FakeMicrosoftCloud.Recorded::line).containsExactly(
                    "PATCH /v1.0/users/" + dana, "POST /v1.0/users/" + dana + "/assignLicense");
        }

        @Test
        void assignLicenceRefusesWhenNoneIsFree() {
            String e3 = tenant.addSku("SPE_E3", 1);
            String other = tenant.addUser("sam", "Sam Lee");
            tenant.license(other, e3, null);
            assertThatThrownBy(() -> run("assign-licence", Map.of("user", upn(), "licence", "SPE_E3")))
                    .isInstanceOfSatisfying(PortFailure.class, e -> assertThat(e.getMessage())
                            .contains("No SPE_E3 licence is free", "1 of 1 assigned"));
            assertThatThrownBy(() -> run("assign-licence", Map.of("user", upn(), "licence", "NOPE")))
                    .isInstanceOf(NotFound.class);
            assertThat(changes()).isEmpty();
        }

        @Test
        void removeLicenceRemovesADirectOneAndRefusesAnInheritedOne() {
            String e3 = tenant.addSku("SPE_E3", 5);
            String visio = tenant.addSku("VISIOCLIENT", 5);
            String group = tenant.addGroup("Licensed", "security", false);
            tenant.license(dana, e3, null).license(dana, visio, group);

            assertThat(run("remove-licence", Map.of("user", upn(), "licence", "SPE_E3")).summary())
                    .startsWith("Removed SPE_E3");
            assertThat(json(changes().getLast().body())).isEqualTo(json("{\"addLicenses\":[],\"removeLicenses\":[\""
                    + e3 + "\"]}"));
            assertThatThrownBy(() -> run("remove-licence", Map.of("user", upn(), "licence", "VISIOCLIENT")))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.getMessage())
                            .contains("through group(s) [" + group + "]"));
            assertThat(tenant.licencesOf(dana)).containsExactly(visio);
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void createUserMakesANewStarterWithLicenceAndGroups() {
            String e3 = tenant.addSku("SPE_E3", 5);
            String sales = tenant.addGroup("Sales", "security", false);
            String upn = "sam.lee@" + tenant.domain();

            Outcome outcome = run("create-user", Map.of("displayName", "Sam Lee", "userPrincipalName", upn,
                    "givenName", "Sam", "surname", "Lee", "usageLocation", "GB", "licence", "SPE_E3",
                    "groups", "[\"Sales\"]"));

            String password = outcome.revealOnce().get("temporaryPassword");
            String id = tenant.user(upn).path("id").asText();
            assertThat(outcome.summary()).contains("Created Sam Lee <" + upn + ">", "Assigned SPE_E3.",
                    "Added Sam Lee").doesNotContain(password);
            assertThat(tenant.passwordOf(upn)).contains(password);
            assertThat(tenant.licencesOf(upn)).containsExactly(e3);
            assertThat(tenant.membersOf(sales)).containsExactly(id);
            FakeMicrosoftCloud.Recorded post = changes().getFirst();
            assertThat(post.line()).isEqualTo("POST /v1.0/users");
            assertThat(json(post.body())).isEqualTo(json("{\"accountEnabled\":true,\"displayName\":\"Sam Lee\","
                    + "\"mailNickname\":\"sam.lee\",\"userPrincipalName\":\"" + upn + "\",\"givenName\":\"Sam\","
                    + "\"surname\":\"Lee\",\"usageLocation\":\"GB\",\"passwordProfile\":{"
                    + "\"forceChangePasswordNextSignIn\":true,\"password\":\"" + password + "\"}}"));
            assertNeverLogged(password);
        }

        @Test
        void createUserChecksEverythingBeforeCreatingAnything() {
            tenant.addSku("SPE_E3", 5);
            String domain = tenant.domain();

            assertThatThrownBy(() -> run("create-user", Map.of("displayName", "Dana Again", "userPrincipalName",
                    upn()))).isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field())
                    .isEqualTo("arguments.userPrincipalName"));
            assertThatThrownBy(() -> run("create-user", Map.of("displayName", "Sam", "userPrincipalName",
                    "sam@" + domain, "groups", "[\"No Such Group\"]"))).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> run("create-user", Map.of("displayName", "Sam", "userPrincipalName",
                    "sam@" + domain, "licence", "SPE_E3"))).isInstanceOfSatisfying(InvalidValue.class,
                    e -> assertThat(e.field()).isEqualTo("arguments.usageLocation"));
            assertThatThrownBy(() -> run("create-user", Map.of("displayName", "Sam", "userPrincipalName",
                    "not an address"))).isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code())
                    .isEqualTo("arguments.userPrincipalName.malformed"));
            assertThatThrownBy(() -> run("create-user", Map.of("displayName", "Sam", "userPrincipalName",
                    "sam@" + domain, "groups", "Sales"))).isInstanceOfSatisfying(InvalidValue.class,
                    e -> assertThat(e.field()).isEqualTo("arguments.groups"));
            assertThat(changes()).isEmpty();
        }

        @Test
        void createUserOnADomainTheTenantDoesNotOwnIsGraphsRefusalWithoutThePassword() {
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> run("create-user",
                    Map.of("displayName", "Sam", "userPrincipalName", "sam@elsewhere.example")));
            assertThat(refused).isInstanceOf(PortFailure.class).hasMessageContaining("verified domain names");
        }

        @Test
        void offboardUserBlocksRevokesAndStripsWhatGraphCanChange() {
            String e3 = tenant.addSku("SPE_E3", 5);
            String visio = tenant.addSku("VISIOCLIENT", 5);
            String sales = tenant.addGroup("Sales", "security", false);
            String team = tenant.addGroup("Project Team", "unified", false);
            String everyone = tenant.addGroup("Everyone", "security", true);
            String licensed = tenant.addGroup("Visio Users", "security", false);
            tenant.addMember(sales, dana).addMember(team, dana).addMember(everyone, dana).addMember(licensed, dana);
            tenant.license(dana, e3, null).license(dana, visio, licensed);

            String summary = run("offboard-user", Map.of("user", upn())).summary();

            assertThat(tenant.user(dana).path("accountEnabled").asBoolean()).isFalse();
            assertThat(tenant.revocationsOf(dana)).isEqualTo(1);
            assertThat(tenant.licencesOf(dana)).containsExactly(visio);
            assertThat(tenant.membersOf(sales)).isEmpty();
            assertThat(tenant.membersOf(team)).isEmpty();
            assertThat(tenant.membersOf(licensed)).isEmpty();
            assertThat(tenant.membersOf(everyone)).containsExactly(dana);
            assertThat(summary).contains("Blocked sign-in", "Revoked every sign-in session",
                    "Removed 1 directly assigned licence(s)", "1 licence(s) come through groups",
                    "Kept: group 'Everyone' has dynamic", "Removed from 3 of 4 group(s)");
            assertThat(changes()).extracting(r -> r.line() + " " + json(r.body())).containsExactlyInAnyOrder(
                    "PATCH /v1.0/users/" + dana + " {\"accountEnabled\":false}",
                    "POST /v1.0/users/" + dana + "/revokeSignInSessions " + json(""),
                    "POST /v1.0/users/" + dana + "/assignLicense {\"addLicenses\":[],\"removeLicenses\":[\"" + e3
                            + "\"]}",
                    "DELETE /v1.0/groups/" + sales + "/members/" + dana + "/$ref " + json(""),
                    "DELETE /v1.0/groups/" + team + "/members/" + dana + "/$ref " + json(""),
                    "DELETE /v1.0/groups/" + licensed + "/members/" + dana + "/$ref " + json(""));
            assertThat(changes().subList(0, 3)).extracting(FakeMicrosoftCloud.Recorded::line).containsExactly(
                    "PATCH /v1.0/users/" + dana, "POST /v1.0/users/" + dana + "/revokeSignInSessions",
                    "POST /v1.0/users/" + dana + "/assignLicense");
        }
    }

    @Nested
    class BadInput {

        @Test
        void anUnknownUserIsNotFoundAndNothingChanges() {
            for (String tool : List.of("get-user", "reset-password", "block-sign-in", "reset-mfa", "offboard-user",
                    "create-temporary-access-pass")) {
                assertThatThrownBy(() -> run(tool, Map.of("user", "nobody@" + tenant.domain())))
                        .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.getMessage())
                                .isEqualTo("Microsoft 365 user 'nobody@" + tenant.domain() + "' was not found"));
            }
            assertThat(changes()).isEmpty();
        }

        @Test
        void aMalformedUserPrincipalNameNeverReachesGraph() {
            CLOUD.forgetRequests();
            for (String malformed : List.of("dana", "dana@", "../users", "dana@contoso.example/../x", "a b@c.de")) {
                assertThatThrownBy(() -> run("reset-password", Map.of("user", malformed)))
                        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code())
                                .isEqualTo("arguments.user.malformed"));
            }
            assertThat(CLOUD.requests()).isEmpty();
        }

        @Test
        void anArgumentOutsideItsRangeIsRefusedBeforeAnythingIsSent() {
            CLOUD.forgetRequests();
            assertThatThrownBy(() -> run("create-temporary-access-pass", Map.of("user", dana, "lifetimeMinutes", "5")))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field())
                            .isEqualTo("arguments.lifetimeMinutes"));
            assertThatThrownBy(() -> run("list-sign-ins", Map.of("user", dana, "failuresOnly", "maybe")))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field())
                            .isEqualTo("arguments.failuresOnly"));
            assertThat(CLOUD.graphRequests(tenant.id()).stream().filter(r -> !r.method().equals("GET"))).isEmpty();
        }

        @Test
        void aGuestUserPrincipalNameIsEncoded() {
            String guest = tenant.addUser("alex_fabrikam.example#EXT#", "Alex Guest");
            String upn = "alex_fabrikam.example#EXT#@" + tenant.domain();
            assertThat(run("get-user", Map.of("user", upn)).summary()).contains("Alex Guest", guest);
        }
    }
}
