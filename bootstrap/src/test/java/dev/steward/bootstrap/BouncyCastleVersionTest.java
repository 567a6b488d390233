package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The review's finding: docker-java brought Bouncy Castle 1.82 (bcpkix, bcutil, bcprov), a version with published
 * CVEs. Every Bouncy Castle jar the control plane runs with must be at least the newest version that resolves here.
 */
class BouncyCastleVersionTest {

    private static final int[] NEWEST_RESOLVABLE = {1, 87};

    @Test
    void everyBouncyCastleJarOnTheClassPathIsTheNewestThatResolves() throws Exception {
        for (String type : List.of("org.bouncycastle.jce.provider.BouncyCastleProvider",
                "org.bouncycastle.cert.X509CertificateHolder", "org.bouncycastle.asn1.cmc.CMCStatus")) {
            String jar = Class.forName(type).getProtectionDomain().getCodeSource().getLocation().getPath();
            Matcher version = Pattern.compile("-(\\d+)\\.(\\d+)(?:\\.\\d+)?\\.jar$").matcher(jar);
            assertThat(version.find()).as(jar).isTrue();
            int major = Integer.parseInt(version.group(1));
            int minor = Integer.parseInt(version.group(2));
            assertThat(major > NEWEST_RESOLVABLE[0] || major == NEWEST_RESOLVABLE[0] && minor >= NEWEST_RESOLVABLE[1])
                    .as(jar + " is at least 1.87").isTrue();
        }
    }
}
