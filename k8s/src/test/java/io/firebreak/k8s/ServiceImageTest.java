package io.firebreak.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/**
 * One service image, built without a Docker daemon: Jib writes an OCI image tarball from the packaged application
 * (target/quarkus-app), in the layout and with the metadata of the production image (non-root user 185,
 * port 8080, the fast-jar in /deployments, dependencies in their own layers so that a code change re-pushes only
 * the small application layer). CI reaches no container registry, so the base here is empty; production builds
 * use quarkus-container-image-jib on top of a JRE base image (see k8s/README.md), or set
 * -Dfirebreak.image.base=/path/to/base-image.tar to build this same image on a base image tarball.
 */
class ServiceImageTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("firebreak.repo", "..")).toAbsolutePath();
    private static final String SERVICE = System.getProperty("firebreak.image.service", "monitoring-service");
    private static final Path OUTPUT = Path.of(System.getProperty("firebreak.image.output", "target/images")).toAbsolutePath();
    private static final AbsoluteUnixPath APP_ROOT = AbsoluteUnixPath.get("/deployments");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aServiceImageIsBuiltAsAnOciTarballWithoutADockerDaemon() throws Exception {
        Path app = REPOSITORY.resolve(SERVICE).resolve("target/quarkus-app");
        assertThat(app.resolve("quarkus-run.jar")).as("package %s first: ./mvnw package -pl %s", SERVICE, SERVICE).exists();
        Files.createDirectories(OUTPUT);
        Path tarball = OUTPUT.resolve(SERVICE + ".tar");

        JibContainerBuilder image = base()
                .setFileEntriesLayers(
                        layer("dependencies", app, "lib"),
                        layer("quarkus", app, "quarkus"),
                        layer("application", app, "app", "quarkus-run.jar", "quarkus-app-dependencies.txt"))
                .setEntrypoint("java", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-jar", APP_ROOT.resolve("quarkus-run.jar").toString())
                .setWorkingDirectory(APP_ROOT)
                .setUser("185")
                .addExposedPort(Port.tcp(8080))
                .addLabel("org.opencontainers.image.title", SERVICE)
                .setFormat(ImageFormat.OCI);
        image.containerize(Containerizer.to(TarImage.at(tarball).named("firebreak/" + SERVICE + ":ci"))
                .setOfflineMode(!System.getProperties().containsKey("firebreak.image.base"))
                .setApplicationLayersCache(OUTPUT.resolve("cache"))
                .setBaseImageLayersCache(OUTPUT.resolve("cache"))
                .setToolName("firebreak-k8s"));

        Map<String, byte[]> blobs = entries(Files.newInputStream(tarball));
        JsonNode index = JSON.readTree(blobs.get("index.json"));
        JsonNode manifest = JSON.readTree(blob(blobs, index.path("manifests").get(0).path("digest").asText()));
        JsonNode config = JSON.readTree(blob(blobs, manifest.path("config").path("digest").asText()));

        assertThat(config.path("config").path("User").asText()).isEqualTo("185");
        assertThat(config.path("config").path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.path("config").path("Entrypoint").toString()).contains("/deployments/quarkus-run.jar");
        Set<String> files = new TreeSet<>();
        for (JsonNode layer : manifest.path("layers")) {
            byte[] compressed = blob(blobs, layer.path("digest").asText());
            entries(new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))).keySet().forEach(files::add);
        }
        assertThat(files).containsAll(relativeFiles(app).stream().map(file -> "deployments/" + file).toList());
    }

    private static JibContainerBuilder base() throws Exception {
        String base = System.getProperty("firebreak.image.base");
        if (base == null || base.isBlank()) {
            return Jib.fromScratch();
        }
        return base.endsWith(".tar") ? Jib.from(TarImage.at(Path.of(base))) : Jib.from(base);
    }

    private static FileEntriesLayer layer(String name, Path app, String... paths) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        for (String path : paths) {
            Path root = app.resolve(path);
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    layer.addEntry(file, APP_ROOT.resolve(app.relativize(file).toString()));
                }
            }
        }
        return layer.build();
    }

    private static List<String> relativeFiles(Path app) throws IOException {
        try (Stream<Path> files = Files.walk(app)) {
            return files.filter(Files::isRegularFile).map(file -> app.relativize(file).toString()).sorted().toList();
        }
    }

    /** The content of a blob, after checking that its bytes have the digest that names it. */
    private static byte[] blob(Map<String, byte[]> entries, String digest) throws Exception {
        byte[] content = entries.get("blobs/" + digest.replace(':', '/'));
        assertThat(content).as(digest).isNotNull();
        String actual = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(actual).isEqualTo(digest);
        return content;
    }

    private static Map<String, byte[]> entries(InputStream tar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream archive = new TarArchiveInputStream(tar)) {
            TarArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (entry.isFile()) {
                    entries.put(entry.getName().replaceFirst("^/", ""), archive.readAllBytes());
                }
            }
        }
        return entries;
    }
}
