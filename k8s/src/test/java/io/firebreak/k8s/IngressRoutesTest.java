package io.firebreak.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Ingress sends every REST path a service declares (its JAX-RS @Path annotations) to that service: the longest
 * matching prefix, as Ingress controllers choose it, belongs to the right backend. A new resource whose path no
 * prefix covers, or that another service's prefix captures, fails here.
 */
class IngressRoutesTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("firebreak.repo", "..")).toAbsolutePath();
    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern HTTP_METHOD = Pattern.compile("@(GET|POST|PUT|DELETE|PATCH)\\b");

    @Test
    void everyDeclaredRestPathIsRoutedToItsOwnService() throws IOException {
        Ingress ingress = KubernetesModel.parse(Chart.ofKind(Chart.render(Chart.PRODUCTION_VALUES), "Ingress").get(0), Ingress.class);
        List<HTTPIngressPath> routes = ingress.getSpec().getRules().get(0).getHttp().getPaths();

        Map<String, String> misrouted = new TreeMap<>();
        for (String service : Chart.SERVICES) {
            for (String path : declaredPaths(service)) {
                String backend = routes.stream()
                        .filter(route -> covers(route.getPath(), path))
                        .max(Comparator.comparingInt(route -> route.getPath().length()))
                        .map(route -> route.getBackend().getService().getName())
                        .orElse("nothing");
                if (!backend.equals(Chart.objectName(service))) {
                    misrouted.put(path, "declared by " + service + ", routed to " + backend);
                }
            }
        }
        assertThat(misrouted).isEmpty();
    }

    /** Full paths of a service's resources: the class's @Path joined with each method's. */
    private static List<String> declaredPaths(String service) throws IOException {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(REPOSITORY.resolve(service + "-service/src/main/java"))) {
            for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                if (code.contains("@RegisterRestClient")) {
                    continue; // a client of another service, not a resource
                }
                Matcher matcher = PATH.matcher(code);
                if (!matcher.find()) {
                    continue;
                }
                String root = matcher.group(1);
                int subPaths = 0;
                while (matcher.find()) {
                    paths.add(root.replaceAll("/$", "") + "/" + matcher.group(1).replaceAll("^/", ""));
                    subPaths++;
                }
                // The class's own path is an endpoint when some resource method has no @Path of its own.
                if (count(HTTP_METHOD, code) > subPaths) {
                    paths.add(root);
                }
            }
        }
        assertThat(paths).as("%s declares REST paths", service).isNotEmpty();
        return paths;
    }

    private static long count(Pattern pattern, String code) {
        return pattern.matcher(code).results().count();
    }

    /** Ingress "Prefix" matching: element by element along '/'. */
    private static boolean covers(String prefix, String path) {
        List<String> prefixElements = elements(prefix);
        List<String> pathElements = elements(path);
        return pathElements.size() >= prefixElements.size()
                && pathElements.subList(0, prefixElements.size()).equals(prefixElements);
    }

    private static List<String> elements(String path) {
        return Arrays.stream(path.split("/")).filter(element -> !element.isEmpty()).toList();
    }
}
