package io.firebreak.publishing.adapter;

import io.firebreak.publishing.rules.Platform;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bluesky (AT Protocol, any PDS): a session from the account's app password
 * ({@code com.atproto.server.createSession}), kept per channel and renewed with
 * {@code com.atproto.server.refreshSession} when the access token expires, instead of logging in again; posts
 * with {@code com.atproto.repo.createRecord} ({@code app.bsky.feed.post}, link facets by UTF-8 byte range, threads
 * as replies with root and parent). createRecord takes no idempotency key, but it takes the record key: each part
 * gets one derived from the publication (a TID built from its creation time and id), and a re-send first asks
 * {@code com.atproto.repo.getRecord} for it, so an interrupted send is found rather than posted twice. A reply to a
 * critic names the answered post as parent and its thread's first post as root: both (uri and cid) are read with
 * {@code app.bsky.feed.getPosts} (the parent's {@code record.reply.root}, or the parent itself when it is no reply).
 */
@ApplicationScoped
public class BlueskyAdapter implements PlatformAdapter {

    private static final String POST = "app.bsky.feed.post";

    private record Session(String did, String handle, String accessJwt, String refreshJwt) {
    }

    private record Ref(String uri, String cid) {
        JsonObject json() {
            return new JsonObject().put("uri", uri).put("cid", cid);
        }
    }

    private final PlatformHttp http;
    private final Clock clock;
    /** Live sessions by channel; a credentials change simply ends in a new login on 401. */
    private final Map<UUID, Session> sessions = new ConcurrentHashMap<>();

    public BlueskyAdapter(PlatformHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.BLUESKY;
    }

    /** Idempotent through the record key, for every post the dispatcher sends (they carry their creation time). */
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
        return session(channel)
                .chain(session -> post.replyTo() == null ? postPart(channel, session, post, 0, null, null, null)
                        : anchor(channel, session, post.replyTo().postId()).chain(anchor ->
                                postPart(channel, sessions.getOrDefault(channel.channelId(), session), post, 0,
                                        anchor.root(), anchor.parent(), null)))
                .map(first -> new Published(first.uri(), webUrl(sessions.get(channel.channelId()), first.uri())));
    }

    private record Anchor(Ref root, Ref parent) {
    }

    /** Where a reply to {@code uri} goes: that post as parent, its thread's first post as root. */
    private Uni<Anchor> anchor(ChannelAccess channel, Session session, String uri) {
        if (uri == null || !uri.startsWith("at://")) {
            return Uni.createFrom().failure(PlatformException.rejected(400, "the post replied to is named "
                    + uri + ", not by its at:// URI"));
        }
        return getPost(channel, session, uri).onFailure(ExpiredToken.class).recoverWithUni(expired ->
                refresh(channel, session).chain(fresh -> getPost(channel, fresh, uri)));
    }

    private Uni<Anchor> getPost(ChannelAccess channel, Session session, String uri) {
        return http.client().getAbs(channel.baseUrl() + "/xrpc/app.bsky.feed.getPosts").addQueryParam("uris", uri)
                .timeout(http.timeoutMillis()).bearerTokenAuthentication(session.accessJwt()).send()
                .onFailure().transform(failure -> PlatformException.transientFailure(0,
                        "Bluesky getPosts failed: " + failure, null))
                .map(response -> {
                    JsonArray posts = ok(response, "Bluesky getPosts").getJsonArray("posts", new JsonArray());
                    if (posts.isEmpty()) {
                        throw PlatformException.rejected(404, "the post replied to (" + uri
                                + ") was deleted or is not visible to the brand's account");
                    }
                    JsonObject found = posts.getJsonObject(0);
                    Ref parent = new Ref(found.getString("uri"), found.getString("cid"));
                    JsonObject record = found.getJsonObject("record", new JsonObject());
                    JsonObject reply = record.getJsonObject("reply");
                    JsonObject root = reply != null ? reply.getJsonObject("root") : null;
                    return new Anchor(root != null ? new Ref(root.getString("uri"), root.getString("cid")) : parent,
                            parent);
                });
    }

    /** Posts part {@code index} and the rest; the first part posted. */
    private Uni<Ref> postPart(ChannelAccess channel, Session session, Post post, int index, Ref root, Ref parent,
                              Ref first) {
        if (index == post.parts().size()) {
            return Uni.createFrom().item(first);
        }
        String text = post.parts().get(index);
        String rkey = post.createdAt() != null ? recordKey(post, index) : null;
        JsonObject record = new JsonObject().put("$type", POST).put("text", text)
                .put("createdAt", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        if (!BlueskyFacets.links(text).isEmpty()) {
            record.put("facets", BlueskyFacets.links(text));
        }
        if (parent != null) {
            record.put("reply", new JsonObject().put("root", root.json()).put("parent", parent.json()));
        }
        Uni<Ref> created = rkey == null ? createRecord(channel, session, record, null)
                : existingOrCreated(channel, session, record, rkey);
        return created
                .chain(ref -> postPart(channel, sessions.getOrDefault(channel.channelId(), session), post, index + 1,
                        root != null ? root : ref, ref, first != null ? first : ref));
    }

    /**
     * The record under {@code rkey} if an earlier, interrupted send created it (with this very text), else a new
     * one under that key; on an expired access token, one refresh and one more try.
     */
    private Uni<Ref> existingOrCreated(ChannelAccess channel, Session session, JsonObject record, String rkey) {
        return getThenCreate(channel, session, record, rkey).onFailure(ExpiredToken.class).recoverWithUni(expired ->
                refresh(channel, session).chain(fresh -> getThenCreate(channel, fresh, record, rkey)));
    }

    private Uni<Ref> getThenCreate(ChannelAccess channel, Session session, JsonObject record, String rkey) {
        return http.client().getAbs(channel.baseUrl() + "/xrpc/com.atproto.repo.getRecord")
                .addQueryParam("repo", session.did()).addQueryParam("collection", POST).addQueryParam("rkey", rkey)
                .timeout(http.timeoutMillis()).bearerTokenAuthentication(session.accessJwt()).send()
                .onFailure().transform(failure -> PlatformException.transientFailure(0,
                        "Bluesky getRecord failed: " + failure, null))
                .chain(response -> {
                    if (response.statusCode() == 404 || response.statusCode() == 400
                            && "RecordNotFound".equals(HttpErrors.reason(response, "error"))) {
                        return sendRecord(channel, session, record, rkey);
                    }
                    JsonObject found = ok(response, "Bluesky getRecord");
                    JsonObject value = found.getJsonObject("value");
                    if (value == null || !record.getString("text").equals(value.getString("text"))) {
                        throw PlatformException.rejected(409, "Bluesky record " + rkey + " already holds another post");
                    }
                    Log.infof("Bluesky record %s of channel %s was already posted: not posted again", rkey,
                            channel.channelId());
                    return Uni.createFrom().item(new Ref(found.getString("uri"), found.getString("cid")));
                });
    }

    /** createRecord; on an expired access token, one refresh and one more try. */
    private Uni<Ref> createRecord(ChannelAccess channel, Session session, JsonObject record, String rkey) {
        return sendRecord(channel, session, record, rkey).onFailure(ExpiredToken.class).recoverWithUni(expired ->
                refresh(channel, session).chain(fresh -> sendRecord(channel, fresh, record, rkey)));
    }

    private Uni<Ref> sendRecord(ChannelAccess channel, Session session, JsonObject record, String rkey) {
        JsonObject body = new JsonObject().put("repo", session.did()).put("collection", POST).put("record", record);
        if (rkey != null) {
            body.put("rkey", rkey);
        }
        return http.client().postAbs(channel.baseUrl() + "/xrpc/com.atproto.repo.createRecord")
                .timeout(http.timeoutMillis()).bearerTokenAuthentication(session.accessJwt())
                .sendJsonObject(body)
                .onFailure().transform(failure -> HttpErrors.ofTransport("Bluesky createRecord", failure))
                .map(response -> {
                    JsonObject answer = ok(response, "Bluesky createRecord");
                    return new Ref(answer.getString("uri"), answer.getString("cid"));
                });
    }

    @Override
    public Uni<Verified> verify(ChannelAccess channel) {
        return login(channel).map(session -> new Verified(session.handle(), null));
    }

    private Uni<Session> session(ChannelAccess channel) {
        Session known = sessions.get(channel.channelId());
        return known != null ? Uni.createFrom().item(known) : login(channel);
    }

    private Uni<Session> login(ChannelAccess channel) {
        JsonObject body = new JsonObject().put("identifier", channel.credential("identifier"))
                .put("password", channel.credential("appPassword"));
        return http.client().postAbs(channel.baseUrl() + "/xrpc/com.atproto.server.createSession")
                .timeout(http.timeoutMillis()).sendJsonObject(body)
                .onFailure().transform(failure -> HttpErrors.ofTransport("Bluesky createSession", failure))
                .map(response -> remember(channel, ok(response, "Bluesky createSession")))
                .invoke(session -> Log.infof("Bluesky session opened for channel %s as %s", channel.channelId(),
                        session.handle()));
    }

    private Uni<Session> refresh(ChannelAccess channel, Session session) {
        return http.client().postAbs(channel.baseUrl() + "/xrpc/com.atproto.server.refreshSession")
                .timeout(http.timeoutMillis()).bearerTokenAuthentication(session.refreshJwt()).send()
                .onFailure().transform(failure -> HttpErrors.ofTransport("Bluesky refreshSession", failure))
                .map(response -> remember(channel, ok(response, "Bluesky refreshSession")))
                .onFailure(ExpiredToken.class).recoverWithUni(expired -> {
                    sessions.remove(channel.channelId());
                    return login(channel);
                })
                .invoke(fresh -> Log.debugf("Bluesky session of channel %s refreshed", channel.channelId()));
    }

    private Session remember(ChannelAccess channel, JsonObject answer) {
        Session session = new Session(answer.getString("did"), answer.getString("handle"),
                answer.getString("accessJwt"), answer.getString("refreshJwt"));
        sessions.put(channel.channelId(), session);
        return session;
    }

    /** XRPC errors are {@code {"error": "ExpiredToken", "message": ...}}; an expired token is 400 on some PDSes. */
    private JsonObject ok(HttpResponse<Buffer> response, String what) {
        if (response.statusCode() / 100 == 2) {
            return response.bodyAsJsonObject();
        }
        String error = HttpErrors.reason(response, "error");
        if ("ExpiredToken".equals(error)) {
            throw new ExpiredToken(what + ": " + HttpErrors.reason(response, "message"));
        }
        String message = HttpErrors.reason(response, "message");
        return thrown(HttpErrors.of(what, response, error + (message != null ? " " + message : "")));
    }

    private static final String BASE32_SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";

    /**
     * Part {@code index}'s record key: a TID (AT Protocol: 53 bits of microseconds since the epoch and a 10-bit
     * clock id, 13 base32-sortable characters) from the publication's creation time, with the sub-millisecond
     * microseconds and the clock id taken from its id, so that two publications of one account never share a key.
     */
    static String recordKey(Post post, int index) {
        int hash = post.idempotencyKey().hashCode() & 0x7fffffff;
        long micros = post.createdAt().toEpochMilli() * 1000 + (hash % 1000) + index;
        long value = (micros << 10) | ((hash / 1000) & 0x3ff);
        char[] tid = new char[13];
        for (int i = 12; i >= 0; i--) {
            tid[i] = BASE32_SORTABLE.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(tid);
    }

    private static JsonObject thrown(PlatformException failure) {
        throw failure;
    }

    private static String webUrl(Session session, String uri) {
        String rkey = uri.substring(uri.lastIndexOf('/') + 1);
        return "https://bsky.app/profile/" + (session != null ? session.handle() : "") + "/post/" + rkey;
    }

    /** The access (or refresh) token expired: refresh, or log in again, once. */
    static final class ExpiredToken extends PlatformException {
        ExpiredToken(String message) {
            super(Kind.UNAUTHORIZED, 400, message, null);
        }
    }
}
