package io.firebreak.publishing.adapter;

import io.firebreak.publishing.rules.Platform;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes nowhere: what drills and sandbox channels post to, so that an exercise follows the whole
 * publication path without ever reaching a real platform. The post is identified by its idempotency key.
 */
@ApplicationScoped
public class SandboxAdapter implements PlatformAdapter {

    @Override
    public Platform platform() {
        return Platform.SANDBOX;
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    /** Drills rehearse replies too; nothing reaches the critic. */
    @Override
    public boolean canReply() {
        return true;
    }

    @Override
    public Uni<Published> publish(ChannelAccess channel, Post post) {
        Log.infof("Sandbox post %s on channel %s (%d part(s)), not sent to any platform", post.idempotencyKey(),
                channel.channelId(), post.parts().size());
        return Uni.createFrom().item(new Published("sandbox-" + post.idempotencyKey(),
                "sandbox://channels/" + channel.channelId() + "/posts/" + post.idempotencyKey()));
    }

    @Override
    public Uni<Verified> verify(ChannelAccess channel) {
        return Uni.createFrom().item(new Verified("sandbox", null));
    }
}
