package io.firebreak.monitoring.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.monitoring.mention.MentionInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Follows one hashtag on a Mastodon instance: its streaming API ({@code GET /api/v1/streaming/hashtag?tag=},
 * server-sent events, {@code event: update} with the status as data), reconnecting with exponential back-off when
 * the connection drops or is refused. After a reconnection it catches up on what it missed through the timelines
 * API ({@code GET /api/v1/timelines/tag/{hashtag}?since_id=}), opening the stream first so that nothing falls
 * between the two; a status both caught up and streamed is delivered once.
 *
 * <p>Statuses go to the sink as mentions, in id order; the last id is only remembered once the sink took them, so a
 * sink that fails (database down) gets them again through the next catch-up. Runs on its own thread until
 * {@link #stop()}.
 */
public final class MastodonFollower implements Runnable {

    private static final Logger LOG = Logger.getLogger(MastodonFollower.class);
    private static final int PAGE = 40;
    private static final int MAX_CATCH_UP_PAGES = 25;
    private static final int REMEMBERED_IDS = 10_000;

    private final HttpClient http;
    private final URI instance;
    private final String hashtag;
    private final Optional<String> accessToken;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Consumer<List<MentionInput>> sink;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> delivered = Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });
    private volatile boolean running = true;
    private volatile InputStream stream;
    private volatile String lastId;

    public MastodonFollower(HttpClient http, URI instance, String hashtag, Optional<String> accessToken,
                            Duration minBackoff, Duration maxBackoff, Consumer<List<MentionInput>> sink) {
        this.http = http;
        this.instance = instance;
        this.hashtag = hashtag.startsWith("#") ? hashtag.substring(1) : hashtag;
        this.accessToken = accessToken;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.sink = sink;
    }

    @Override
    public void run() {
        Duration backoff = minBackoff;
        while (running) {
            boolean connected = false;
            try {
                connected = follow();
            } catch (IOException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Mastodon stream #%s on %s interrupted: %s", hashtag, instance, e.getMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!running) {
                return;
            }
            // A connection that worked resets the back-off; refusals double it up to the maximum.
            backoff = connected ? minBackoff : min(backoff.multipliedBy(2), maxBackoff);
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void stop() {
        running = false;
        InputStream current = stream;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    /** The highest status id the sink took, null before the first. */
    public String lastId() {
        return lastId;
    }

    /** One connection: open the stream, catch up, read events until it ends. True when the stream was opened. */
    private boolean follow() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request("/api/v1/streaming/hashtag?tag=" + encode(hashtag))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("streaming API answered " + response.statusCode());
        }
        stream = response.body();
        LOG.infof("Following #%s on %s", hashtag, instance);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            if (lastId != null) {
                catchUp();
            }
            readEvents(reader);
        } finally {
            stream = null;
        }
        return true;
    }

    private void readEvents(BufferedReader reader) throws IOException {
        String event = null;
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if ("update".equals(event) && !data.isEmpty()) {
                    deliver(List.of(json.readTree(data.toString())));
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                continue; // heartbeat comment
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
        }
    }

    /** Pages of the tag timeline newer than the last id, newest first, until a page is not full. */
    private void catchUp() throws IOException, InterruptedException {
        List<JsonNode> missed = new ArrayList<>();
        String maxId = null;
        for (int page = 0; page < MAX_CATCH_UP_PAGES; page++) {
            String query = "?since_id=" + encode(lastId) + "&limit=" + PAGE
                    + (maxId == null ? "" : "&max_id=" + encode(maxId));
            HttpResponse<String> response = http.send(request("/api/v1/timelines/tag/" + encode(hashtag) + query)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("timelines API answered " + response.statusCode());
            }
            JsonNode statuses = json.readTree(response.body());
            statuses.forEach(missed::add);
            if (statuses.size() < PAGE) {
                break;
            }
            maxId = statuses.get(statuses.size() - 1).path("id").asText();
        }
        LOG.infof("Caught up %d statuses of #%s since %s", missed.size(), hashtag, lastId);
        deliver(missed);
    }

    private void deliver(List<JsonNode> statuses) {
        List<MentionInput> fresh = statuses.stream()
                .map(MastodonStatuses::mention)
                .filter(Objects::nonNull)
                .filter(mention -> !delivered.contains(mention.externalId()))
                .sorted((a, b) -> MastodonStatuses.BY_ID.compare(a.externalId(), b.externalId()))
                .toList();
        if (fresh.isEmpty()) {
            return;
        }
        sink.accept(fresh);
        for (MentionInput mention : fresh) {
            delivered.add(mention.externalId());
            if (lastId == null || MastodonStatuses.BY_ID.compare(mention.externalId(), lastId) > 0) {
                lastId = mention.externalId();
            }
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(instance.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET();
        accessToken.ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        return builder;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
