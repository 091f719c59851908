package io.firebreak.playbook.messaging;

import io.firebreak.events.PublicationChanged;
import io.firebreak.platform.messaging.EventConsumption;
import io.firebreak.platform.messaging.EventReader;
import io.firebreak.playbook.reply.ReplyService;
import io.firebreak.playbook.statement.StatementService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code publishing.publications.v1} → the publication state of the statement or the reply to a critic it reports on
 * (a reply travels as a statement: its id is the statement id). Each applies the event once, and ignores ids not its own.
 */
@ApplicationScoped
public class PublicationConsumer {

    private final EventReader reader;
    private final StatementService statements;
    private final ReplyService replies;

    public PublicationConsumer(EventReader reader, StatementService statements, ReplyService replies) {
        this.reader = reader;
        this.statements = statements;
        this.replies = replies;
    }

    @Incoming(Channels.PUBLICATIONS)
    public Uni<Void> consume(String value) {
        var event = reader.read(value, PublicationChanged.class);
        return EventConsumption.untilApplied("publication event " + event.id(),
                () -> statements.applyPublication(event).chain(() -> replies.applyPublication(event)));
    }
}
