package dev.steward.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeySourceTest {

    @TempDir
    Path directory;

    @Test
    void createsAKeyFileOnceReadableByItsOwnerOnlyAndReadsTheSameKeyAfterwards() throws Exception {
        Path file = directory.resolve("data").resolve("secret.key");
        SecretKeySource source = new SecretKeySource.KeyFile(file, true);

        byte[] first = source.load();
        byte[] again = source.load();

        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new SecretCipher(first).keyId()).isEqualTo(new SecretCipher(again).keyId()).hasSize(16);
    }

    @Test
    void aMissingFileThatMustNotBeCreatedAndAMalformedKeyAreNamed() throws Exception {
        assertThatThrownBy(() -> new SecretKeySource.KeyFile(directory.resolve("nope"), false).load())
                .hasMessageContaining("does not exist");
        Path shortKey = Files.writeString(directory.resolve("short.key"),
                Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> new SecretKeySource.KeyFile(shortKey, false).load())
                .hasMessageContaining("32 bytes").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new SecretKeySource.Given("not base64!")).hasMessageContaining("not base64");
        assertThat(new SecretKeySource.Given(Base64.getEncoder().encodeToString(new byte[32])).toString())
                .doesNotContain("AAAA");
    }

    @Test
    void sealsEachValueWithAFreshNonceAndOpensItOnlyForItsAssociatedData() {
        SecretCipher cipher = new SecretCipher(new byte[32]);

        byte[] one = cipher.encrypt("hunter2-hunter2", "a");
        byte[] two = cipher.encrypt("hunter2-hunter2", "a");

        assertThat(one).isNotEqualTo(two);
        assertThat(cipher.decrypt(one, "a")).isEqualTo("hunter2-hunter2");
        assertThatThrownBy(() -> cipher.decrypt(one, "b")).hasMessageContaining("integrity");
    }
}
