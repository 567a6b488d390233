package dev.steward.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ImageNameTest {

    @Test
    void aNameNamesItsRegistryTheWayTheEngineReadsIt() {
        assertThat(ImageName.namesRegistry("registry.example/steward/agent:1")).isTrue();
        assertThat(ImageName.namesRegistry("127.0.0.1:5016/steward/agent:1")).isTrue();
        assertThat(ImageName.namesRegistry("localhost/steward/agent")).isTrue();
        assertThat(ImageName.namesRegistry("steward/agent:dev")).as("Docker Hub's steward/agent").isFalse();
        assertThat(ImageName.namesRegistry("agent:dev")).isFalse();
        assertThat(ImageName.registry("127.0.0.1:5016/steward/agent:1")).isEqualTo("127.0.0.1:5016");
        assertThatThrownBy(() -> ImageName.registry("steward/agent")).hasMessageContaining("names no registry");
    }

    @Test
    void aPinnedNameLosesItsDigestToBePinnedAgain() {
        assertThat(ImageName.withoutDigest("r.example/a:1@sha256:" + "b".repeat(64))).isEqualTo("r.example/a:1");
        assertThat(ImageName.withoutDigest("r.example/a:1")).isEqualTo("r.example/a:1");
    }

    @Test
    void registryCredentialsBecomeTheHeaderTheEngineDecodesAndNeverShowTheirPassword() throws Exception {
        RegistryCredentials credentials = new RegistryCredentials("puller", "p\"w\\d");

        JsonNode decoded = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(credentials.header("r:5000")));

        assertThat(decoded.path("username").asText()).isEqualTo("puller");
        assertThat(decoded.path("password").asText()).isEqualTo("p\"w\\d");
        assertThat(decoded.path("serveraddress").asText()).isEqualTo("r:5000");
        assertThat(credentials.toString()).doesNotContain("p\"w").contains("hidden");
    }
}
