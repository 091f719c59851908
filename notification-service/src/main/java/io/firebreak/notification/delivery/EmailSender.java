package io.firebreak.notification.delivery;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Hands a composed mail to the SMTP server and says whether a failure is worth retrying. */
@ApplicationScoped
public class EmailSender {

    private final ReactiveMailer mailer;

    public EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    /**
     * Accepted by the server, or failed: a 5xx answer or a malformed address is permanent, a 4xx or a
     * connection problem transient.
     */
    public record Outcome(boolean sent, boolean transientFailure, String reason) {
    }

    public Uni<Outcome> send(UUID deliveryId, String to, MailComposer.ComposedMail mail) {
        // Deferred: the mailer refuses a malformed address by throwing, not with a failed Uni.
        return Uni.createFrom().deferred(() -> mailer.send(Mail.withHtml(to, mail.subject(), mail.html())
                        .setText(mail.text())))
                .map(ignored -> new Outcome(true, false, null))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Mail for delivery %s failed: %s", deliveryId, failure.getMessage());
                    if (failure instanceof SMTPException smtp) {
                        return new Outcome(false, !smtp.isPermanent(),
                                "SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage());
                    }
                    if (failure instanceof IllegalArgumentException) {
                        return new Outcome(false, false, "not a deliverable address: " + failure.getMessage());
                    }
                    return new Outcome(false, true, "SMTP server unreachable: " + failure.getMessage());
                });
    }
}
