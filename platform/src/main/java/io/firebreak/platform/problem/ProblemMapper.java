package io.firebreak.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The service's one exception mapper: every error leaves as problem+json with a stable {@code type}, and
 * never with a stack trace or a class name. Unexpected failures are logged with an id the answer repeats.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        return answer(new Problem(Problem.TYPE_BASE + e.type(), e.title(), e.status(), e.getMessage(),
                uri.getPath(), e.errors()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return answer(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, uri.getPath(),
                errors));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return answer(unreadableBody(e, uri));
    }

    /** More specific than Quarkus' own mapper for this type, which would answer plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return answer(unreadableBody(e, uri));
    }

    /** No token on a secured operation; more specific than Quarkus' own mapper, which answers no body. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                        "a valid bearer token is required", uri.getPath(), List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "your roles do not allow this operation", uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return answer(unreadableBody(json, uri));
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType != null ? statusType.getReasonPhrase() : "HTTP " + status;
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + slug(title), title, status, detail(status, uri),
                        uri.getPath(), List.of()));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return answer(new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", 500,
                "the request could not be completed; quote error id " + errorId + " to the operators",
                uri.getPath(), List.of()));
    }

    private static Problem unreadableBody(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String detail;
        List<Problem.FieldError> errors = List.of();
        if (e instanceof JsonParseException) {
            detail = "the body is not valid JSON" + where;
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            detail = "field '" + field + "' has the wrong type or format" + where;
            errors = List.of(new Problem.FieldError(field, "wrong type or format"));
        } else {
            detail = "the body cannot be read as the expected JSON" + where;
        }
        return new Problem(Problem.TYPE_BASE + "unreadable-body", "Unreadable body", 400, detail, uri.getPath(),
                errors);
    }

    private static String detail(int status, UriInfo uri) {
        return switch (status) {
            case 401 -> "a valid bearer token is required";
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "this method is not allowed on " + uri.getPath();
            case 406 -> "the requested media type is not available";
            case 413 -> "the request body is too large";
            case 415 -> "the request body's media type is not supported; send application/json";
            default -> "the request failed";
        };
    }

    /** {@code body.items[0].text} from a validation path like {@code raise.request.items[0].text}. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts.length == 2 ? parts[1] : path;
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
