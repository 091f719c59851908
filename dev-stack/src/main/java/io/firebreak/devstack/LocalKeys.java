package io.firebreak.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Keys of the local stack (credential encryption, link signing): 256 random bits made on first use and kept
 * under the stack home, so data encrypted by one run is readable by the next. Production keys come from
 * Kubernetes Secrets instead.
 */
final class LocalKeys {

    private LocalKeys() {
    }

    static String key(Path home, String name) {
        return keyFile(home, name, () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
    }

    /** An RSA private key in PKCS#8 PEM, as a Google service account carries it (for the FCM emulator). */
    static String rsaPrivateKeyPem(Path home, String name) {
        return keyFile(home, name, () -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String keyFile(Path home, String name, Supplier<String> newKey) {
        Path file = home.resolve("keys").resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path fresh = Files.createTempFile(file.getParent(), name, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(fresh, newKey.get());
                Files.move(fresh, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new StackException("cannot read or create the local key " + file + ": " + e.getMessage(), e);
        }
    }
}
