package io.firebreak.publishing.adapter;

import io.firebreak.publishing.adapter.PostMatcher.Listed;
import io.firebreak.publishing.config.PublishingConfig;
import io.firebreak.publishing.rules.Platform;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Facebook Page through the Graph API: {@code POST /{version}/{page-id}/feed} with {@code {"message": ...}} and the
 * page access token, answered {@code {"id": "<page-id>_<post-id>"}}; verification reads the page
 * ({@code GET /{version}/{page-id}?fields=id,name}). Errors come as
 * {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}, usually with HTTP 400 whatever the
 * cause, so the {@code code} decides: 190 is an expired or invalidated token (a page token has no refresh: an
 * admin issues a new one), 10 and 200-299 a missing permission, 4/17/32/613/80001 a rate limit. The Graph API
 * takes no idempotency key: an interrupted send is looked up in the page feed before any retry. A reply to a
 * critic is a comment of the page on the post ({@code POST /{version}/{post-id}/comments}); an interrupted one is
 * looked up among the post's comments ({@code GET /{post-id}/comments}), the page's own with the same message.
 */
@ApplicationScoped
public class FacebookPageAdapter implements PlatformAdapter {

    private static final Set<Integer> RATE_LIMITS = Set.of(4, 17, 32, 613, 80001);
    /** Posts the lookup reads: far more than a page publishes between an interrupted send and its lookup. */
    private static final int LOOKUP_LIMIT = 100;

    private final PlatformHttp http;
    private final String version;

    public FacebookPageAdapter(PlatformHttp http, PublishingConfig config) {
        this.http = http;
        this.version = config.facebook().graphVersion();
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK_PAGE;
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
        if (post.replyTo() != null) {
            return comment(channel, post);
        }
        return call(channel, http.client().postAbs(url(channel, "/" + channel.account() + "/feed")))
                .sendJsonObject(new JsonObject().put("message", String.join("\n\n", post.parts())))
                .onFailure().transform(failure -> HttpErrors.ofTransport("Facebook POST /feed", failure))
                .map(response -> {
                    String id = graph(response, "Facebook POST /feed").getString("id");
                    Log.debugf("Facebook post %s published on channel %s", id, channel.channelId());
                    return new Published(id, "https://www.facebook.com/" + id);
                });
    }

    private Uni<Published> comment(ChannelAccess channel, Post post) {
        String postId = post.replyTo().postId();
        return call(channel, http.client().postAbs(url(channel, "/" + postId + "/comments")))
                .sendJsonObject(new JsonObject().put("message", String.join("\n\n", post.parts())))
                .onFailure().transform(failure -> HttpErrors.ofTransport("Facebook POST /comments", failure))
                .map(response -> {
                    String id = graph(response, "Facebook POST /comments").getString("id");
                    Log.debugf("Facebook comment %s on post %s published on channel %s", id, postId,
                            channel.channelId());
                    return new Published(id, commentUrl(postId, id));
                });
    }

    /** A comment's address: the post's, with the comment named. */
    private static String commentUrl(String postId, String commentId) {
        return "https://www.facebook.com/" + postId + "?comment_id=" + commentId;
    }

    @Override
    public Uni<Verified> verify(ChannelAccess channel) {
        return call(channel, http.client().getAbs(url(channel, "/" + channel.account()))
                        .addQueryParam("fields", "id,name")).send()
                .onFailure().transform(failure -> HttpErrors.ofTransport("Facebook GET page", failure))
                .map(response -> new Verified(graph(response, "Facebook GET page").getString("name"), null));
    }

    @Override
    public boolean canLookUp() {
        return true;
    }

    /** The page feed since {@code since}, newest first, matched by message; a reply among the post's comments. */
    @Override
    public Uni<Lookup> lookUp(ChannelAccess channel, Post post, Instant since) {
        if (post.replyTo() != null) {
            return lookUpComment(channel, post);
        }
        return call(channel, http.client().getAbs(url(channel, "/" + channel.account() + "/feed"))
                        .addQueryParam("fields", "id,message,created_time,permalink_url")
                        .addQueryParam("since", String.valueOf(since.getEpochSecond()))
                        .addQueryParam("limit", String.valueOf(LOOKUP_LIMIT))).send()
                .onFailure().transform(failure -> PlatformException.transientFailure(0, "Facebook GET /feed failed: "
                        + failure, null))
                .map(response -> {
                    JsonArray data = graph(response, "Facebook GET /feed").getJsonArray("data", new JsonArray());
                    List<Listed> listed = new ArrayList<>();
                    for (int i = 0; i < data.size(); i++) {
                        JsonObject item = data.getJsonObject(i);
                        String id = item.getString("id");
                        listed.add(new Listed(id, item.getString("message"),
                                item.getString("permalink_url", "https://www.facebook.com/" + id)));
                    }
                    return PostMatcher.match(List.of(String.join("\n\n", post.parts())), listed);
                });
    }

    /** The post's newest comments; the page's own with the same message is the reply. */
    private Uni<Lookup> lookUpComment(ChannelAccess channel, Post post) {
        String postId = post.replyTo().postId();
        return call(channel, http.client().getAbs(url(channel, "/" + postId + "/comments"))
                        .addQueryParam("fields", "id,message,from,created_time,permalink_url")
                        .addQueryParam("filter", "stream")
                        .addQueryParam("order", "reverse_chronological")
                        .addQueryParam("limit", String.valueOf(LOOKUP_LIMIT))).send()
                .onFailure().transform(failure -> PlatformException.transientFailure(0,
                        "Facebook GET /comments failed: " + failure, null))
                .map(response -> {
                    JsonArray data = graph(response, "Facebook GET /comments").getJsonArray("data", new JsonArray());
                    List<Listed> listed = new ArrayList<>();
                    for (int i = 0; i < data.size(); i++) {
                        JsonObject item = data.getJsonObject(i);
                        JsonObject from = item.getJsonObject("from");
                        if (from != null && channel.account().equals(from.getString("id"))) {
                            String id = item.getString("id");
                            listed.add(new Listed(id, item.getString("message"),
                                    item.getString("permalink_url", commentUrl(postId, id))));
                        }
                    }
                    return PostMatcher.match(List.of(String.join("\n\n", post.parts())), listed);
                });
    }

    private String url(ChannelAccess channel, String path) {
        String base = channel.baseUrl().endsWith("/") ? channel.baseUrl().substring(0, channel.baseUrl().length() - 1)
                : channel.baseUrl();
        return base + "/" + version + path;
    }

    private HttpRequest<Buffer> call(ChannelAccess channel, HttpRequest<Buffer> request) {
        return request.bearerTokenAuthentication(channel.credential("pageToken")).timeout(http.timeoutMillis());
    }

    private static JsonObject graph(HttpResponse<Buffer> response, String what) {
        if (response.statusCode() / 100 == 2) {
            return response.bodyAsJsonObject();
        }
        throw classify(response, what);
    }

    static PlatformException classify(HttpResponse<Buffer> response, String what) {
        JsonObject error = errorOf(response);
        if (error == null) {
            return HttpErrors.of(what, response, HttpErrors.reason(response, "error"));
        }
        int code = error.getInteger("code", 0);
        String message = what + " answered " + response.statusCode() + ": (#" + code
                + (error.getInteger("error_subcode") != null ? "/" + error.getInteger("error_subcode") : "") + ") "
                + error.getString("message") + " [fbtrace_id " + error.getString("fbtrace_id") + "]";
        if (code == 190 || code == 102 || code == 10 || (code >= 200 && code <= 299)) {
            return PlatformException.unauthorized(response.statusCode(), message);
        }
        if (RATE_LIMITS.contains(code) || code == 1 || code == 2 || error.getBoolean("is_transient", false)
                || response.statusCode() == 429 || response.statusCode() >= 500) {
            return PlatformException.transientFailure(response.statusCode(), message,
                    HttpErrors.retryAfter(response.getHeader("Retry-After")));
        }
        return PlatformException.rejected(response.statusCode(), message);
    }

    private static JsonObject errorOf(HttpResponse<Buffer> response) {
        try {
            return response.bodyAsJsonObject().getJsonObject("error");
        } catch (RuntimeException notGraphJson) {
            return null;
        }
    }
}
