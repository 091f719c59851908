package io.firebreak.publishing.messaging;

import io.firebreak.events.StatementChanged;
import io.firebreak.platform.messaging.EventConsumption;
import io.firebreak.platform.messaging.EventReader;
import io.firebreak.publishing.publication.PublicationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code playbook.statements.v1} → one publication per statement × channel, or their cancellation. */
@ApplicationScoped
public class StatementConsumer {

    private final EventReader reader;
    private final PublicationService publications;

    public StatementConsumer(EventReader reader, PublicationService publications) {
        this.reader = reader;
        this.publications = publications;
    }

    @Incoming(Channels.STATEMENTS)
    public Uni<Void> consume(String value) {
        var event = reader.read(value, StatementChanged.class);
        return EventConsumption.untilApplied("statement event " + event.id(), () -> publications.applyStatement(event));
    }
}
