package io.firebreak.monitoring.bucket;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Closes due buckets; {@link BucketCloser} makes sure one replica at a time does it. */
@ApplicationScoped
public class BucketJobs {

    private final BucketCloser closer;

    public BucketJobs(BucketCloser closer) {
        this.closer = closer;
    }

    @Scheduled(identity = "bucket-closer", every = "${monitoring.buckets.close-every:1s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> closeDue() {
        return closer.closeDue()
                .onFailure().invoke(failure -> Log.warnf("Closing buckets failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
