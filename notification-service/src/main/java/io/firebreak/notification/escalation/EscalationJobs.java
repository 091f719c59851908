package io.firebreak.notification.escalation;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Fires due escalation steps; every replica runs it, and each due step is claimed by exactly one of them. */
@ApplicationScoped
public class EscalationJobs {

    private final EscalationService escalations;

    public EscalationJobs(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Scheduled(identity = "escalations", every = "${notification.escalation.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> fireDue() {
        return escalations.fireDue()
                .invoke(count -> {
                    if (count > 0) {
                        Log.debugf("Fired %d escalation steps", count);
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("Escalation pass failed, will retry: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
