package dev.steward.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical string and signature, against the examples of Duo's own client libraries. */
class DuoSignerTest {

    @Test
    void sortsParametersAndEncodesThemLikeDuo() {
        assertThat(DuoSigner.parameters(Map.of("username", "root", "realname", "First Last")))
                .isEqualTo("realname=First%20Last&username=root");
        assertThat(DuoSigner.parameters(Map.of())).isEmpty();
        assertThat(DuoSigner.encode("a+b*c~d/é")).isEqualTo("a%2Bb%2Ac~d%2F%C3%A9");
    }

    @Test
    void writesTheDateAsRfc2822InUtc() {
        assertThat(DuoSigner.date(ZonedDateTime.of(2012, 8, 21, 19, 29, 18, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("Tue, 21 Aug 2012 17:29:18 -0000");
    }

    @Test
    void buildsTheCanonicalStringAndSignsItWithHmacSha512() {
        String canonical = DuoSigner.canonical("Tue, 21 Aug 2012 17:29:18 -0000", "post",
                "API-XXXXXXXX.duosecurity.com", "/auth/v2/preauth", Map.of("username", "root"));

        assertThat(canonical).isEqualTo("Tue, 21 Aug 2012 17:29:18 -0000\nPOST\napi-xxxxxxxx.duosecurity.com\n"
                + "/auth/v2/preauth\nusername=root");
        String header = DuoSigner.authorization("DIWJ8X6AEYOR5OMC6TQ1", "secret".getBytes(), canonical);
        String decoded = new String(java.util.Base64.getDecoder().decode(header.substring("Basic ".length())));
        assertThat(decoded).startsWith("DIWJ8X6AEYOR5OMC6TQ1:").hasSize("DIWJ8X6AEYOR5OMC6TQ1:".length() + 128);
    }
}
