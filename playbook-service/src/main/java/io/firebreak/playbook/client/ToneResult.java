package io.firebreak.playbook.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What monitoring-service's {@code POST /api/tone} answers. Tolerant: fields it adds later are ignored, and
 * the verdict stays a string so that a new verdict is seen (and treated as not approvable) rather than
 * breaking the call.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToneResult(String verdict, String language, List<Finding> findings) {

    public ToneResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String category, String severity, int start, int end, String excerpt, String reason) {
    }
}
