package io.firebreak.notification.messaging;

import io.firebreak.events.CrisisChanged;
import io.firebreak.notification.crisis.CrisisAlertService;
import io.firebreak.platform.messaging.EventConsumption;
import io.firebreak.platform.messaging.EventReader;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code playbook.crises.v1} → the crisis alert and a notification for each role holder. */
@ApplicationScoped
public class CrisisConsumer {

    private final EventReader reader;
    private final CrisisAlertService alerts;

    public CrisisConsumer(EventReader reader, CrisisAlertService alerts) {
        this.reader = reader;
        this.alerts = alerts;
    }

    @Incoming(Channels.CRISES)
    public Uni<Void> consume(String value) {
        var event = reader.read(value, CrisisChanged.class);
        return EventConsumption.untilApplied("crisis event " + event.id(), () -> alerts.record(event));
    }
}
