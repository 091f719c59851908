package io.firebreak.notification.sms;

import io.firebreak.notification.config.NotificationConfig;
import io.firebreak.notification.delivery.DeliveryService;
import io.firebreak.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sms/status")
@Tag(name = "SMS delivery reports", description = "Providers' callbacks: was the SMS delivered to the handset")
public class SmsStatusResource {

    private final DeliveryService deliveries;
    private final TwilioSender twilio;
    private final Optional<TwilioSignature> signature;

    public SmsStatusResource(DeliveryService deliveries, TwilioSender twilio, NotificationConfig config) {
        this.deliveries = deliveries;
        this.twilio = twilio;
        this.signature = config.sms().twilio().authToken().map(TwilioSignature::new);
    }

    /**
     * Twilio's StatusCallback: no login, but signed with the account's auth token over the URL Twilio was given
     * and every form field, so nobody else can mark an SMS delivered.
     */
    @POST
    @Path("twilio")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Void> twilio(@HeaderParam("X-Twilio-Signature") String signed, MultivaluedMap<String, String> form) {
        Map<String, String> params = new HashMap<>();
        form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        if (signature.isEmpty() || !signature.get().valid(signed, twilio.callbackUrl(), params)) {
            return Uni.createFrom().failure(new ProblemException(403, "sms-callback-unsigned",
                    "Callback not signed by Twilio", "X-Twilio-Signature does not match this request"));
        }
        String messageId = params.get("MessageSid");
        String status = params.getOrDefault("MessageStatus", "");
        if (messageId == null || messageId.isBlank()) {
            return Uni.createFrom().failure(new ProblemException(400, "sms-callback-invalid",
                    "Invalid delivery report", "MessageSid is missing"));
        }
        return switch (status) {
            case "delivered" -> deliveries.reported(TwilioSender.PROVIDER, messageId, true, null);
            case "undelivered", "failed" -> deliveries.reported(TwilioSender.PROVIDER, messageId, false,
                    "Twilio: " + status + (params.containsKey("ErrorCode") ? " (error " + params.get("ErrorCode")
                            + ")" : ""));
            default -> Uni.createFrom().voidItem();
        };
    }
}
