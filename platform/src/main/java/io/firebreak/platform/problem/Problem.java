package io.firebreak.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 (formerly 7807) problem details, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://firebreak.io/problems/";

    /** One invalid input: where it is ({@code body.items[2].text}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
