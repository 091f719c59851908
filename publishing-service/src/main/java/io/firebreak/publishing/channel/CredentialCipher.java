package io.firebreak.publishing.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.publishing.config.PublishingConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts channel credentials at rest with AES-256-GCM. The channel id is bound as associated data, so a
 * ciphertext copied onto another channel's row does not decrypt. Stored as {@code v1:base64(iv || ciphertext)}.
 *
 * <p>Created at startup so that a missing or malformed key stops the service at once, not at first publish.
 */
@Startup
@ApplicationScoped
public class CredentialCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final SecretKeySpec key;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(PublishingConfig config, ObjectMapper json) {
        this.key = keyFrom(config.credentials().key().orElse(null));
        this.json = json;
    }

    static SecretKeySpec keyFrom(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("publishing.credentials.key is not set: give the service a base64-encoded"
                    + " 32-byte key (environment variable PUBLISHING_CREDENTIALS_KEY, e.g. from a Kubernetes Secret;"
                    + " generate one with: openssl rand -base64 32)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("publishing.credentials.key is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("publishing.credentials.key must decode to 32 bytes (AES-256), not "
                    + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public String encrypt(UUID channelId, Map<String, String> credentials) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(channelId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(credentials));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot encrypt credentials of channel " + channelId, e);
        }
    }

    public Map<String, String> decrypt(UUID channelId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("credentials of channel " + channelId + " are not in a known format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(channelId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            return json.readValue(plain, FIELDS);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot decrypt credentials of channel " + channelId
                    + " (wrong key, or the row was tampered with)");
        }
    }
}
