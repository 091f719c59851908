package io.firebreak.monitoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.MentionReceived;
import io.firebreak.platform.messaging.EventReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The service's own ObjectMapper reads and writes events' instants with the platform's fast codec. */
@QuarkusTest
class EventJsonTest {

    @Inject
    ObjectMapper json;
    @Inject
    EventReader reader;

    @Test
    void theQuarkusObjectMapperUsesTheFastInstantCodec() throws Exception {
        assertThat(json.getSerializerProviderInstance().findValueSerializer(Instant.class).getClass().getName())
                .isEqualTo("io.firebreak.events.InstantJsonModule$FastInstantSerializer");
        assertThat(json.writeValueAsString(Instant.parse("2026-11-24T18:30:00.000120Z")))
                .isEqualTo("\"2026-11-24T18:30:00.000120Z\"");
    }

    private static final String EVENT = """
                {"specversion":"1.0","id":"e-1","source":"/connector","type":"io.firebreak.mention.received",
                 "time":"%s","subject":"s","datacontenttype":"application/json",
                 "data":{"source":"mastodon","externalId":"1","author":"@a","text":"hello",
                         "publishedAt":"%s","reach":1,"engagement":0}}""";

    @Test
    void anEventReadsTheSameInstantsInEitherForm() {
        CloudEvent<MentionReceived> canonical = reader.read(
                EVENT.formatted("2026-11-24T18:30:00.5Z", "2026-11-24T18:29:00Z"), MentionReceived.class);
        CloudEvent<MentionReceived> withOffset = reader.read(
                EVENT.formatted("2026-11-24T19:30:00.5+01:00", "2026-11-24T19:29:00+01:00"), MentionReceived.class);

        assertThat(canonical.time()).isEqualTo(Instant.parse("2026-11-24T18:30:00.500Z")).isEqualTo(withOffset.time());
        assertThat(canonical.data().publishedAt()).isEqualTo(Instant.parse("2026-11-24T18:29:00Z"))
                .isEqualTo(withOffset.data().publishedAt());
    }

    @Test
    void recordBytesThatAreNotValidUtf8AreReadAsAStringDecoderReadsThem() {
        String valid = EVENT.formatted("2026-11-24T18:30:00Z", "2026-11-24T18:29:00Z");
        byte[] value = valid.replace("hello", "caf\u00e9!").getBytes(StandardCharsets.ISO_8859_1); // é as one Latin-1 byte

        CloudEvent<MentionReceived> event = reader.read(value, MentionReceived.class);

        assertThat(event.data().text()).isEqualTo("caf\ufffd!")
                .isEqualTo(reader.read(new String(value, StandardCharsets.UTF_8), MentionReceived.class).data().text());
        assertThat(reader.read(valid.getBytes(StandardCharsets.UTF_8), MentionReceived.class).data().text())
                .isEqualTo("hello");
    }
}
