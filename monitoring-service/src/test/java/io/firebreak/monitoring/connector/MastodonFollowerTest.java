package io.firebreak.monitoring.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.firebreak.monitoring.mention.MentionInput;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a local server speaking Mastodon's streaming (server-sent events) and timelines APIs: a refused first
 * connection, a stream that drops, statuses posted while disconnected, and one sent both ways.
 */
class MastodonFollowerTest {

    private static final String TOKEN = "test-token";

    private HttpServer server;
    private final Map<Long, String> timeline = new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch testOver = new CountDownLatch(1);
    private MastodonFollower follower;

    private static String status(long id, String html) {
        return """
                {"id":"%d","created_at":"2026-11-23T10:00:%02dZ","language":"fr","url":"https://example.social/@alice/%d",
                 "content":"%s","favourites_count":3,"reblogs_count":2,"replies_count":1,
                 "account":{"id":"1","acct":"alice@example.social","followers_count":1500}}"""
                .formatted(id, id % 60, id, html).replace("\n", "");
    }

    private void post(long id, String html) {
        timeline.put(id, status(id, html));
    }

    private static void frame(OutputStream out, long id, String json) throws IOException {
        out.write((":thump\n\nevent: update\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @BeforeEach
    void mastodon() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/v1/streaming/hashtag", this::stream);
        server.createContext("/api/v1/timelines/tag/", this::tagTimeline);
        server.start();
    }

    @AfterEach
    void stop() {
        testOver.countDown();
        if (follower != null) {
            follower.stop();
        }
        server.stop(0);
    }

    /** 1st connection refused (503), 2nd streams two statuses and drops, 3rd streams one already caught up and a new one. */
    private void stream(HttpExchange exchange) throws IOException {
        requests.add("stream " + exchange.getRequestURI() + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
        int connection = connections.incrementAndGet();
        if (connection == 1) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            if (connection == 2) {
                post(101, "<p>Mon appli <a href=\\\"https://example.social/tags/brand\\\" class=\\\"mention hashtag\\\">#<span>brand</span></a> est nulle &amp; lente</p>");
                frame(out, 101, timeline.get(101L));
                post(102, "<p>Encore en panne<br>depuis ce matin &#128545;</p>");
                frame(out, 102, timeline.get(102L));
                // Posted while the follower is disconnected: only the timelines API has them.
                post(103, "<p>Toujours rien</p>");
                post(104, "<p>Service client injoignable</p>");
            } else {
                frame(out, 104, timeline.get(104L));
                post(105, "<p>Ça revient enfin</p>");
                frame(out, 105, timeline.get(105L));
                testOver.await(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the follower hung up
        } finally {
            exchange.close();
        }
    }

    /** Newest first, newer than since_id, older than max_id, at most limit. */
    private void tagTimeline(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add("timeline " + uri + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : uri.getQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], parts[1]);
        }
        long sinceId = Long.parseLong(query.getOrDefault("since_id", "0"));
        long maxId = Long.parseLong(query.getOrDefault("max_id", String.valueOf(Long.MAX_VALUE)));
        int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        List<String> page = new ArrayList<>();
        timeline.forEach((id, json) -> {
            if (id > sinceId && id < maxId && page.size() < limit) {
                page.add(json);
            }
        });
        byte[] body = ("[" + String.join(",", page) + "]").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void followsTheHashtagReconnectsAfterADropAndCatchesUpWithoutDuplicates() {
        List<MentionInput> mentions = new CopyOnWriteArrayList<>();
        follower = new MastodonFollower(HttpClient.newHttpClient(),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "#brand", Optional.of(TOKEN),
                Duration.ofMillis(50), Duration.ofMillis(400), mentions::addAll);
        Thread thread = new Thread(follower, "mastodon-test");
        thread.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> mentions.size() >= 5);

        assertThat(mentions).extracting(MentionInput::externalId).containsExactly("101", "102", "103", "104", "105");
        MentionInput first = mentions.get(0);
        assertThat(first.source()).isEqualTo("mastodon");
        assertThat(first.text()).isEqualTo("Mon appli #brand est nulle & lente");
        assertThat(mentions.get(1).text()).isEqualTo("Encore en panne\ndepuis ce matin 😡");
        assertThat(first.author()).isEqualTo("@alice@example.social");
        assertThat(first.language()).isEqualTo("fr");
        assertThat(first.url()).isEqualTo("https://example.social/@alice/101");
        assertThat(first.reach()).isEqualTo(1500);
        assertThat(first.engagement()).isEqualTo(6);
        assertThat(follower.lastId()).isEqualTo("105");

        // Refused, then dropped: three connections, and one catch-up from the last status seen.
        assertThat(requests).filteredOn(request -> request.startsWith("stream"))
                .hasSize(3)
                .allMatch(request -> request.contains("/api/v1/streaming/hashtag?tag=brand")
                        && request.endsWith("auth=Bearer " + TOKEN));
        assertThat(requests).filteredOn(request -> request.startsWith("timeline"))
                .containsExactly("timeline /api/v1/timelines/tag/brand?since_id=102&limit=40 auth=Bearer " + TOKEN);
    }

    @Test
    void htmlBecomesPlainText() {
        assertThat(MastodonStatuses.text("<p>A &lt;b&gt; &quot;quoted&quot; &#x27;x&#x27;</p><p>second</p>"))
                .isEqualTo("A <b> \"quoted\" 'x'\nsecond");
    }
}
