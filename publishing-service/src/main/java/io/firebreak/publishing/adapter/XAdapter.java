package io.firebreak.publishing.adapter;

import io.firebreak.publishing.adapter.PostMatcher.Listed;
import io.firebreak.publishing.rules.Platform;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * X API v2: {@code POST /2/tweets} with an OAuth 2.0 user-context Bearer token, threads as replies
 * ({@code reply.in_reply_to_tweet_id}); verification with {@code GET /2/users/me}. A 429 carries the window's end in
 * {@code x-rate-limit-reset} (epoch seconds). X has no idempotency key: an interrupted send becomes UNKNOWN and is
 * looked up among the user's own recent tweets ({@code GET /2/users/:id/tweets}) before any retry. A reply to a
 * critic is a tweet with {@code reply.in_reply_to_tweet_id}, found the same way (the timeline lists replies).
 */
@ApplicationScoped
public class XAdapter implements PlatformAdapter {

    private final PlatformHttp http;
    private final Clock clock;

    public XAdapter(PlatformHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.X;
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public boolean canReply() {
        return true;
    }

    @Override
    public Uni<Published> publish(ChannelAccess channel, Post post) {
        return tweet(channel, post, 0, post.replyTo() != null ? post.replyTo().postId() : null, null);
    }

    private Uni<Published> tweet(ChannelAccess channel, Post post, int index, String inReplyTo, Published first) {
        if (index == post.parts().size()) {
            return Uni.createFrom().item(first);
        }
        JsonObject body = new JsonObject().put("text", post.parts().get(index));
        if (inReplyTo != null) {
            body.put("reply", new JsonObject().put("in_reply_to_tweet_id", inReplyTo));
        }
        return http.client().postAbs(channel.baseUrl() + "/2/tweets").timeout(http.timeoutMillis())
                .bearerTokenAuthentication(channel.credential("accessToken"))
                .sendJsonObject(body)
                .onFailure().transform(failure -> HttpErrors.ofTransport("X POST /2/tweets", failure))
                .map(response -> data(response, "X POST /2/tweets").getString("id"))
                .chain(id -> tweet(channel, post, index + 1, id,
                        first != null ? first : new Published(id, "https://x.com/i/web/status/" + id)));
    }

    @Override
    public Uni<Verified> verify(ChannelAccess channel) {
        return http.client().getAbs(channel.baseUrl() + "/2/users/me").timeout(http.timeoutMillis())
                .bearerTokenAuthentication(channel.credential("accessToken")).send()
                .onFailure().transform(failure -> HttpErrors.ofTransport("X GET /2/users/me", failure))
                .map(response -> new Verified(data(response, "X GET /2/users/me").getString("username"), null));
    }

    @Override
    public boolean canLookUp() {
        return true;
    }

    /** The account's tweets since {@code since} (replies included, so a thread's parts are found too). */
    @Override
    public Uni<Lookup> lookUp(ChannelAccess channel, Post post, Instant since) {
        return http.client().getAbs(channel.baseUrl() + "/2/users/me").timeout(http.timeoutMillis())
                .bearerTokenAuthentication(channel.credential("accessToken")).send()
                .onFailure().transform(failure -> PlatformException.transientFailure(0, "X GET /2/users/me failed: "
                        + failure, null))
                .map(response -> data(response, "X GET /2/users/me").getString("id"))
                .chain(userId -> http.client().getAbs(channel.baseUrl() + "/2/users/" + userId + "/tweets")
                        .addQueryParam("start_time", since.truncatedTo(ChronoUnit.SECONDS).toString())
                        .addQueryParam("max_results", "100")
                        .addQueryParam("tweet.fields", "created_at")
                        .timeout(http.timeoutMillis())
                        .bearerTokenAuthentication(channel.credential("accessToken")).send()
                        .onFailure().transform(failure -> PlatformException.transientFailure(0,
                                "X GET /2/users/:id/tweets failed: " + failure, null)))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        data(response, "X GET /2/users/:id/tweets");
                    }
                    JsonArray tweets = response.bodyAsJsonObject().getJsonArray("data", new JsonArray());
                    List<Listed> listed = new ArrayList<>();
                    for (int i = 0; i < tweets.size(); i++) {
                        JsonObject tweet = tweets.getJsonObject(i);
                        listed.add(new Listed(tweet.getString("id"), tweet.getString("text"),
                                "https://x.com/i/web/status/" + tweet.getString("id")));
                    }
                    return PostMatcher.match(post.parts(), listed);
                });
    }

    private JsonObject data(HttpResponse<Buffer> response, String what) {
        if (response.statusCode() / 100 == 2) {
            return response.bodyAsJsonObject().getJsonObject("data");
        }
        String detail = HttpErrors.reason(response, "detail");
        if (response.statusCode() == 429) {
            throw PlatformException.transientFailure(429, what + " answered 429: " + detail,
                    untilReset(response.getHeader("x-rate-limit-reset")));
        }
        // A duplicate, or a reply to a tweet deleted or hidden since, is about this post, not the account: refuse it
        // without breaking the channel.
        if (response.statusCode() == 403 && detail != null && (detail.contains("duplicate content")
                || detail.contains("deleted or not visible"))) {
            throw PlatformException.rejected(403, what + " answered 403: " + detail);
        }
        throw HttpErrors.of(what, response, detail);
    }

    private Duration untilReset(String reset) {
        try {
            Duration delay = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset)));
            return delay.isNegative() ? Duration.ZERO : delay;
        } catch (NumberFormatException | NullPointerException unreadable) {
            return null;
        }
    }
}
