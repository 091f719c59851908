package io.firebreak.platform.problem;

import java.util.List;

/**
 * A domain error with a stable problem type: services throw it (or a subclass) and the one exception
 * mapper turns it into problem+json.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail);
    }

    public static ProblemException invalid(String type, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, type, "Invalid request", detail, errors);
    }

    public static ProblemException forbidden(String type, String detail) {
        return new ProblemException(403, type, "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
