package io.firebreak.notification.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of HMAC-SHA1, keyed with the account's auth
 * token, over the full callback URL followed by every POST parameter, sorted by name, as name then value.
 */
public final class TwilioSignature {

    private final SecretKeySpec key;

    public TwilioSignature(String authToken) {
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    }

    public String sign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    public boolean valid(String signature, String url, Map<String, String> params) {
        return signature != null && MessageDigest.isEqual(sign(url, params).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
