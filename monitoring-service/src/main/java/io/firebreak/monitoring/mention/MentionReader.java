package io.firebreak.monitoring.mention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.monitoring.mention.MentionDtos.Rejected;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads each record of a batch on its own, so that a record with a wrong-typed field (a word where a number or a
 * date is expected) is rejected with its index and reason, and the rest of the batch is kept.
 */
final class MentionReader {

    /** The records read, in batch order (null where a record could not be read), and those refused. */
    record Read(List<MentionInput> inputs, List<Rejected> unreadable) {
    }

    private MentionReader() {
    }

    static Read read(List<JsonNode> records, ObjectMapper json) {
        List<MentionInput> inputs = new ArrayList<>(records.size());
        List<Rejected> unreadable = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            JsonNode record = records.get(index);
            try {
                inputs.add(record == null || record.isNull() ? null : json.treeToValue(record, MentionInput.class));
            } catch (JsonProcessingException e) {
                inputs.add(null);
                JsonNode externalId = record.path("externalId");
                unreadable.add(new Rejected(index, externalId.isTextual() ? externalId.asText() : null, reason(e)));
            }
        }
        return new Read(inputs, unreadable);
    }

    /** Names the field and what it should hold, without Jackson's class names. */
    private static String reason(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                                : String.valueOf(reference.getIndex()))
                        .collect(Collectors.joining("."))
                : null;
        if (field == null) {
            return "the record is not a mention object";
        }
        return switch (field) {
            case "reach", "engagement" -> field + " must be a whole number";
            case "publishedAt" -> field + " must be an ISO-8601 instant such as 2026-11-23T10:00:00Z";
            default -> field + " has the wrong type: a string is expected";
        };
    }
}
