package io.firebreak.playbook.messaging;

import io.firebreak.events.SignalChanged;
import io.firebreak.platform.messaging.EventConsumption;
import io.firebreak.platform.messaging.EventReader;
import io.firebreak.playbook.crisis.CrisisService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code monitoring.signals.v1} → a proposed crisis. */
@ApplicationScoped
public class SignalConsumer {

    private final EventReader reader;
    private final CrisisService crises;

    public SignalConsumer(EventReader reader, CrisisService crises) {
        this.reader = reader;
        this.crises = crises;
    }

    @Incoming(Channels.SIGNALS)
    public Uni<Void> consume(String value) {
        var event = reader.read(value, SignalChanged.class);
        return EventConsumption.untilApplied("signal event " + event.id(), () -> crises.proposeFromSignal(event));
    }
}
