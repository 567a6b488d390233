package dev.steward.adapter.m365;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.steward.application.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One Microsoft cloud stub per test class, and the adapter pointed at it. */
abstract class CloudSupport {

    static final FakeMicrosoftCloud CLOUD = new FakeMicrosoftCloud();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(CLOUD)).build();

    final MutableClock clock = MutableClock.startingAt("2026-11-22T09:00:00Z");
    final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void routeEverythingToTheCloud() {
        WIREMOCK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FakeMicrosoftCloud.NAME)));
    }

    /** The values an MSP enters to connect (settings and secrets in one map), pointed at the stub. */
    static Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        values.put(M365Settings.TENANT, FakeMicrosoftCloud.PARTNER_DOMAIN);
        values.put(M365Settings.CLIENT_ID, FakeMicrosoftCloud.CLIENT_ID);
        values.put(M365Settings.CLIENT_SECRET, FakeMicrosoftCloud.CLIENT_SECRET);
        values.put(M365Settings.AUTHORITY_URL, WIREMOCK.baseUrl());
        values.put(M365Settings.GRAPH_URL, WIREMOCK.baseUrl());
        return values;
    }

    Graph graph() {
        return graph(M365Settings.from(values()), clock, HttpPolicy.DEFAULT);
    }

    Graph graph(M365Settings settings, Clock clock, HttpPolicy policy) {
        TenantTokens tokens = new TenantTokens(settings, Graph.defaultClient(), policy, clock);
        return new Graph(settings, tokens, Graph.defaultClient(), policy, sleeper);
    }

    TenantGraph tenant(Graph graph, FakeTenant tenant) {
        return new TenantGraph(graph, tenant.id(), "tenant " + tenant.name());
    }

    /** Records the waits the adapter asks for instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    /** A self-signed certificate and its key as one PEM text, made with the JDK's keytool. */
    record CertificatePem(String pem, X509Certificate certificate) {

        static CertificatePem generate(String alias) throws IOException, InterruptedException {
            Path dir = Files.createTempDirectory("m365-cert");
            Path store = dir.resolve("app.p12");
            String keytool = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("keytool")
                    .toString();
            Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", alias, "-keyalg", "RSA",
                    "-keysize", "2048", "-validity", "30", "-dname", "CN=Steward test app", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed");
            }
            try (var in = Files.newInputStream(store)) {
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                keyStore.load(in, "changeit".toCharArray());
                PrivateKey key = (PrivateKey) keyStore.getKey(alias, "changeit".toCharArray());
                X509Certificate certificate = (X509Certificate) keyStore.getCertificate(alias);
                Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes());
                String pem = "-----BEGIN CERTIFICATE-----\n" + mime.encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n"
                        + mime.encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
                return new CertificatePem(pem, certificate);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } finally {
                Files.deleteIfExists(store);
                Files.deleteIfExists(dir);
            }
        }
    }
}
