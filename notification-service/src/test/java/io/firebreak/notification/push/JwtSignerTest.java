package io.firebreak.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtSignerTest {

    private static KeyPair pair(String type) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
        if (type.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
    }

    @Test
    void es256TokenVerifiesWithThePublicKeyAndCarriesKidAndIss() throws Exception {
        KeyPair key = pair("EC");
        String jwt = new JwtSigner(JwtSigner.Algorithm.ES256, pem(key))
                .sign(Map.of("kid", "KEY1234567"), Map.of("iss", "TEAM123456", "iat", 1_700_000_000L));

        Jws.Verified verified = Jws.verify(jwt, "ES256", key.getPublic()).orElseThrow();
        assertThat(verified.header().path("alg").asText()).isEqualTo("ES256");
        assertThat(verified.header().path("kid").asText()).isEqualTo("KEY1234567");
        assertThat(verified.claims().path("iss").asText()).isEqualTo("TEAM123456");
        assertThat(verified.claims().path("iat").asLong()).isEqualTo(1_700_000_000L);
        // JWS wants the raw 64-byte R||S, not DER.
        assertThat(Base64.getUrlDecoder().decode(jwt.split("\\.")[2])).hasSize(64);
    }

    @Test
    void rs256TokenVerifiesAndAnotherKeyDoesNot() throws Exception {
        KeyPair key = pair("RSA");
        String jwt = new JwtSigner(JwtSigner.Algorithm.RS256, pem(key).replace("\n", "\\n"))
                .sign(Map.of(), Map.of("iss", "a\"quoted\" name", "exp", 1L));

        assertThat(Jws.verify(jwt, "RS256", key.getPublic()).orElseThrow().claims().path("iss").asText())
                .isEqualTo("a\"quoted\" name");
        assertThat(Jws.verify(jwt, "RS256", pair("RSA").getPublic())).isEmpty();
    }

    @Test
    void aKeyThatIsNotPkcs8IsRefusedAtOnce() {
        assertThatThrownBy(() -> new JwtSigner(JwtSigner.Algorithm.ES256, "-----BEGIN PRIVATE KEY-----\nAAAA\n"
                + "-----END PRIVATE KEY-----")).isInstanceOf(IllegalArgumentException.class);
    }
}
