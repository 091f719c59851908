package io.firebreak.playbook.messaging;

import io.firebreak.events.PublicationChanged;
import io.firebreak.platform.messaging.EventConsumption;
import io.firebreak.platform.messaging.EventReader;
import io.firebreak.playbook.statement.StatementService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code publishing.publications.v1} → the statement's publication state. */
@ApplicationScoped
public class PublicationConsumer {

    private final EventReader reader;
    private final StatementService statements;

    public PublicationConsumer(EventReader reader, StatementService statements) {
        this.reader = reader;
        this.statements = statements;
    }

    @Incoming(Channels.PUBLICATIONS)
    public Uni<Void> consume(String value) {
        var event = reader.read(value, PublicationChanged.class);
        return EventConsumption.untilApplied("publication event " + event.id(),
                () -> statements.applyPublication(event));
    }
}
