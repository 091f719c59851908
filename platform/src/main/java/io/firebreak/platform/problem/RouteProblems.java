package io.firebreak.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * problem+json for the two refusals that happen on the HTTP route, before any exception mapper can run: a body
 * announced larger than {@code quarkus.http.limits.max-body-size} (Quarkus' own limit handler would answer an
 * empty 413; bodies sent without a length are still cut by Quarkus while they stream), and a bearer token that
 * fails authentication (proactive authentication rejects it before the resource is chosen).
 */
@ApplicationScoped
public class RouteProblems {

    private final long maxBodyBytes;
    private final ObjectMapper json;

    RouteProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                        ObjectMapper json) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseOversized);
        router.route().failureHandler(this::refuseUnauthenticated);
    }

    private void refuseUnauthenticated(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationException)
                || context.failure() instanceof AuthenticationRedirectException || context.response().headWritten()) {
            context.next();
            return;
        }
        answer(context, 401, new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                "the bearer token is missing, invalid or expired", context.normalizedPath(), List.of()),
                "WWW-Authenticate", "Bearer");
    }

    private void refuseOversized(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !isOver(length)) {
            context.next();
            return;
        }
        Problem problem = new Problem(Problem.TYPE_BASE + "body-too-large", "Body too large", 413,
                "the request body has " + length + " bytes; at most " + maxBodyBytes + " are accepted",
                context.normalizedPath(), List.of());
        // The unread body is not drained: closing the connection is cheaper than reading megabytes.
        answer(context, 413, problem, HttpHeaders.CONNECTION.toString(), "close");
    }

    private void answer(RoutingContext context, int status, Problem problem, String header, String value) {
        try {
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(header, value)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(status, e);
        }
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
