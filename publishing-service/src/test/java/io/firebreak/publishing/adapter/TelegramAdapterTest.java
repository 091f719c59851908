package io.firebreak.publishing.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.firebreak.publishing.adapter.PlatformAdapter.ChannelAccess;
import io.firebreak.publishing.adapter.PlatformAdapter.Post;
import io.firebreak.publishing.adapter.PlatformAdapter.Published;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against an emulated Bot API: the token in the path, chat_id and text in the body, its error envelope. */
@QuarkusTest
class TelegramAdapterTest {

    private static final String SEND = "/bot123:ABC/sendMessage";
    private static WireMockServer telegram;

    @Inject
    TelegramAdapter adapter;

    @BeforeAll
    static void start() {
        telegram = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        telegram.start();
    }

    @AfterAll
    static void stop() {
        telegram.stop();
    }

    @BeforeEach
    void reset() {
        telegram.resetAll();
    }

    private ChannelAccess channel() {
        return new ChannelAccess(UUID.randomUUID(), telegram.baseUrl(), "@brand", Map.of("botToken", "123:ABC"));
    }

    private static void error(int status, String description, String parameters) {
        telegram.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":" + status + ",\"description\":\"" + description + "\""
                        + (parameters != null ? ",\"parameters\":" + parameters : "") + "}")));
    }

    @Test
    void sendsTheMessageToTheChatAndLinksToIt() {
        telegram.stubFor(post(urlEqualTo(SEND))
                .withRequestBody(equalToJson("{\"chat_id\":\"@brand\",\"text\":\"We are on it.\"}"))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":77,\"chat\":{\"id\":-100,"
                        + "\"username\":\"brand\",\"type\":\"channel\"},\"text\":\"We are on it.\"}}")));

        Published published = await(adapter.publish(channel(), new Post("k", List.of("We are on it."))));

        assertThat(published).isEqualTo(new Published("77", "https://t.me/brand/77"));
    }

    @Test
    void floodControlIsTransientWithTheRetryAfterFromTheBody() {
        error(429, "Too Many Requests: retry after 35", "{\"retry_after\":35}");
        PlatformException failure = failureOf(adapter.publish(channel(), new Post("k", List.of("x"))));
        assertThat(failure.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void aBadTokenOrAKickedBotIsUnauthorizedAndAnUnknownChatRejected() {
        error(401, "Unauthorized", null);
        assertThat(failureOf(adapter.publish(channel(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.UNAUTHORIZED);
        error(403, "Forbidden: bot was kicked from the channel chat", null);
        assertThat(failureOf(adapter.publish(channel(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.UNAUTHORIZED);
        error(400, "Bad Request: chat not found", null);
        PlatformException rejected = failureOf(adapter.publish(channel(), new Post("k", List.of("x"))));
        assertThat(rejected.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(rejected.getMessage()).contains("chat not found");
        error(502, "Bad Gateway", null);
        assertThat(failureOf(adapter.publish(channel(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.TRANSIENT);
    }

    @Test
    void verifyAsksWhoTheBotIs() {
        telegram.stubFor(get(urlEqualTo("/bot123:ABC/getMe"))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"username\":\"brand_bot\"}}")));
        assertThat(await(adapter.verify(channel())).account()).isEqualTo("brand_bot");
    }

    private static <T> T await(Uni<T> call) {
        return call.await().atMost(Duration.ofSeconds(20));
    }

    private static PlatformException failureOf(Uni<?> call) {
        return catchThrowableOfType(() -> await(call), PlatformException.class);
    }
}
