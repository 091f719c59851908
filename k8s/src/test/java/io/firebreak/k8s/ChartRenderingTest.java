package io.firebreak.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What `helm template` renders for the minimal and the production values, read as Kubernetes objects. */
class ChartRenderingTest {

    /** Names of settings that are credentials: they may only come from a Secret. */
    private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|JAAS|TOKEN|PRIVATE_KEY|CREDENTIALS_KEY|LINKS_KEY");

    static Stream<Named<Path>> valuesFiles() {
        return Stream.of(Named.of("minimal values", Chart.MINIMAL_VALUES),
                Named.of("production values", Chart.PRODUCTION_VALUES));
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyRenderedObjectParsesAsItsKubernetesKind(Path values) throws Exception {
        String manifests = Chart.template(values);
        // Kept for reading: target/rendered/values-minimal.yaml, ...
        Path rendered = Path.of("target", "rendered");
        Files.createDirectories(rendered);
        Files.writeString(rendered.resolve(values.getFileName()), manifests);

        List<JsonNode> objects = Chart.documents(manifests);

        assertThat(objects).isNotEmpty().allSatisfy(object -> KubernetesModel.parse(object));
        assertThat(objects).extracting(object -> object.path("kind").asText())
                .contains("Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget",
                        "NetworkPolicy");
    }

    @Test
    void theStrictReaderRejectsAFieldItsKindDoesNotHave() {
        JsonNode deployment = Chart.named(Chart.render(Chart.MINIMAL_VALUES), "Deployment",
                Chart.objectName("monitoring"));
        ((ObjectNode) deployment.path("spec")).put("replica", 2);

        assertThatThrownBy(() -> KubernetesModel.parse(deployment)).hasMessageContaining("replica");
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyServiceRunsWithStartupLivenessAndReadinessProbesOnItsHealthEndpoints(Path values) {
        List<Deployment> deployments = deployments(values);

        assertThat(deployments).hasSize(4).allSatisfy(deployment -> {
            Container container = container(deployment);
            assertThat(httpPath(container.getStartupProbe())).isEqualTo("/q/health/started");
            assertThat(httpPath(container.getLivenessProbe())).isEqualTo("/q/health/live");
            assertThat(httpPath(container.getReadinessProbe())).isEqualTo("/q/health/ready");
            assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
            assertThat(container.getPorts()).anySatisfy(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getContainerPort()).isEqualTo(8080);
            });
        });
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyContainerHasResourceRequestsAndAMemoryLimit(Path values) {
        assertThat(deployments(values)).allSatisfy(deployment -> {
            var resources = container(deployment).getResources();
            assertThat(resources.getRequests()).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).containsKey("memory");
        });
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void podsRunAsNonRootOnAReadOnlyFilesystemWithoutCapabilities(Path values) {
        assertThat(deployments(values)).allSatisfy(deployment -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            var container = container(deployment).getSecurityContext();
            assertThat(container.getRunAsNonRoot()).isTrue();
            assertThat(container.getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getCapabilities().getAdd()).isNullOrEmpty();
            // Quarkus and Vert.x write to /tmp: a writable emptyDir there, nothing else.
            assertThat(container(deployment).getVolumeMounts()).filteredOn(mount -> !Boolean.TRUE.equals(mount.getReadOnly()))
                    .singleElement().satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
            assertThat(pod.getVolumes()).filteredOn(volume -> volume.getName().equals("tmp"))
                    .singleElement().satisfies(volume -> assertThat(volume.getEmptyDir()).isNotNull());
        });
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void eachServiceRunsAsItsOwnServiceAccountWithoutAKubernetesToken(Path values) {
        List<JsonNode> objects = Chart.render(values);

        assertThat(deployments(objects)).allSatisfy(deployment -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getServiceAccountName()).isEqualTo(deployment.getMetadata().getName());
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            Chart.named(objects, "ServiceAccount", pod.getServiceAccountName());
        });
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void shutdownLetsInFlightWorkFinishBeforeThePodIsKilled(Path values) {
        List<JsonNode> objects = Chart.render(values);

        assertThat(deployments(objects)).allSatisfy(deployment -> {
            Container container = container(deployment);
            List<String> preStop = container.getLifecycle().getPreStop().getExec().getCommand();
            assertThat(preStop).first().isEqualTo("sleep");
            Duration sleep = Duration.ofSeconds(Long.parseLong(preStop.get(1)));
            Duration shutdown = quarkusDuration(configMap(objects, deployment).getData().get("QUARKUS_SHUTDOWN_TIMEOUT"));
            Duration grace = Duration.ofSeconds(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds());
            assertThat(grace).isGreaterThan(sleep.plus(shutdown));
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        });
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void selectorsMatchThePodLabelsOfTheirOwnService(Path values) {
        List<JsonNode> objects = Chart.render(values);
        List<Deployment> deployments = deployments(objects);

        for (Deployment deployment : deployments) {
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            String name = deployment.getMetadata().getName();
            assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(matching(deployments, KubernetesModel.parse(Chart.named(objects, "Service", name), Service.class)
                    .getSpec().getSelector())).containsExactly(name);
            assertThat(matching(deployments, KubernetesModel.parse(Chart.named(objects, "PodDisruptionBudget", name),
                    PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels())).containsExactly(name);
            assertThat(matching(deployments, KubernetesModel.parse(Chart.named(objects, "NetworkPolicy", name),
                    NetworkPolicy.class).getSpec().getPodSelector().getMatchLabels())).containsExactly(name);
            assertThat(configMap(objects, deployment).getMetadata().getName()).isEqualTo(name);
        }
        for (JsonNode object : Chart.ofKind(objects, "ServiceMonitor")) {
            ServiceMonitor monitor = KubernetesModel.parse(object, ServiceMonitor.class);
            Service service = KubernetesModel.parse(Chart.named(objects, "Service", monitor.getMetadata().getName()), Service.class);
            assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
            assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
                assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
                assertThat(service.getSpec().getPorts()).extracting(port -> port.getName()).contains(endpoint.getPort());
            });
        }
        for (JsonNode object : Chart.ofKind(objects, "HorizontalPodAutoscaler")) {
            HorizontalPodAutoscaler autoscaler = KubernetesModel.parse(object, HorizontalPodAutoscaler.class);
            Deployment target = deployments.stream()
                    .filter(deployment -> deployment.getMetadata().getName().equals(autoscaler.getSpec().getScaleTargetRef().getName()))
                    .findFirst().orElseThrow();
            // The autoscaler owns the replica count; a fixed one would fight it on every upgrade.
            assertThat(target.getSpec().getReplicas()).isNull();
        }
        for (JsonNode object : Chart.ofKind(objects, "Ingress")) {
            Ingress ingress = KubernetesModel.parse(object, Ingress.class);
            assertThat(ingress.getSpec().getRules()).flatExtracting(rule -> rule.getHttp().getPaths()).allSatisfy(path -> {
                Service backend = KubernetesModel.parse(Chart.named(objects, "Service",
                        path.getBackend().getService().getName()), Service.class);
                assertThat(backend.getSpec().getPorts()).extracting(port -> port.getName())
                        .contains(path.getBackend().getService().getPort().getName());
            });
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void credentialsComeOnlyFromSecretsNeverFromAConfigMap(Path values) {
        List<JsonNode> objects = Chart.render(values);

        assertThat(Chart.ofKind(objects, "Secret")).as("the chart creates no Secret").isEmpty();
        for (JsonNode object : Chart.ofKind(objects, "ConfigMap")) {
            assertThat(KubernetesModel.parse(object, ConfigMap.class).getData().keySet())
                    .noneMatch(key -> SECRET_NAME.matcher(key).find());
        }
        for (Deployment deployment : deployments(objects)) {
            for (EnvVar variable : container(deployment).getEnv()) {
                if (SECRET_NAME.matcher(variable.getName()).find()) {
                    assertThat(variable.getValue()).as(variable.getName()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef()).as(variable.getName()).isNotNull();
                }
            }
        }
    }

    @Test
    void eachServiceGetsTheCredentialsAndKeysItRefusesToStartWithout() {
        List<Deployment> deployments = deployments(Chart.render(Chart.PRODUCTION_VALUES));

        assertThat(secretRef(deployments, "publishing", "PUBLISHING_CREDENTIALS_KEY"))
                .isEqualTo("firebreak-keys/publishing-credentials-key");
        assertThat(secretRef(deployments, "notification", "NOTIFICATION_LINKS_KEY"))
                .isEqualTo("firebreak-keys/notification-links-key");
        assertThat(secretRef(deployments, "playbook", "QUARKUS_OIDC_CREDENTIALS_SECRET"))
                .isEqualTo("firebreak-oidc-clients/playbook-service");
        assertThat(secretRef(deployments, "monitoring", "QUARKUS_DATASOURCE_PASSWORD"))
                .isEqualTo("firebreak-postgres-monitoring/password");
        assertThat(secretRef(deployments, "notification", "KAFKA_SASL_JAAS_CONFIG"))
                .isEqualTo("firebreak-kafka-user/sasl.jaas.config");
        assertThat(secretRef(deployments, "monitoring", "MONITORING_MASTODON_ACCESS_TOKEN"))
                .isEqualTo("firebreak-connectors/mastodon-access-token");
        assertThat(secretRef(deployments, "notification", "NOTIFICATION_PUSH_FCM_PRIVATE_KEY"))
                .isEqualTo("firebreak-push/fcm-private-key");
        assertThat(secretRef(deployments, "notification", "NOTIFICATION_PUSH_APNS_PRIVATE_KEY"))
                .isEqualTo("firebreak-push/apns-private-key");
        assertThat(env(deployments, "monitoring", "QUARKUS_DATASOURCE_JDBC_URL").getValue())
                .isEqualTo("jdbc:postgresql://$(FIREBREAK_DATABASE_HOST):$(FIREBREAK_DATABASE_PORT)/monitoring?sslmode=require");
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void configurationComesFromTheValuesWithoutTestOrLocalSettings(Path values) throws Exception {
        List<JsonNode> objects = Chart.render(values);
        JsonNode given = Chart.YAML.readTree(values.toFile());

        for (Deployment deployment : deployments(objects)) {
            Map<String, String> config = configMap(objects, deployment).getData();
            assertThat(config).containsEntry("KAFKA_BOOTSTRAP_SERVERS", given.path("kafka").path("bootstrapServers").asText())
                    .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", given.path("oidc").path("issuerUrl").asText());
            Stream<String> settings = Stream.concat(config.values().stream(),
                    container(deployment).getEnv().stream().map(EnvVar::getValue).filter(value -> value != null));
            // Test-profile defaults (${keycloak.url}, %test keys) and the local stack's addresses stay out.
            assertThat(settings).noneMatch(value -> value.contains("${") || value.contains("%test")
                    || value.contains("localhost") || value.contains("127.0.0.1") || value.contains("/realms/quarkus"));
            assertThat(container(deployment).getImage()).doesNotStartWith("docker.io/root");
        }
    }

    @Test
    void imageReferencesAreBuiltFromTheRegistryRepositoryAndTagValues() {
        assertThat(deployments(Chart.render(Chart.PRODUCTION_VALUES))).extracting(deployment -> container(deployment).getImage())
                .containsExactly("registry.example.com/crisis/firebreak/monitoring-service:0.1.0",
                        "registry.example.com/crisis/firebreak/playbook-service:0.1.0",
                        "registry.example.com/crisis/firebreak/publishing-service:0.1.0",
                        "registry.example.com/crisis/firebreak/notification-service:0.1.0");
    }

    @Test
    void theConnectorsAndPushProvidersAreConfiguredOnlyWhenGiven() {
        List<JsonNode> production = Chart.render(Chart.PRODUCTION_VALUES);
        List<JsonNode> minimal = Chart.render(Chart.MINIMAL_VALUES);

        assertThat(KubernetesModel.parse(Chart.named(production, "ConfigMap", Chart.objectName("monitoring")), ConfigMap.class).getData())
                .containsEntry("MONITORING_MASTODON_ENABLED", "true")
                .containsEntry("MONITORING_MASTODON_INSTANCE", "https://mastodon.social")
                .containsEntry("MONITORING_MASTODON_HASHTAGS", "examplebrand,examplebrandfail");
        assertThat(KubernetesModel.parse(Chart.named(production, "ConfigMap", Chart.objectName("notification")), ConfigMap.class).getData())
                .containsEntry("NOTIFICATION_PUSH_FCM_PROJECT_ID", "example-crisis-app")
                .containsEntry("NOTIFICATION_PUSH_APNS_TOPIC", "com.example.crisis")
                .containsEntry("QUARKUS_MAILER_HOST", "smtp.example.com");
        assertThat(KubernetesModel.parse(Chart.named(minimal, "ConfigMap", Chart.objectName("monitoring")), ConfigMap.class).getData())
                .doesNotContainKey("MONITORING_MASTODON_ENABLED");
        assertThat(KubernetesModel.parse(Chart.named(minimal, "ConfigMap", Chart.objectName("notification")), ConfigMap.class).getData())
                .doesNotContainKeys("NOTIFICATION_PUSH_FCM_PROJECT_ID", "NOTIFICATION_PUSH_APNS_TEAM_ID", "QUARKUS_MAILER_HOST");
    }

    @Test
    void eachServiceRunsWithTheCommonJvmOptionsAndItsOwn() {
        List<JsonNode> objects = Chart.render(Chart.MINIMAL_VALUES);

        assertThat(KubernetesModel.parse(Chart.named(objects, "ConfigMap", Chart.objectName("notification")), ConfigMap.class).getData())
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1");
        assertThat(KubernetesModel.parse(Chart.named(objects, "ConfigMap", Chart.objectName("monitoring")), ConfigMap.class).getData())
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void playbookReachesTheServicesItCallsThroughTheirKubernetesServices() {
        List<JsonNode> objects = Chart.render(Chart.MINIMAL_VALUES);
        Deployment playbook = KubernetesModel.parse(Chart.named(objects, "Deployment", Chart.objectName("playbook")), Deployment.class);

        assertThat(configMap(objects, playbook).getData())
                .containsEntry("QUARKUS_REST_CLIENT_MONITORING_URL", "http://" + Chart.objectName("monitoring") + ":80")
                .containsEntry("QUARKUS_REST_CLIENT_PUBLISHING_URL", "http://" + Chart.objectName("publishing") + ":80");
    }

    static List<Deployment> deployments(Path values) {
        return deployments(Chart.render(values));
    }

    static List<Deployment> deployments(List<JsonNode> objects) {
        return Chart.ofKind(objects, "Deployment").stream().map(object -> KubernetesModel.parse(object, Deployment.class)).toList();
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static ConfigMap configMap(List<JsonNode> objects, Deployment deployment) {
        String name = container(deployment).getEnvFrom().get(0).getConfigMapRef().getName();
        return KubernetesModel.parse(Chart.named(objects, "ConfigMap", name), ConfigMap.class);
    }

    private static List<String> matching(List<Deployment> deployments, Map<String, String> selector) {
        return deployments.stream()
                .filter(deployment -> deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                        .containsAll(selector.entrySet()))
                .map(deployment -> deployment.getMetadata().getName())
                .toList();
    }

    private static String httpPath(Probe probe) {
        assertThat(probe).isNotNull();
        return probe.getHttpGet().getPath();
    }

    private static EnvVar env(List<Deployment> deployments, String service, String variable) {
        Deployment deployment = deployments.stream()
                .filter(candidate -> candidate.getMetadata().getName().equals(Chart.objectName(service)))
                .findFirst().orElseThrow();
        return container(deployment).getEnv().stream().filter(env -> env.getName().equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no " + variable));
    }

    private static String secretRef(List<Deployment> deployments, String service, String variable) {
        var reference = env(deployments, service, variable).getValueFrom().getSecretKeyRef();
        return reference.getName() + "/" + reference.getKey();
    }

    /** Quarkus' short duration syntax, as QUARKUS_SHUTDOWN_TIMEOUT takes it ("20s"). */
    private static Duration quarkusDuration(String value) {
        return Duration.parse("PT" + value.toUpperCase());
    }
}
