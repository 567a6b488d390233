package dev.steward.adapter.psa.common;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.steward.application.port.integration.IntegrationSettings;
import dev.steward.application.port.psa.PsaNote;
import dev.steward.application.port.psa.TicketSystemContract.TicketSeed;
import dev.steward.application.problem.NotFound;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.spi.Directory;
import dev.steward.application.spi.InboundWebhook;
import dev.steward.application.spi.IntegrationConnection;
import dev.steward.application.spi.IntegrationProviderContract;
import dev.steward.application.spi.ProviderContext;
import dev.steward.application.spi.ToolCall;
import dev.steward.domain.integration.Tool;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What every PSA provider here passes on top of the SPI kit, against its vendor's stub: each tool acts on the calling
 * client's own company only, and what a write tool did can be read back from the PSA.
 */
public abstract class PsaProviderContract extends IntegrationProviderContract {

    private static final AtomicLong COMPANY = new AtomicLong(810_000);

    /** This test's client's PSA company. */
    protected final String company = Long.toString(COMPANY.addAndGet(3));

    /** A ticket in the stub. */
    protected abstract String seed(TicketSeed ticket);

    /** A contact (Halo: user) of {@code company} in the stub. */
    protected abstract String seedContact(String company, String first, String last, String email, boolean active);

    /** A company the PSA lists for import (ConnectWise: not deleted; Halo: an active client; Autotask: a customer). */
    protected abstract String seedCompany(String name);

    /** A company the PSA has but does not list for import (deleted, inactive, or a vendor). */
    protected abstract String seedUnlistedCompany(String name);

    /** The stub's server, for injecting failures. */
    protected abstract WireMockExtension wiremock();

    /** The vendor API's URLs (not its token or zone endpoints), where failures are injected. */
    protected abstract UrlPattern apiUrls();

    /** Values that point the provider at the stub with valid credentials. */
    protected abstract IntegrationSettings stubValues();

    /** A secret the stub refuses, as people mistype it. */
    protected static final String WRONG_SECRET = "wrong-secret-value";

    /** The stub's values with {@link #WRONG_SECRET} for the secret the PSA checks. */
    protected abstract IntegrationSettings wrongSecretValues();

    /** The field a refused {@link #wrongSecretValues()} is reported on, e.g. {@code secrets.privateKey}. */
    protected abstract String wrongSecretField();

    /** The stub's values pointed at {@code 127.0.0.1:1}, where nothing answers. */
    protected abstract IntegrationSettings unreachableValues();

    /** The host field that {@link #unreachableValues()} is reported on. */
    protected abstract String unreachableField();

    @Override
    protected IntegrationSettings usableValues() {
        return stubValues();
    }

    /** Where the installation is reached from outside in the tests that need a public URL. */
    protected static final String PUBLIC_URL = "https://steward.example.com";

    /** The context of an installation reached at {@link #PUBLIC_URL}. */
    protected ProviderContext published() {
        return context().withPublicUrl(Optional.of(PUBLIC_URL));
    }

    /** Where this test's MSP's PSA delivers its webhooks at {@link #PUBLIC_URL}. */
    protected String webhookUrl() {
        return PUBLIC_URL + "/hooks/psa/" + integration().msp() + "/" + provider().kind().name();
    }

    @Test
    void withoutAPublicUrlNothingIsSetUpForWebhooksAndThePageSaysThePsaIsPolled() {
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            assertThat(connection.valuesToStore()).as("nothing to store besides the values given").isEmpty();
            assertThat(connection.inboundWebhook()).get().satisfies(shown -> {
                assertThat(shown.setup()).isEqualTo(InboundWebhook.Setup.POLLING_ONLY);
                assertThat(shown.note()).contains("polled").contains("STEWARD_PUBLIC_URL");
            });
            connection.removeRegistrations();
        }
    }

    @Test
    void listsThePsasCompaniesBySearchPageByPageAndReadsOneById() {
        String tag = "Tag" + COMPANY.addAndGet(3);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(seedCompany(tag + " Company " + i));
        }
        String unlisted = seedUnlistedCompany(tag + " Elsewhere");
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            Directory directory = connection.directory().orElseThrow();
            List<Directory.Entry> all = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                Directory.Page page = directory.list(tag.toLowerCase(java.util.Locale.ROOT), cursor, 2);
                all.addAll(page.entries());
                cursor = page.next();
                pages++;
            } while (cursor.isPresent() && pages < 10);

            assertThat(all).extracting(Directory.Entry::id).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(pages).as("two a page").isBetween(3, 4);
            assertThat(directory.get(ids.getFirst())).get().extracting(Directory.Entry::label)
                    .isEqualTo(tag + " Company 1");
            assertThat(directory.get(unlisted)).as("not listed, not found").isEmpty();
            assertThat(directory.get("987654321")).isEmpty();
            assertThatThrownBy(() -> directory.list("", Optional.of("page:x"), 2))
                    .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }

    @Test
    void connectingChecksTheCredentialsLiveAndNamesTheRefusedFieldWithoutItsValue() {
        assertThatThrownBy(() -> provider().connect(integration(), wrongSecretValues(), context()))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo(wrongSecretField());
                    assertThat(e.code()).isEqualTo(wrongSecretField() + ".refused");
                    assertThat(e.rule()).doesNotContain(WRONG_SECRET);
                });
    }

    @Test
    void connectingToAHostThatDoesNotAnswerNamesTheHostField() {
        assertThatThrownBy(() -> provider().connect(integration(), unreachableValues(), context()))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo(unreachableField());
                    assertThat(e.code()).isEqualTo(unreachableField() + ".unreachable");
                });
    }

    @Test
    void reconnectingStoredValuesAtStartUpDoesNotWaitForThePsa() {
        try (IntegrationConnection connection = provider().reconnect(integration(), unreachableValues(), context())) {
            assertThat(connection.tools()).as("live again once the PSA answers").isNotEmpty();
        }
    }

    @Override
    protected Optional<String> mappedEntry() {
        return Optional.of(company);
    }

    protected String aTicketOf(String owner) {
        return seed(new TicketSeed(owner, "Outlook keeps asking for my password", "Since this morning",
                "dana@contoso.example", Instant.parse("2026-11-22T09:00:00Z"), false));
    }

    @Override
    protected Map<String, String> argumentsFor(Tool tool) {
        String ticket = aTicketOf(company);
        return switch (tool.name().action()) {
            case "get-ticket", "list-notes" -> Map.of("ticket", ticket);
            case "add-internal-note", "reply-to-requester" -> Map.of("ticket", ticket, "text", "Checked the account.");
            case "update-status" -> Map.of("ticket", ticket, "status", "In Progress");
            case "find-contact" -> {
                String email = "sam." + company + "@contoso.example";
                seedContact(company, "Sam", "Lee", email, true);
                yield Map.of("email", email);
            }
            case "list-company-contacts" -> Map.of();
            default -> throw new AssertionError("no arguments for " + tool.name());
        };
    }

    private ToolName tool(String action) {
        return ToolName.of(provider().kind().name() + ":" + action);
    }

    @Test
    void everyToolRefusesATicketOfAnotherCompanyAsNotFound() {
        String theirs = aTicketOf(Long.toString(COMPANY.addAndGet(3)));
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            for (Tool tool : connection.tools()) {
                if (tool.input().parameter("ticket").isEmpty()) {
                    continue; // the contact tools read the client's own company, whatever the call says
                }
                Map<String, String> arguments = new java.util.HashMap<>(argumentsFor(tool));
                arguments.put("ticket", theirs);
                ToolCall call = call(tool.name(), arguments);
                assertThatThrownBy(() -> connection.execute(call)).as(tool.name().value())
                        .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.getMessage()).contains(theirs));
            }
            assertThat(connection.ticketSystem().orElseThrow().notes(theirs)).as("nothing written")
                    .allSatisfy(n -> assertThat(n.text()).doesNotContain("Checked the account."));
        }
    }

    @Test
    void aClientWithoutACompanyCannotUseTheTools() {
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            ToolCall call = call(tool("get-ticket"), Map.of("ticket", aTicketOf(company)));
            ToolCall unmapped = new ToolCall(call.msp(), call.client(), Optional.empty(), call.session(),
                    call.requester(), call.tool(), call.arguments());
            assertThatThrownBy(() -> connection.execute(unmapped)).isInstanceOf(NotFound.class)
                    .hasMessageContaining("company");
        }
    }

    @Test
    void theToolsReadAndWriteTheClientsTicket() {
        String ticket = aTicketOf(company);
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            assertThat(connection.execute(call(tool("get-ticket"), Map.of("ticket", ticket))).summary())
                    .contains("Ticket " + ticket, "Outlook keeps asking for my password");

            connection.execute(call(tool("add-internal-note"), Map.of("ticket", ticket, "text", "Only for techs")));
            connection.execute(call(tool("reply-to-requester"), Map.of("ticket", ticket, "text", "Fixed it, Dana")));
            assertThat(connection.execute(call(tool("update-status"), Map.of("ticket", ticket, "status",
                    "in progress"))).summary()).contains("in progress");

            assertThat(connection.ticketSystem().orElseThrow().notes(ticket))
                    .anySatisfy(n -> {
                        assertThat(n.text()).contains("Only for techs");
                        assertThat(n.visibility()).isEqualTo(PsaNote.Visibility.INTERNAL);
                    })
                    .anySatisfy(n -> {
                        assertThat(n.text()).contains("Fixed it, Dana");
                        assertThat(n.visibility()).isEqualTo(PsaNote.Visibility.PUBLIC);
                    });
            assertThat(connection.ticketSystem().orElseThrow().ticket(ticket).status())
                    .isEqualToIgnoringCase("In Progress");
            assertThat(connection.execute(call(tool("list-notes"), Map.of("ticket", ticket))).summary())
                    .contains("internal: Only for techs", "public: Fixed it, Dana");
        }
    }

    @Test
    void findsTheClientsOwnContactByEmailAndListsItsCompanysActiveContacts() {
        String other = Long.toString(COMPANY.addAndGet(3));
        String email = "dana." + company + "@contoso.example";
        seedContact(other, "Dana", "Elsewhere", email, true);
        String dana = seedContact(company, "Dana", "Reyes", email, true);
        seedContact(company, "Sam", "Lee", "sam." + company + "@contoso.example", true);
        seedContact(company, "Old", "Account", "old." + company + "@contoso.example", false);
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            String found = connection.execute(call(tool("find-contact"), Map.of("email", email.toUpperCase())))
                    .summary();
            assertThat(found).contains("1 contact:", "Dana Reyes <" + email + ">", "(contact " + dana + ")")
                    .doesNotContain("Elsewhere");
            assertThat(connection.execute(call(tool("find-contact"), Map.of("email", "nobody@contoso.example")))
                    .summary()).startsWith("No contact of the client's company");

            String listed = connection.execute(call(tool("list-company-contacts"), Map.of())).summary();
            assertThat(listed).contains("2 contacts:", "Dana Reyes", "Sam Lee").doesNotContain("Old Account")
                    .doesNotContain("Elsewhere");
        }
    }

    @Test
    void everyToolTurnsHttpTroubleIntoAClearFailureAndAThrottledCallIsRetried() {
        try (IntegrationConnection connection = provider().connect(integration(), usableValues(), context())) {
            for (Tool tool : connection.tools()) {
                ToolCall call = call(tool.name(), argumentsFor(tool));
                String what = tool.name().value();

                assertThat(failureOf(connection, call, aResponse().withStatus(401)))
                        .as(what + " on 401").satisfies(f -> {
                            assertThat(f.retryable()).isFalse();
                            assertThat(f.getMessage()).contains("refused the credentials");
                        });
                assertThat(failureOf(connection, call, aResponse().withStatus(503).withBody("{\"message\":\"down\"}")))
                        .as(what + " on 503").satisfies(f -> assertThat(f.retryable()).isTrue());
                assertThat(failureOf(connection, call, aResponse().withStatus(429).withHeader("Retry-After", "3600")))
                        .as(what + " throttled for an hour").satisfies(f -> {
                            assertThat(f.retryable()).isTrue();
                            assertThat(f.getMessage()).contains("429");
                        });

                StubMapping once = wiremock().stubFor(any(apiUrls()).atPriority(1).inScenario("throttle " + what)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
                        .willSetStateTo("served"));
                try {
                    assertThat(connection.execute(call(tool.name(), argumentsFor(tool))).summary())
                            .as(what + " after one throttled answer").isNotBlank();
                } finally {
                    wiremock().removeStub(once);
                }

                if (tool.input().parameter("ticket").isPresent()) {
                    Map<String, String> unknown = new java.util.HashMap<>(call.arguments());
                    unknown.put("ticket", "987654321");
                    assertThatThrownBy(() -> connection.execute(call(tool.name(), unknown))).as(what + " on 404")
                            .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.getMessage())
                                    .contains("987654321"));
                }
            }
        }
    }

    private PortFailure failureOf(IntegrationConnection connection, ToolCall call, ResponseDefinitionBuilder answer) {
        StubMapping failing = wiremock().stubFor(any(apiUrls()).atPriority(1).willReturn(answer));
        try {
            Throwable thrown = catchThrowable(() -> connection.execute(call));
            assertThat(thrown).isInstanceOf(PortFailure.class);
            return (PortFailure) thrown;
        } finally {
            wiremock().removeStub(failing);
        }
    }
}