package dev.steward.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.port.runtime.AgentSpec;
import dev.steward.domain.client.ClientId;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContainerLabelsTest {

    private static final MspId MSP = MspId.parse("1a2b3c4d-0000-4000-8000-000000000001");
    private static final ClientId CLIENT = ClientId.parse("9f8e7d6c-0000-4000-8000-000000000002");

    private static AgentSpec spec(String slug) {
        return new AgentSpec(CLIENT, MSP, Slug.of(slug), 3);
    }

    @Test
    void namesTheContainerAfterMspAndSlug() {
        assertThat(ContainerLabels.containerName(spec("acme-corp"))).isEqualTo("steward-1a2b3c4d-acme-corp");
    }

    @Test
    void labelsCarryInstallationMspClientAndConfigVersion() {
        assertThat(ContainerLabels.of(spec("acme"), "acme-prod")).isEqualTo(Map.of("steward.installation",
                "acme-prod", "steward.msp", MSP.toString(), "steward.client", CLIENT.toString(),
                "steward.config-version", "3"));
    }

    @Test
    void lookupsAreScopedToTheInstallation() {
        assertThat(ContainerLabels.ofInstallation("acme-prod")).isEqualTo(Map.of("steward.installation", "acme-prod"));
        assertThat(ContainerLabels.ofClient("acme-prod", CLIENT)).isEqualTo(Map.of("steward.installation",
                "acme-prod", "steward.client", CLIENT.toString()));
    }

    @Test
    void keepsShortServiceNamesAsTheyAre() {
        assertThat(ContainerLabels.serviceName(spec("acme-corp"))).isEqualTo("steward-1a2b3c4d-acme-corp");
    }

    @Test
    void cutsLongServiceNamesToADnsLabelAndKeepsThemDistinct() {
        String longSlug = "a".repeat(50) + "-one";
        String otherSlug = "a".repeat(50) + "-two";

        String one = ContainerLabels.serviceName(spec(longSlug));
        String two = ContainerLabels.serviceName(spec(otherSlug));

        assertThat(one).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
        assertThat(two).hasSizeLessThanOrEqualTo(63);
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void readsLabelsBack() {
        assertThat(ContainerLabels.read(ContainerLabels.of(spec("acme"), "acme-prod")))
                .contains(new ContainerLabels.Labelled(CLIENT, MSP, 3));
    }

    @Test
    void ignoresContainersWithMalformedLabels() {
        assertThat(ContainerLabels.read(Map.of("steward.client", "not-a-uuid", "steward.msp",
                UUID.randomUUID().toString()))).isEmpty();
        assertThat(ContainerLabels.read(Map.of("steward.client", CLIENT.toString()))).isEmpty();
        assertThat(ContainerLabels.read(null)).isEmpty();
    }
}
