package io.firebreak.monitoring.mention;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Retention of mentions. Deleting by date is idempotent, so every replica may run it without a claim. */
@ApplicationScoped
public class MentionJobs {

    private final MentionService mentions;

    public MentionJobs(MentionService mentions) {
        this.mentions = mentions;
    }

    @Scheduled(every = "${monitoring.mentions.purge-interval:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        return mentions.purgeExpired().replaceWithVoid();
    }
}
