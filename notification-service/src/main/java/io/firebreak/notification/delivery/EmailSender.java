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

    static final String PROVIDER = "SMTP";

    /**
     * Accepted by the server, or failed: a 5xx answer or a malformed address is permanent, a 4xx or a
     * connection problem transient.
     */
    public Uni<SendOutcome> send(UUID deliveryId, String to, MailComposer.ComposedMail mail) {
        // Deferred: the mailer refuses a malformed address by throwing, not with a failed Uni.
        return Uni.createFrom().deferred(() -> mailer.send(Mail.withHtml(to, mail.subject(), mail.html())
                        .setText(mail.text())))
                .map(ignored -> SendOutcome.sent(PROVIDER))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Mail for delivery %s failed: %s", deliveryId, failure.getMessage());
                    if (failure instanceof SMTPException smtp) {
                        String reason = "SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage();
                        return smtp.isPermanent() ? SendOutcome.permanent(PROVIDER, reason)
                                : SendOutcome.retry(PROVIDER, reason);
                    }
                    if (failure instanceof IllegalArgumentException) {
                        return SendOutcome.permanent(PROVIDER,
                                "not a deliverable address: " + failure.getMessage());
                    }
                    return SendOutcome.retry(PROVIDER, "SMTP server unreachable: " + failure.getMessage());
                });
    }
}
