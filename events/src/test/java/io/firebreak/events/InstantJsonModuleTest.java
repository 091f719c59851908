package io.firebreak.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast codec must give exactly what JavaTimeModule alone gives. */
class InstantJsonModuleTest {

    record Stamped(Instant time) {
    }

    record Patterned(@JsonFormat(pattern = "yyyy-MM-dd HH:mm", timezone = "UTC") Instant time) {
    }

    record Numeric(@JsonFormat(shape = JsonFormat.Shape.NUMBER) Instant time) {
    }

    private final ObjectMapper fast = EventJson.newMapper();
    private final ObjectMapper standard = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void replacesTheInstantCodecOfJavaTimeModule() throws Exception {
        assertThat(fast.getSerializerProviderInstance().findValueSerializer(Instant.class))
                .isInstanceOf(InstantJsonModule.FastInstantSerializer.class);
    }

    @Test
    void readsCanonicalInstantsLikeJavaTimeModule() {
        IsoInstantsTest.randomInstants().limit(20_000).forEach(instant -> {
            String json = "{\"time\":\"" + instant + "\"}";
            assertThat(read(fast, json)).isEqualTo(read(standard, json)).isEqualTo(new Stamped(instant));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-23T10:00:00+01:00\"", "\"2026-11-23t09:00:00z\"", "\"2026-11-23T09:00:00.Z\"",
            "\" 2026-11-23T09:00:00Z \"", "\"2026-11-23T09:00:00.000Z\""})
    void readsOtherStringFormsLikeJavaTimeModule(String value) {
        String json = "{\"time\":" + value + "}";

        assertThat(read(fast, json)).isEqualTo(read(standard, json))
                .isEqualTo(new Stamped(Instant.parse("2026-11-23T09:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700000000.5", "1700000000", "\"1700000000\"", "null", "\"\""})
    void readsNumbersNullAndEmptyLikeJavaTimeModule(String value) {
        String json = "{\"time\":" + value + "}";

        assertThat(read(fast, json)).isEqualTo(read(standard, json));
    }

    @Test
    void readsEpochSecondsWithFraction() {
        assertThat(read(fast, "{\"time\":1700000000.5}"))
                .isEqualTo(new Stamped(Instant.ofEpochSecond(1_700_000_000, 500_000_000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-02-30T00:00:00Z\"", "\"2026-11-23T09:00Z\"", "\"2026-11-23T24:00:01Z\"",
            "\"yesterday\"", "true", "{}"})
    void rejectsWhatJavaTimeModuleRejectsWithTheSameError(String value) {
        String json = "{\"time\":" + value + "}";

        Throwable fastError = catchThrowable(() -> fast.readValue(json, Stamped.class));
        Throwable standardError = catchThrowable(() -> standard.readValue(json, Stamped.class));

        assertThat(standardError).isInstanceOf(JsonProcessingException.class);
        assertThat(fastError).isInstanceOf(standardError.getClass()).hasMessage(standardError.getMessage());
    }

    @Test
    void rejectsAnInvalidDate() {
        assertThat(catchThrowable(() -> fast.readValue("{\"time\":\"2026-02-30T00:00:00Z\"}", Stamped.class)))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("2026-02-30T00:00:00Z");
    }

    @Test
    void writesLikeJavaTimeModule() throws Exception {
        for (Instant instant : List.of(Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T10:00:00.120Z"),
                Instant.parse("2026-11-23T10:00:00.000123Z"), Instant.parse("2026-11-23T10:00:00.123456789Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("+12026-11-23T10:00:00Z"), Instant.MIN)) {
            Stamped stamped = new Stamped(instant);
            assertThat(fast.writeValueAsString(stamped)).isEqualTo(standard.writeValueAsString(stamped))
                    .isEqualTo("{\"time\":\"" + instant + "\"}");
        }
    }

    @Test
    void writesTimestampsLikeJavaTimeModuleWhenAskedTo() throws Exception {
        Stamped stamped = new Stamped(Instant.parse("2026-11-23T10:00:00.123456789Z"));

        assertThat(fast.writer().with(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(stamped))
                .isEqualTo(standard.writer().with(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .writeValueAsString(stamped))
                .isEqualTo("{\"time\":1795428000.123456789}");
    }

    @Test
    void honoursJsonFormatOnAProperty() throws Exception {
        Patterned patterned = new Patterned(Instant.parse("2026-11-23T10:15:30Z"));
        String json = fast.writeValueAsString(patterned);

        assertThat(json).isEqualTo(standard.writeValueAsString(patterned)).isEqualTo("{\"time\":\"2026-11-23 10:15\"}");
        assertThat(fast.readValue(json, Patterned.class)).isEqualTo(standard.readValue(json, Patterned.class))
                .isEqualTo(new Patterned(Instant.parse("2026-11-23T10:15:00Z")));
    }

    @Test
    void honoursANumericShapeOnAProperty() throws Exception {
        Numeric numeric = new Numeric(Instant.parse("2026-11-23T10:15:30Z"));

        assertThat(fast.writeValueAsString(numeric)).isEqualTo(standard.writeValueAsString(numeric))
                .isEqualTo("{\"time\":1795428930.000000000}");
    }

    private static Stamped read(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, Stamped.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(json, e);
        }
    }
}
