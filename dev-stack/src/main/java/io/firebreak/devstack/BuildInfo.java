package io.firebreak.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the build resolved from Maven Central: the broker's classpath, the Keycloak distribution and the GreenMail
 * standalone jar.
 */
final class BuildInfo {

    private static final Properties PROPERTIES = load("dev-stack.properties");
    private static final Properties KAFKA = load("kafka-runtime.properties");

    private BuildInfo() {
    }

    static String kafkaClasspath() {
        return KAFKA.getProperty("kafka.classpath");
    }

    static Path keycloakZip() {
        return Path.of(PROPERTIES.getProperty("keycloak.zip"));
    }

    static String keycloakVersion() {
        return PROPERTIES.getProperty("keycloak.version");
    }

    static Path greenMailJar() {
        return Path.of(PROPERTIES.getProperty("greenmail.jar"));
    }

    private static Properties load(String name) {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/META-INF/firebreak/" + name)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
