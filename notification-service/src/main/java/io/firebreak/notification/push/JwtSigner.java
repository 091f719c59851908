package io.firebreak.notification.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compact JWS (RFC 7515) for the push providers' provider tokens: RS256 for a Google service account, ES256 for
 * an APNs signing key. Claims are flat strings and numbers, which is all either provider asks for.
 */
public final class JwtSigner {

    public enum Algorithm {
        RS256("RSA", "SHA256withRSA"),
        // P1363 gives the raw R||S JWS wants, not DER.
        ES256("EC", "SHA256withECDSAinP1363Format");

        private final String keyType;
        private final String jcaName;

        Algorithm(String keyType, String jcaName) {
            this.keyType = keyType;
            this.jcaName = jcaName;
        }
    }

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Algorithm algorithm;
    private final PrivateKey key;

    public JwtSigner(Algorithm algorithm, String pkcs8Pem) {
        this.algorithm = algorithm;
        this.key = readKey(algorithm, pkcs8Pem);
    }

    /** {@code header} gets {@code alg} and {@code typ} added; values are strings or numbers. */
    public String sign(Map<String, Object> header, Map<String, Object> claims) {
        Map<String, Object> fullHeader = new java.util.LinkedHashMap<>();
        fullHeader.put("alg", algorithm.name());
        fullHeader.put("typ", "JWT");
        fullHeader.putAll(header);
        String signingInput = encode(json(fullHeader)) + "." + encode(json(claims));
        try {
            Signature signature = Signature.getInstance(algorithm.jcaName);
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a " + algorithm + " token", e);
        }
    }

    private static PrivateKey readKey(Algorithm algorithm, String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("no private key for " + algorithm);
        }
        // Service-account JSON and environment variables often carry the PEM with literal \n.
        String base64 = pem.replace("\\n", "\n")
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm.keyType)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS#8 " + algorithm.keyType + " private key in PEM", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Map<String, Object> values) {
        return values.entrySet().stream()
                .map(entry -> quote(entry.getKey()) + ":" + (entry.getValue() instanceof Number number
                        ? number.toString() : quote(String.valueOf(entry.getValue()))))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
