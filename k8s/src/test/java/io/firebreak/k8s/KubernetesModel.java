package io.firebreak.k8s;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.Map;
import java.util.Set;

/**
 * Reads rendered objects as their Kubernetes kind with the fabric8 model, rejecting any field the kind does not
 * have. The model keeps unknown fields in an "additionalProperties" map by default; dropping that any-setter turns
 * a misspelled field into an error, as the API server's strict field validation would.
 */
final class KubernetesModel {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1 Deployment", Deployment.class,
            "v1 Service", Service.class,
            "v1 ServiceAccount", ServiceAccount.class,
            "v1 ConfigMap", ConfigMap.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1 Ingress", Ingress.class,
            "monitoring.coreos.com/v1 ServiceMonitor", ServiceMonitor.class);

    /** Strimzi's KafkaTopic has no model here: its spec is checked against the fields the CRD defines. */
    private static final Set<String> KAFKA_TOPIC_SPEC = Set.of("topicName", "partitions", "replicas", "config");

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                                                             BeanDeserializerBuilder builder) {
                    if (bean.getBeanClass().getName().startsWith("io.fabric8.")) {
                        builder.setAnySetter(null);
                    }
                    return builder;
                }
            }));

    private KubernetesModel() {
    }

    /** The object as its kind; throws when the kind is unknown or a field does not belong to it. */
    static Object parse(JsonNode object) {
        String kind = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        if (kind.equals("kafka.strimzi.io/v1beta2 KafkaTopic")) {
            object.path("spec").fieldNames().forEachRemaining(field -> {
                if (!KAFKA_TOPIC_SPEC.contains(field)) {
                    throw new IllegalArgumentException("KafkaTopic has no spec field " + field);
                }
            });
            return object;
        }
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("unexpected kind " + kind);
        }
        try {
            return STRICT.treeToValue(object, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(kind + " " + object.path("metadata").path("name").asText()
                    + " does not parse: " + e.getMessage(), e);
        }
    }

    static <T> T parse(JsonNode object, Class<T> type) {
        return type.cast(parse(object));
    }
}
