package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.signin.FirstRunUseCase.FirstAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's reproduction: the first admin's generated password was printed on the console, which ends up in log
 * files when the console is redirected. It goes to an owner-only file in the data directory; the console says where.
 */
class FirstAdminPasswordTest {

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedPasswordIsWrittenToAnOwnerOnlyFileAndTheConsoleOnlySaysWhere() throws Exception {
        Map<String, String> env = Map.of("STEWARD_STORE", "memory", "STEWARD_HTTP_PORT", "0",
                "STEWARD_DATA_DIR", dataDir.toString());
        try (StewardServer server = StewardServer.start(StewardConfig.from(env))) {
            FirstAdmin admin = server.firstAdmin().orElseThrow();
            String password = admin.generatedPassword().orElseThrow();
            Path file = server.firstAdminPasswordFile().orElseThrow();

            assertThat(file).isEqualTo(dataDir.toAbsolutePath().resolve("first-admin-password"));
            assertThat(Files.readString(file).strip()).isEqualTo(password);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
            String notice = Main.firstRunNotice(admin, "http://127.0.0.1:8080/login", Optional.of(file));
            assertThat(notice).contains(file.toString()).contains(admin.admin().email().value())
                    .doesNotContain(password);
        }
    }

    @Test
    void aChosenPasswordIsNeitherWrittenNorShown() {
        Map<String, String> env = Map.of("STEWARD_STORE", "memory", "STEWARD_HTTP_PORT", "0",
                "STEWARD_DATA_DIR", dataDir.toString(), "STEWARD_ADMIN_PASSWORD", "a chosen passphrase");
        try (StewardServer server = StewardServer.start(StewardConfig.from(env))) {
            assertThat(server.firstAdminPasswordFile()).isEmpty();
            assertThat(Files.exists(dataDir.resolve("first-admin-password"))).isFalse();
            assertThat(Main.firstRunNotice(server.firstAdmin().orElseThrow(), "http://h/login", Optional.empty()))
                    .doesNotContain("a chosen passphrase");
        }
    }
}
