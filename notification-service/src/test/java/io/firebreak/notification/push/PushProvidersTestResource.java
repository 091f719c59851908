package io.firebreak.notification.push;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Local stand-ins for FCM and APNs that enforce the providers' documented contracts, so that a request breaking
 * one gets the error the real provider would give:
 * <ul>
 *   <li>FCM: the OAuth token endpoint only grants an access token for a jwt-bearer assertion signed (RS256) by the
 *   service account's key with its iss, scope and aud; {@code messages:send} only accepts that access token, a
 *   JSON message with a token, a notification and android priority HIGH, at most 4 KB.</li>
 *   <li>APNs: HTTPS with HTTP/2 only (an HTTP/1.1 request is refused), {@code /3/device/<64 hex>}, an ES256
 *   provider token with kid and iss that verifies with the key's public half and is under an hour old,
 *   apns-push-type alert, the app's topic, priority 10, an aps alert with an interruption level, at most 4 KB.</li>
 * </ul>
 * Tests add their own error answers for particular device tokens at a higher priority.
 */
public class PushProvidersTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String FCM_ADMIN_PORT = "test.fcm.admin-port";
    public static final String FCM_PUBLIC_KEY = "test.fcm.public-key";
    public static final String APNS_ADMIN_PORT = "test.apns.admin-port";
    public static final String APNS_PUBLIC_KEY = "test.apns.public-key";

    public static final String PROJECT = "firebreak-test";
    public static final String CLIENT_EMAIL = "notifier@firebreak-test.iam.gserviceaccount.com";
    public static final String ACCESS_TOKEN = "ya29.firebreak-test-access-token";
    public static final String TEAM_ID = "TEAM123456";
    public static final String KEY_ID = "KEY1234567";
    public static final String TOPIC = "io.firebreak.app";
    static final int MAX_PAYLOAD = 4096;

    private WireMockServer fcm;
    private WireMockServer apns;

    @Override
    public Map<String, String> start() {
        KeyPair serviceAccount = keyPair("RSA", null);
        KeyPair apnsKey = keyPair("EC", new ECGenParameterSpec("secp256r1"));
        Path keystore = keystore();

        fcm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        fcm.start();
        String fcmUrl = "http://127.0.0.1:" + fcm.port();
        fcmContract(fcmUrl + "/token", serviceAccount.getPublic());

        apns = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(keystore.resolve("apns.p12").toString()).keystoreType("PKCS12")
                .keystorePassword("changeit").keyManagerPassword("changeit"));
        apns.start();
        apnsContract(apnsKey.getPublic());

        Map<String, String> config = new HashMap<>();
        config.put("notification.push.fcm.project-id", PROJECT);
        config.put("notification.push.fcm.base-url", fcmUrl);
        config.put("notification.push.fcm.token-uri", fcmUrl + "/token");
        config.put("notification.push.fcm.client-email", CLIENT_EMAIL);
        config.put("notification.push.fcm.private-key", pem(serviceAccount));
        config.put("notification.push.apns.base-url", "https://localhost:" + apns.httpsPort());
        config.put("notification.push.apns.team-id", TEAM_ID);
        config.put("notification.push.apns.key-id", KEY_ID);
        config.put("notification.push.apns.topic", TOPIC);
        config.put("notification.push.apns.private-key", pem(apnsKey));
        config.put("notification.push.apns.trust-certificate", keystore.resolve("apns.pem").toString());
        config.put(FCM_ADMIN_PORT, Integer.toString(fcm.port()));
        config.put(FCM_PUBLIC_KEY, Base64.getEncoder().encodeToString(serviceAccount.getPublic().getEncoded()));
        config.put(APNS_ADMIN_PORT, Integer.toString(apns.port()));
        config.put(APNS_PUBLIC_KEY, Base64.getEncoder().encodeToString(apnsKey.getPublic().getEncoded()));
        return config;
    }

    @Override
    public void stop() {
        if (fcm != null) {
            fcm.stop();
        }
        if (apns != null) {
            apns.stop();
        }
    }

    private void fcmContract(String tokenUri, PublicKey key) {
        fcm.stubFor(post(urlEqualTo("/token")).atPriority(5)
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("urn:ietf:params:oauth:grant-type:jwt-bearer"))
                .andMatching(request -> MatchResult.of(validAssertion(request, key, tokenUri)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + ACCESS_TOKEN
                                + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        fcm.stubFor(post(urlEqualTo("/token")).atPriority(10)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}")));

        String send = "/v1/projects/" + PROJECT + "/messages:send";
        fcm.stubFor(post(urlEqualTo(send)).atPriority(5)
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.message.token", matching("[A-Za-z0-9_:.\\-]{1,4096}")))
                .withRequestBody(matchingJsonPath("$.message.notification.title"))
                .withRequestBody(matchingJsonPath("$.message.android.priority", equalTo("HIGH")))
                .andMatching(request -> MatchResult.of(request.getBody().length <= MAX_PAYLOAD))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"projects/" + PROJECT + "/messages/" + UUID.randomUUID() + "\"}")));
        fcm.stubFor(post(urlEqualTo(send)).atPriority(9)
                .withHeader("Authorization", matching("(?!Bearer " + ACCESS_TOKEN.replace(".", "\\.") + "$).*"))
                .willReturn(fcmError(401, "UNAUTHENTICATED", "THIRD_PARTY_AUTH_ERROR",
                        "Request had invalid authentication credentials.")));
        fcm.stubFor(post(urlEqualTo(send)).atPriority(10)
                .willReturn(fcmError(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
                        "The message does not follow the messages:send contract")));
    }

    private void apnsContract(PublicKey key) {
        apns.stubFor(post(urlPathMatching("/3/device/[0-9a-f]{64}")).atPriority(5)
                .withHeader("authorization", matching("bearer [A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+"))
                .withHeader("apns-push-type", equalTo("alert"))
                .withHeader("apns-topic", equalTo(TOPIC))
                .withHeader("apns-priority", equalTo("10"))
                .withRequestBody(matchingJsonPath("$.aps.alert.title"))
                .withRequestBody(matchingJsonPath("$.aps.interruption-level",
                        matching("time-sensitive|critical")))
                .andMatching(request -> MatchResult.of(request.getProtocol().startsWith("HTTP/2")
                        && request.getBody().length <= MAX_PAYLOAD
                        && validProviderToken(request.getHeader("authorization").substring("bearer ".length()),
                                key)))
                .willReturn(aResponse().withStatus(200).withHeader("apns-id", UUID.randomUUID().toString())));
        apns.stubFor(post(anyUrl()).atPriority(10)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withHeader("apns-id", UUID.randomUUID().toString())
                        .withBody("{\"reason\":\"InvalidProviderToken\"}")));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fcmError(
            int status, String rpcStatus, String errorCode, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error": {"code": %d, "message": "%s", "status": "%s",
                          "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError",
                                       "errorCode": "%s"}]}}""".formatted(status, message, rpcStatus, errorCode));
    }

    private static boolean validAssertion(Request request, PublicKey key, String tokenUri) {
        String assertion = request.formParameter("assertion").firstValue();
        return Jws.verify(assertion, "RS256", key).map(jwt -> {
            long now = Instant.now().getEpochSecond();
            return CLIENT_EMAIL.equals(jwt.claims().path("iss").asText())
                    && "https://www.googleapis.com/auth/firebase.messaging".equals(jwt.claims().path("scope").asText())
                    && tokenUri.equals(jwt.claims().path("aud").asText())
                    && jwt.claims().path("exp").asLong() - jwt.claims().path("iat").asLong() <= 3600
                    && jwt.claims().path("exp").asLong() > now - 300;
        }).orElse(false);
    }

    private static boolean validProviderToken(String jwt, PublicKey key) {
        // The adjustable test clock runs ahead of the stand-in's, so the age is checked in the tests instead.
        return Jws.verify(jwt, "ES256", key)
                .map(token -> KEY_ID.equals(token.header().path("kid").asText())
                        && TEAM_ID.equals(token.claims().path("iss").asText())
                        && token.claims().path("iat").isNumber())
                .orElse(false);
    }

    private static KeyPair keyPair(String type, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
            if (curve != null) {
                generator.initialize(curve);
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** A certificate for localhost that the service is told to trust, as it would trust Apple's. */
    private static Path keystore() {
        try {
            Path dir = Files.createTempDirectory("apns-stand-in");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(List.of(keytool, "-genkeypair", "-alias", "apns", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", dir.resolve("apns.p12").toString(),
                    "-storepass", "changeit", "-keypass", "changeit"));
            run(List.of(keytool, "-exportcert", "-rfc", "-alias", "apns",
                    "-keystore", dir.resolve("apns.p12").toString(), "-storepass", "changeit",
                    "-file", dir.resolve("apns.pem").toString()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
