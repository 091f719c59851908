package io.firebreak.publishing.adapter;

import io.firebreak.publishing.rules.Platform;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * Mastodon REST API (any instance): {@code POST /api/v1/statuses} with a Bearer token and an
 * {@code Idempotency-Key} (the instance returns the same status for a repeated key), threads as replies;
 * verification through {@code GET /api/v1/accounts/verify_credentials} and the instance's own limit from
 * {@code GET /api/v2/instance} ({@code configuration.statuses.max_characters}). A reply is a status with
 * {@code in_reply_to_id}: the answered post's id when it lives on the channel's instance, else its id there, found by
 * URL with {@code GET /api/v2/search?q=<url>&resolve=true&type=statuses} (the instance fetches it over ActivityPub).
 */
@ApplicationScoped
public class MastodonAdapter implements PlatformAdapter {

    private final PlatformHttp http;

    public MastodonAdapter(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public Platform platform() {
        return Platform.MASTODON;
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public boolean canReply() {
        return true;
    }

    @Override
    public Uni<Published> publish(ChannelAccess channel, Post post) {
        if (post.replyTo() == null) {
            return postPart(channel, post, 0, null, null);
        }
        return localId(channel, post.replyTo()).chain(id -> postPart(channel, post, 0, id, null)
                .onFailure(PlatformException.class).transform(failure -> notFound((PlatformException) failure,
                        "the post replied to (" + id + ") was deleted or is not visible to the brand's account")));
    }

    /**
     * The answered status' id on the channel's instance: its own id when it lives there, else the local copy
     * found by its URL. Nothing was posted yet, so a failure here is a plain retry.
     */
    private Uni<String> localId(ChannelAccess channel, PlatformAdapter.ReplyTo target) {
        if (target.postUrl() == null || sameHost(target.postUrl(), base(channel))) {
            return Uni.createFrom().item(target.postId());
        }
        return call(channel, "GET", "/api/v2/search").addQueryParam("q", target.postUrl())
                .addQueryParam("resolve", "true").addQueryParam("type", "statuses").send()
                .onFailure().transform(failure -> PlatformException.transientFailure(0,
                        "Mastodon GET /api/v2/search failed: " + failure, null))
                .map(response -> {
                    JsonArray statuses = json(response, "Mastodon GET /api/v2/search")
                            .getJsonArray("statuses", new JsonArray());
                    if (statuses.isEmpty()) {
                        throw PlatformException.rejected(404, "the post replied to (" + target.postUrl()
                                + ") cannot be found from " + base(channel) + ": deleted, or not visible there");
                    }
                    return statuses.getJsonObject(0).getString("id");
                });
    }

    private static boolean sameHost(String url, String base) {
        try {
            String host = URI.create(url).getHost();
            return host != null && host.equalsIgnoreCase(URI.create(base).getHost());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** A 404 on a reply is the answered post gone: said in those words, and not retried. */
    static PlatformException notFound(PlatformException failure, String what) {
        return failure.status() == 404 ? PlatformException.rejected(404, what + " (" + failure.getMessage() + ")")
                : failure;
    }

    private Uni<Published> postPart(ChannelAccess channel, Post post, int index, String inReplyTo, Published first) {
        if (index == post.parts().size()) {
            return Uni.createFrom().item(first);
        }
        JsonObject body = new JsonObject().put("status", post.parts().get(index)).put("visibility", "public");
        if (inReplyTo != null) {
            body.put("in_reply_to_id", inReplyTo);
        }
        // One key per part: a retried thread finds its earlier parts already posted, not posted twice.
        String key = post.parts().size() == 1 ? post.idempotencyKey() : post.idempotencyKey() + "-" + (index + 1);
        return call(channel, "POST", "/api/v1/statuses")
                .putHeader("Idempotency-Key", key)
                .sendJsonObject(body)
                .onFailure().transform(failure -> HttpErrors.ofTransport("Mastodon POST /api/v1/statuses", failure))
                .map(response -> json(response, "Mastodon POST /api/v1/statuses"))
                .chain(status -> {
                    Published published = new Published(status.getString("id"), status.getString("url"));
                    Log.debugf("Mastodon status %s posted on channel %s", published.externalId(), channel.channelId());
                    return postPart(channel, post, index + 1, published.externalId(), first != null ? first : published);
                });
    }

    @Override
    public Uni<Verified> verify(ChannelAccess channel) {
        return call(channel, "GET", "/api/v1/accounts/verify_credentials").send()
                .onFailure().transform(failure -> HttpErrors.ofTransport("Mastodon verify_credentials", failure))
                .map(response -> json(response, "Mastodon verify_credentials").getString("acct"))
                .chain(account -> http.client().getAbs(base(channel) + "/api/v2/instance")
                        .timeout(http.timeoutMillis()).send()
                        .onFailure().transform(failure -> HttpErrors.ofTransport("Mastodon /api/v2/instance", failure))
                        .map(response -> json(response, "Mastodon /api/v2/instance"))
                        .map(instance -> new Verified(account, maxCharacters(instance))));
    }

    private static Integer maxCharacters(JsonObject instance) {
        JsonObject configuration = instance.getJsonObject("configuration");
        JsonObject statuses = configuration != null ? configuration.getJsonObject("statuses") : null;
        return statuses != null ? statuses.getInteger("max_characters") : null;
    }

    private HttpRequest<Buffer> call(ChannelAccess channel, String method, String path) {
        String url = base(channel) + path;
        HttpRequest<Buffer> request = "POST".equals(method) ? http.client().postAbs(url) : http.client().getAbs(url);
        return request.bearerTokenAuthentication(channel.credential("accessToken")).timeout(http.timeoutMillis());
    }

    private static String base(ChannelAccess channel) {
        return channel.baseUrl().endsWith("/") ? channel.baseUrl().substring(0, channel.baseUrl().length() - 1)
                : channel.baseUrl();
    }

    private static JsonObject json(HttpResponse<Buffer> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw HttpErrors.of(what, response, HttpErrors.reason(response, "error"));
        }
        return response.bodyAsJsonObject();
    }
}
