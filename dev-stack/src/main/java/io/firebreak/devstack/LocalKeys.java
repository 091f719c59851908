package io.firebreak.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keys of the local stack (credential encryption, link signing): 256 random bits made on first use and kept
 * under the stack home, so data encrypted by one run is readable by the next. Production keys come from
 * Kubernetes Secrets instead.
 */
final class LocalKeys {

    private LocalKeys() {
    }

    static String key(Path home, String name) {
        Path file = home.resolve("keys").resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path fresh = Files.createTempFile(file.getParent(), name, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(fresh, Base64.getEncoder().encodeToString(key));
                Files.move(fresh, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new StackException("cannot read or create the local key " + file + ": " + e.getMessage(), e);
        }
    }
}
