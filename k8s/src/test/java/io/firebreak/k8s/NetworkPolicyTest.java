package io.firebreak.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only what must talk, talks. Each rule is written as "peer:ports" so that a test states the whole policy: who may
 * connect to a service, and where it may connect. Production values narrow Kafka, PostgreSQL and Keycloak to
 * their namespaces.
 */
class NetworkPolicyTest {

    private static final String INGRESS_CONTROLLER = "ns=ingress-nginx,pod=ingress-nginx:8080";
    private static final String PROMETHEUS = "ns=monitoring:8080";
    private static final String DNS = "ns=kube-system,pod=kube-dns:53/UDP,53";
    private static final String KAFKA = "ns=kafka:9093";
    private static final String POSTGRES = "ns=postgres:5432";
    private static final String KEYCLOAK = "ns=keycloak:8443";
    private static final String OUTSIDE_HTTPS = "ip=0.0.0.0/0-private:443";
    private static final String OUTSIDE_MAIL_AND_HTTPS = "ip=0.0.0.0/0-private:443,587,465";

    private final List<JsonNode> production = Chart.render(Chart.PRODUCTION_VALUES);

    @Test
    void monitoringIsReachedByTheIngressPrometheusAndPlaybookForTheToneCheck() {
        NetworkPolicy policy = policy(production, "monitoring");

        assertThat(ingress(policy)).containsExactlyInAnyOrder(INGRESS_CONTROLLER, PROMETHEUS, "pod=playbook-service:8080");
        // Production follows hashtags on a Mastodon instance.
        assertThat(egress(policy)).containsExactlyInAnyOrder(DNS, KAFKA, POSTGRES, KEYCLOAK, OUTSIDE_HTTPS);
    }

    @Test
    void monitoringLeavesTheClusterOnlyWhenItsMastodonConnectorIsOn() {
        NetworkPolicy policy = policy(Chart.render(Chart.MINIMAL_VALUES), "monitoring");

        assertThat(egress(policy)).containsExactlyInAnyOrder(DNS, "any:9092,9093", "any:5432", "any:443,8443");
    }

    @Test
    void playbookAloneCallsOtherServicesMonitoringAndPublishing() {
        NetworkPolicy policy = policy(production, "playbook");

        assertThat(ingress(policy)).containsExactlyInAnyOrder(INGRESS_CONTROLLER, PROMETHEUS);
        assertThat(egress(policy)).containsExactlyInAnyOrder(DNS, KAFKA, POSTGRES, KEYCLOAK,
                "pod=monitoring-service:8080", "pod=publishing-service:8080");
    }

    @Test
    void publishingIsReachedByPlaybookForChannelValidationAndReachesTheSocialPlatforms() {
        NetworkPolicy policy = policy(production, "publishing");

        assertThat(ingress(policy)).containsExactlyInAnyOrder(INGRESS_CONTROLLER, PROMETHEUS, "pod=playbook-service:8080");
        assertThat(egress(policy)).containsExactlyInAnyOrder(DNS, KAFKA, POSTGRES, KEYCLOAK, OUTSIDE_HTTPS);
    }

    @Test
    void notificationReachesMailAndPushProvidersAndNoOtherService() {
        NetworkPolicy policy = policy(production, "notification");

        assertThat(ingress(policy)).containsExactlyInAnyOrder(INGRESS_CONTROLLER, PROMETHEUS);
        assertThat(egress(policy)).containsExactlyInAnyOrder(DNS, KAFKA, POSTGRES, KEYCLOAK, OUTSIDE_MAIL_AND_HTTPS);
    }

    @Test
    void withTheMinimalValuesDependenciesAreOpenOnTheirPortsOnlyAndPrometheusIsNotLetIn() {
        List<JsonNode> minimal = Chart.render(Chart.MINIMAL_VALUES);

        for (String service : Chart.SERVICES) {
            NetworkPolicy policy = policy(minimal, service);
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(ingress(policy)).contains("ns=ingress-nginx:8080").doesNotContain(PROMETHEUS);
            assertThat(egress(policy)).contains(DNS, "any:9092,9093", "any:5432", "any:443,8443");
        }
    }

    @Test
    void aDisabledServiceIsNeitherCalledNorLetIn(@TempDir Path directory) throws Exception {
        Path values = Chart.valuesFile(directory, "no-publishing.yaml", """
                publishing:
                  enabled: false
                """);
        List<JsonNode> objects = Chart.render(Chart.MINIMAL_VALUES, values);

        assertThat(Chart.ofKind(objects, "NetworkPolicy")).hasSize(3);
        assertThat(egress(policy(objects, "playbook"))).doesNotContain("pod=publishing-service:8080")
                .contains("pod=monitoring-service:8080");
    }

    private static NetworkPolicy policy(List<JsonNode> objects, String service) {
        return KubernetesModel.parse(Chart.named(objects, "NetworkPolicy", Chart.objectName(service)), NetworkPolicy.class);
    }

    private static Set<String> ingress(NetworkPolicy policy) {
        return policy.getSpec().getIngress().stream()
                .map(rule -> rule(rule.getFrom(), rule.getPorts()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> egress(NetworkPolicy policy) {
        return policy.getSpec().getEgress().stream()
                .map(rule -> rule(rule.getTo(), rule.getPorts()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
        String who = peers == null || peers.isEmpty() ? "any"
                : peers.stream().map(NetworkPolicyTest::peer).sorted().collect(Collectors.joining("|"));
        assertThat(ports).as("every rule names its ports").isNotEmpty();
        String where = ports.stream()
                .map(port -> port.getPort().getIntVal() + ("TCP".equals(port.getProtocol()) ? "" : "/" + port.getProtocol()))
                .collect(Collectors.joining(","));
        return who + ":" + where;
    }

    private static String peer(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            assertThat(peer.getIpBlock().getExcept()).containsExactlyInAnyOrder("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
            return "ip=" + peer.getIpBlock().getCidr() + "-private";
        }
        String namespace = label(peer.getNamespaceSelector(), "kubernetes.io/metadata.name");
        String pod = peer.getPodSelector() == null ? null : label(peer.getPodSelector(),
                peer.getPodSelector().getMatchLabels().containsKey("k8s-app") ? "k8s-app" : "app.kubernetes.io/name");
        if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
            // A pod of this release only: the selector also pins the instance label.
            assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/instance", Chart.RELEASE);
        }
        return (namespace == null ? "" : "ns=" + namespace) + (namespace != null && pod != null ? "," : "")
                + (pod == null ? "" : "pod=" + pod);
    }

    private static String label(LabelSelector selector, String key) {
        if (selector == null) {
            return null;
        }
        Map<String, String> labels = selector.getMatchLabels();
        assertThat(selector.getMatchExpressions()).isNullOrEmpty();
        return labels.get(key);
    }
}
