package io.firebreak.publishing.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.publishing.config.PublishingConfig;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Test
    void credentialsRoundTripAndTheStoredFormHidesThem() {
        CredentialCipher cipher = cipher(KEY);
        UUID channel = UUID.randomUUID();
        String stored = cipher.encrypt(channel, Map.of("accessToken", "s3cret-token"));
        assertThat(stored).startsWith("v1:").doesNotContain("s3cret");
        assertThat(cipher.encrypt(channel, Map.of("accessToken", "s3cret-token"))).isNotEqualTo(stored);
        assertThat(cipher.decrypt(channel, stored)).containsEntry("accessToken", "s3cret-token");
    }

    @Test
    void ciphertextMovedToAnotherChannelDoesNotDecrypt() {
        CredentialCipher cipher = cipher(KEY);
        String stored = cipher.encrypt(UUID.randomUUID(), Map.of("accessToken", "t"));
        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), stored))
                .hasMessageContaining("cannot decrypt");
    }

    @Test
    void aMissingOrShortKeyStopsTheServiceWithAClearMessage() {
        assertThatThrownBy(() -> cipher(null)).hasMessageContaining("publishing.credentials.key is not set")
                .hasMessageContaining("PUBLISHING_CREDENTIALS_KEY");
        assertThatThrownBy(() -> cipher("c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> cipher("not base64!")).hasMessageContaining("not valid base64");
    }

    private static CredentialCipher cipher(String key) {
        PublishingConfig.Credentials credentials = () -> Optional.ofNullable(key);
        PublishingConfig config = (PublishingConfig) Proxy.newProxyInstance(PublishingConfig.class.getClassLoader(),
                new Class<?>[] {PublishingConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("credentials")) {
                        return credentials;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new CredentialCipher(config, new ObjectMapper());
    }
}
