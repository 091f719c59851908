package io.firebreak.notification.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/** Checks a compact JWS the way the providers do: with the public half of the key, independently of JwtSigner. */
public final class Jws {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Verified(JsonNode header, JsonNode claims) {
    }

    private Jws() {
    }

    /** The header and claims when {@code jwt} is signed with {@code algorithm} by the key's private half. */
    public static Optional<Verified> verify(String jwt, String algorithm, PublicKey key) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!algorithm.equals(header.path("alg").asText())) {
                return Optional.empty();
            }
            Signature signature = Signature.getInstance(algorithm.equals("ES256")
                    ? "SHA256withECDSAinP1363Format" : "SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            return Optional.of(new Verified(header, JSON.readTree(Base64.getUrlDecoder().decode(parts[1]))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PublicKey publicKey(String keyType, String base64) {
        try {
            return KeyFactory.getInstance(keyType)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
