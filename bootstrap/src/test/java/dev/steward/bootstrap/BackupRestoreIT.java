package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.adapter.persistence.backup.BackupRefused;
import dev.steward.adapter.persistence.backup.DatabaseBackup;
import dev.steward.application.port.activity.ActivityLog;
import dev.steward.application.port.activity.ActivityQuery;
import dev.steward.domain.activity.ActivityEntry;
import dev.steward.domain.activity.ActivityKind;
import dev.steward.domain.activity.ActivityOutcome;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.client.ClientId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@code steward backup} of a running embedded installation, {@code steward restore} into a fresh one: every client,
 * user, API token (it still signs in), activity entry and integration secret (decrypted: the restored PSA is live
 * again from it) comes back. A wrong passphrase is refused with a clear message and leaves the target untouched.
 */
class BackupRestoreIT {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String HOOK_SECRET = "autotask-hook-secret-0042";
    private final HttpClient http = HttpClient.newHttpClient();

    private static Map<String, String> environment(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("STEWARD_HTTP_PORT", "0");
        env.put("STEWARD_DATA_DIR", dataDir.toString());
        env.put("STEWARD_ADMIN_PASSWORD", "the first admin's password");
        return env;
    }

    @Test
    void aBackupOfARunningInstallationRestoresEverythingIntoAFreshOne() throws Exception {
        Path original = Files.createTempDirectory("steward-backup-from");
        Path file = Files.createTempDirectory("steward-backups").resolve("steward.backup");
        String token;
        String technician = "tech-" + UUID.randomUUID() + "@northwind.example";
        UUID entry = UUID.randomUUID();
        List<WireMockServer> wiremocks = new ArrayList<>();
        StubAutotask autotask = new StubAutotask("api@northwind.example", "TRACK-1", "autotask-api-secret-9876");
        autotask.serveAt(PlanModeWorld.serve(autotask, wiremocks).baseUrl());
        try (StewardServer server = StewardServer.start(StewardConfig.from(environment(original)))) {
            ApiCaller api = ApiCaller.of(server);
            token = ApiCaller.issueToken(server);
            for (String slug : List.of("acme", "initech", "globex")) {
                assertThat(api.send("POST", "/api/v1/clients", "{\"name\":\"" + slug + "\",\"slug\":\"" + slug
                        + "\"}").statusCode()).isEqualTo(201);
            }
            assertThat(api.send("POST", "/api/v1/integrations", """
                    {"kind": "autotask",
                     "settings": {"userName": "api@northwind.example", "integrationCode": "TRACK-1",
                                  "zoneLookupBase": "%s/atservicesrest/"},
                     "secrets": {"secret": "autotask-api-secret-9876", "webhookSecret": "%s"}}"""
                    .formatted(autotask.baseUrl(), HOOK_SECRET)).statusCode()).isEqualTo(201);
            server.useCases().createUser().create(new dev.steward.application.signin.CreateUserCommand(
                    server.defaultMsp().id(), technician, "a technician's password", "technician"));
            ClientId acme = server.useCases().getClient().get(server.defaultMsp().id(), "acme").client().id();
            server.component(ActivityLog.class).append(new ActivityEntry(entry, server.defaultMsp().id(), acme,
                    Optional.empty(), Optional.of("T-1"), Instant.now(), ActivityKind.REQUEST, Optional.empty(),
                    RedactedArguments.NONE, ActivityOutcome.OK, "please reset my password", Duration.ZERO,
                    Optional.empty()));

            // online: the control plane keeps running while the backup reads its database
            DatabaseBackup.Summary written = BackupCommand.backup(StewardConfig.from(environment(original)), file,
                    PASSPHRASE.toCharArray());
            assertThat(written.rows()).containsKeys("clients", "users", "api_tokens", "activity_log",
                    "integration_secrets");
        }
        wiremocks.forEach(WireMockServer::stop);
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as("no secret in clear")
                .doesNotContain(HOOK_SECRET).doesNotContain(Files.readString(original.resolve("secret.key")).strip());

        Path fresh = Files.createTempDirectory("steward-backup-to").resolve("new");
        DatabaseBackup.Summary restored = BackupCommand.restore(StewardConfig.from(environment(fresh)), file,
                PASSPHRASE.toCharArray());
        assertThat(restored.total()).isPositive();
        assertThat(Files.readString(fresh.resolve("secret.key"))).as("the backup's key, in the new key file")
                .isEqualTo(Files.readString(original.resolve("secret.key")));

        try (StewardServer server = StewardServer.start(StewardConfig.from(environment(fresh)))) {
            assertThat(server.firstAdmin()).as("users came back, so no first run").isEmpty();
            ApiCaller api = ApiCaller.at(server.port(), token);
            HttpResponse<String> clients = api.send("GET", "/api/v1/clients", null);
            assertThat(clients.statusCode()).as("the API token still signs in").isEqualTo(200);
            assertThat(clients.body()).contains("\"acme\"", "\"initech\"", "\"globex\"");
            assertThat(server.component(dev.steward.application.port.access.UserRepository.class)
                    .findByEmail(new dev.steward.domain.user.EmailAddress(technician))).isPresent();
            assertThat(server.component(ActivityLog.class).query(ActivityQuery.newest(server.defaultMsp().id(),
                    Optional.empty(), 50))).extracting(ActivityEntry::id).contains(entry);
            assertThat(webhook(server)).as("the PSA is live again from its decrypted secrets").isEqualTo(204);
        }
    }

    @Test
    void aWrongPassphraseIsRefusedClearlyAndChangesNothing() throws Exception {
        Path original = Files.createTempDirectory("steward-backup-from");
        Path file = Files.createTempDirectory("steward-backups").resolve("steward.backup");
        try (StewardServer server = StewardServer.start(StewardConfig.from(environment(original)))) {
            BackupCommand.backup(StewardConfig.from(environment(original)), file, PASSPHRASE.toCharArray());
        }
        Path fresh = Files.createTempDirectory("steward-backup-to").resolve("new");

        assertThatThrownBy(() -> BackupCommand.restore(StewardConfig.from(environment(fresh)), file,
                "not the passphrase at all".toCharArray()))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("the passphrase does not open this backup").hasMessageContaining("nothing");
        assertThat(fresh).as("nothing was created").doesNotExist();
    }

    @Test
    void aRestoreIntoADataDirectoryInUseIsRefused() throws Exception {
        Path original = Files.createTempDirectory("steward-backup-from");
        Path file = Files.createTempDirectory("steward-backups").resolve("steward.backup");
        try (StewardServer server = StewardServer.start(StewardConfig.from(environment(original)))) {
            BackupCommand.backup(StewardConfig.from(environment(original)), file, PASSPHRASE.toCharArray());
            assertThatThrownBy(() -> BackupCommand.restore(StewardConfig.from(environment(original)), file,
                    PASSPHRASE.toCharArray()))
                    .isInstanceOf(BackupRefused.class).hasMessageContaining("is not empty");
            assertThat(ApiCaller.of(server).send("GET", "/api/v1/clients", null).statusCode()).isEqualTo(200);
        }
    }

    /** An authentic Autotask delivery about something that is not a ticket: 204 when read, 401 when refused. */
    private int webhook(StewardServer server) throws Exception {
        String body = "{\"Action\":\"Update\",\"EntityType\":\"Contact\",\"Id\":7}";
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(HOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/hooks/psa/"
                        + server.defaultMsp().id() + "/autotask"))
                .header("Content-Type", "application/json").header("X-Hook-Signature", signature)
                .POST(BodyPublishers.ofString(body)).build();
        return http.send(request, BodyHandlers.ofString()).statusCode();
    }
}
