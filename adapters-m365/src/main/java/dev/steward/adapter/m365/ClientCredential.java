package dev.steward.adapter.m365;

import dev.steward.domain.problem.InvalidValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the partner tenant's app proves itself at the token endpoint: its client secret, or a certificate (a signed
 * JWT client assertion, RFC 7523, as Microsoft's identity platform takes it). Neither {@code toString} shows key
 * material.
 */
sealed interface ClientCredential {

    /** The form fields that authenticate the client, for a token request to {@code tokenEndpoint} at {@code now}. */
    Map<String, String> formFields(String clientId, URI tokenEndpoint, Instant now);

    /** The settings field a token endpoint's refusal of this credential is about. */
    String field();

    /** A client secret. */
    final class SharedSecret implements ClientCredential {

        private final String secret;

        SharedSecret(String secret) {
            this.secret = secret;
        }

        @Override
        public Map<String, String> formFields(String clientId, URI tokenEndpoint, Instant now) {
            return Map.of("client_secret", secret);
        }

        @Override
        public String field() {
            return "secrets.clientSecret";
        }

        @Override
        public String toString() {
            return "client secret [hidden]";
        }
    }

    /**
     * A certificate registered on the app and its RSA private key. The assertion names the certificate by its SHA-1
     * thumbprint ({@code x5t}) and is valid for ten minutes.
     */
    final class CertificateKey implements ClientCredential {

        static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
        private static final Duration LIFETIME = Duration.ofMinutes(10);
        private static final Pattern PEM = Pattern.compile(
                "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

        private final PrivateKey key;
        private final String thumbprint;

        private CertificateKey(PrivateKey key, X509Certificate certificate) {
            this.key = key;
            try {
                this.thumbprint = base64Url(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks SHA-1", e);
            }
        }

        /**
         * Reads a PEM text holding the certificate ({@code BEGIN CERTIFICATE}) and its unencrypted PKCS #8 RSA key
         * ({@code BEGIN PRIVATE KEY}).
         *
         * @throws InvalidValue on {@code secrets.certificate} naming what is missing or unreadable
         */
        static CertificateKey fromPem(String pem) {
            PrivateKey key = null;
            X509Certificate certificate = null;
            Matcher m = PEM.matcher(pem);
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                switch (m.group(1)) {
                    case "PRIVATE KEY" -> key = rsaKey(der);
                    case "CERTIFICATE" -> certificate = certificate(der);
                    case "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> throw invalid("holds a " + m.group(1)
                            + "; give an unencrypted PKCS #8 key (openssl pkcs8 -topk8 -nocrypt)");
                    default -> { }
                }
            }
            if (certificate == null) {
                throw invalid("must hold the certificate (-----BEGIN CERTIFICATE-----)");
            }
            if (key == null) {
                throw invalid("must hold the certificate's private key (-----BEGIN PRIVATE KEY-----)");
            }
            return new CertificateKey(key, certificate);
        }

        @Override
        public Map<String, String> formFields(String clientId, URI tokenEndpoint, Instant now) {
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5t\":\"" + thumbprint + "\"}";
            long issued = now.getEpochSecond();
            String claims = "{\"aud\":\"" + tokenEndpoint + "\",\"iss\":\"" + clientId + "\",\"sub\":\"" + clientId
                    + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"nbf\":" + issued + ",\"iat\":" + issued
                    + ",\"exp\":" + (issued + LIFETIME.toSeconds()) + "}";
            String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + base64Url(claims.getBytes(StandardCharsets.UTF_8));
            try {
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initSign(key);
                rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("client_assertion_type", ASSERTION_TYPE);
                fields.put("client_assertion", signingInput + "." + base64Url(rs256.sign()));
                return fields;
            } catch (GeneralSecurityException e) {
                throw invalid("could not sign a client assertion: " + e.getClass().getSimpleName());
            }
        }

        @Override
        public String field() {
            return "secrets.certificate";
        }

        @Override
        public String toString() {
            return "certificate " + thumbprint + " [key hidden]";
        }

        private static PrivateKey rsaKey(byte[] der) {
            try {
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                throw invalid("holds a private key that is not an RSA PKCS #8 key");
            }
        }

        private static X509Certificate certificate(byte[] der) {
            try {
                return (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
            } catch (CertificateException e) {
                throw invalid("holds a certificate that cannot be read");
            }
        }

        private static InvalidValue invalid(String rule) {
            return InvalidValue.of("secrets.certificate", "unusable", rule);
        }
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
