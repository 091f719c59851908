package io.firebreak.playbook.reply;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.playbook.client.Mention;
import io.firebreak.playbook.client.MonitoringClient;
import io.firebreak.playbook.config.PlaybookConfig;
import io.firebreak.playbook.crisis.Crisis;
import io.firebreak.playbook.reply.ReplyDtos.InboxItem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A live crisis' inbox: the mentions of its watch since a while before it was detected, as monitoring-service ranks
 * them (newest and most influential first), each marked with the reply it got here.
 */
@ApplicationScoped
public class InboxService {

    /** What the inbox is filtered and paged by; null filters are left out. */
    public record Query(String platform, String language, String sentiment, int page, int size) {
    }

    private final ReplyService replyService;
    private final ReplyRepository replies;
    private final MonitoringClient monitoring;
    private final PlaybookConfig config;

    public InboxService(ReplyService replyService, ReplyRepository replies, @RestClient MonitoringClient monitoring,
                        PlaybookConfig config) {
        this.replyService = replyService;
        this.replies = replies;
        this.monitoring = monitoring;
        this.config = config;
    }

    public Uni<List<InboxItem>> of(UUID crisisId, Query query) {
        return Panache.withSession(() -> replyService.liveCrisis(crisisId).invoke(ReplyService::requireWatch))
                .chain(crisis -> monitoring.mentions(crisis.getWatchId(), since(crisis).toString(), null,
                                query.platform(), query.language(), query.sentiment(), null, query.page(),
                                query.size())
                        .onFailure().transform(failure -> {
                            Log.warnf("Inbox of crisis %s: mentions of watch %s unavailable: %s", crisisId,
                                    crisis.getWatchId(), failure.toString());
                            return failure instanceof ProblemException ? failure
                                    : ReplyService.monitoringUnavailable();
                        }))
                .chain(mentions -> Panache.withSession(() -> replies.ofMentions(
                        mentions.stream().map(Mention::id).toList())).map(answers -> items(mentions, answers)));
    }

    private Instant since(Crisis crisis) {
        Instant start = crisis.getDetectedAt() != null ? crisis.getDetectedAt() : crisis.getCreatedAt();
        return start.minus(config.replies().inboxLookback());
    }

    static List<InboxItem> items(List<Mention> mentions, List<Reply> answers) {
        Map<UUID, Reply> latest = new HashMap<>();
        Map<UUID, Boolean> answered = new HashMap<>();
        for (Reply reply : answers) {
            latest.put(reply.getMentionId(), reply);
            if (reply.getStatus() != Reply.Status.REJECTED) {
                answered.put(reply.getMentionId(), true);
            }
        }
        return mentions.stream().map(m -> {
            Reply reply = latest.get(m.id());
            return new InboxItem(m.id(), m.source(), m.externalId(), m.author(), m.text(), m.url(), m.language(),
                    m.publishedAt(), m.reach(), m.engagement(), m.sentimentLabel(), m.sentimentScore(), m.question(),
                    m.priority(), answered.getOrDefault(m.id(), false), reply == null ? null : reply.getId(),
                    reply == null ? null : reply.getStatus());
        }).toList();
    }
}
