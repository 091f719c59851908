package io.firebreak.playbook.reply;

import io.firebreak.playbook.client.Mention;
import io.firebreak.playbook.client.MonitoringClient;
import io.firebreak.playbook.crisis.Crisis;
import io.firebreak.playbook.reply.ReplyDtos.FollowUp;
import io.firebreak.playbook.reply.ReplyDtos.RepliesSummary;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The replies part of a crisis review, with what answered critics said afterwards (asked of monitoring-service). */
@ApplicationScoped
public class ReplyReview {

    /** Posts read per critic after the reply: enough to see the mood, bounded by monitoring's page size. */
    private static final int FOLLOW_UPS_READ = 100;

    private final MonitoringClient monitoring;

    public ReplyReview(@RestClient MonitoringClient monitoring) {
        this.monitoring = monitoring;
    }

    /** Outside any database session: it calls monitoring-service once per published reply. */
    public Uni<RepliesSummary> summarize(Crisis crisis, List<Reply> replies) {
        List<Reply> published = replies.stream().filter(r -> r.getStatus() == Reply.Status.PUBLISHED).toList();
        int critics = (int) published.stream().map(Reply::getMentionId).distinct().count();
        var median = ReplyStats.medianAnswerTime(published.stream()
                .map(r -> new ReplyStats.Answer(r.getMentionPublishedAt(), r.getPublishedAt())).toList());
        int rejected = count(replies, Reply.Status.REJECTED);
        int failed = count(replies, Reply.Status.FAILED);
        if (published.isEmpty()) {
            return Uni.createFrom().item(new RepliesSummary(replies.size(), 0, rejected, failed, 0, null, List.of(),
                    null));
        }
        if (crisis.getWatchId() == null) {
            return Uni.createFrom().item(new RepliesSummary(replies.size(), published.size(), rejected, failed,
                    critics, median, List.of(), "the crisis follows no watch"));
        }
        List<Uni<FollowUp>> followUps = published.stream().map(r -> followUp(crisis, r)).toList();
        return Uni.join().all(followUps).andFailFast()
                .map(list -> new RepliesSummary(replies.size(), published.size(), rejected, failed, critics, median,
                        list, null))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Review of crisis %s: follow-ups unavailable: %s", crisis.getId(), failure.toString());
                    return new RepliesSummary(replies.size(), published.size(), rejected, failed, critics, median,
                            List.of(), "monitoring-service could not be asked what the critics posted afterwards");
                });
    }

    private Uni<FollowUp> followUp(Crisis crisis, Reply reply) {
        if (reply.getMentionAuthor() == null) {
            return Uni.createFrom().item(new FollowUp(reply.getId(), null, reply.getMentionSource(),
                    reply.getPublishedAt(), 0, 0, 0, 0));
        }
        return monitoring.mentions(crisis.getWatchId(), reply.getPublishedAt().toString(), null,
                        reply.getMentionSource(), null, null, reply.getMentionAuthor(), 0, FOLLOW_UPS_READ)
                .map(posts -> new FollowUp(reply.getId(), reply.getMentionAuthor(), reply.getMentionSource(),
                        reply.getPublishedAt(), posts.size(), labelled(posts, "negative"), labelled(posts, "neutral"),
                        labelled(posts, "positive")));
    }

    private static int labelled(List<Mention> posts, String label) {
        return (int) posts.stream().map(Mention::sentimentLabel).filter(Objects::nonNull)
                .filter(l -> l.equalsIgnoreCase(label)).count();
    }

    private static int count(List<Reply> replies, Reply.Status status) {
        return (int) replies.stream().filter(r -> r.getStatus() == status).count();
    }
}
