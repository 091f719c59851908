package io.firebreak.notification.sms;

import io.firebreak.notification.delivery.SendOutcome;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends an SMS through Twilio and, when Twilio cannot take it now (throttled, down, unreachable) or is not
 * configured, through Vonage. A permanent refusal (an invalid number) is not tried elsewhere: it would fail there
 * too.
 */
@ApplicationScoped
public class SmsSender {

    private final TwilioSender twilio;
    private final VonageSender vonage;

    public SmsSender(TwilioSender twilio, VonageSender vonage) {
        this.twilio = twilio;
        this.vonage = vonage;
    }

    public boolean configured() {
        return twilio.configured() || vonage.configured();
    }

    public Uni<SendOutcome> send(String to, String body) {
        if (!twilio.configured()) {
            return vonage.send(to, body);
        }
        return twilio.send(to, body).chain(outcome -> {
            if (outcome.sent() || !outcome.transientFailure() || !vonage.configured()) {
                return Uni.createFrom().item(outcome);
            }
            Log.infof("Twilio failed (%s): failing over to Vonage", outcome.reason());
            return vonage.send(to, body).map(fallback -> fallback.sent() ? fallback
                    : new SendOutcome(fallback.provider(), false, fallback.transientFailure(), false,
                            outcome.reason() + "; then " + fallback.reason(), outcome.retryAfter(), null));
        });
    }
}
