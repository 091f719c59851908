package io.firebreak.notification.contact;

import io.firebreak.notification.contact.ContactDtos.ContactRequest;
import io.firebreak.notification.contact.ContactDtos.ContactView;
import io.firebreak.notification.contact.ContactDtos.DeviceView;
import io.firebreak.notification.contact.ContactDtos.QuietHoursDto;
import io.firebreak.notification.contact.ContactDtos.RegisterDeviceRequest;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Each person's own contact points and devices: every method is scoped to the caller's subject. */
@ApplicationScoped
public class ContactService {

    private final ContactPointRepository contacts;
    private final PushDeviceRepository devices;
    private final Clock clock;

    public ContactService(ContactPointRepository contacts, PushDeviceRepository devices, Clock clock) {
        this.contacts = contacts;
        this.devices = devices;
        this.clock = clock;
    }

    /** A device the app registered, and whether this call created it (a known token is refreshed instead). */
    public record Registration(DeviceView device, boolean created) {
    }

    @WithTransaction
    public Uni<Registration> register(String subject, RegisterDeviceRequest request) {
        Optional<String> tokenProblem = ContactRules.deviceTokenProblem(request.platform(), request.token());
        if (tokenProblem.isPresent()) {
            return Uni.createFrom().failure(ProblemException.invalid("invalid-device-token",
                    "token " + tokenProblem.get(), List.of(new Problem.FieldError("token", tokenProblem.get()))));
        }
        return devices.ofOwnerWithToken(subject, request.token()).chain(known -> {
            if (known != null) {
                known.refresh(request.appVersion(), request.locale());
                return Uni.createFrom().item(new Registration(DeviceView.of(known), false));
            }
            PushDevice device = PushDevice.registered(subject, request.platform(), request.token(),
                    request.appVersion(), request.locale(), now());
            return devices.persist(device)
                    .invoke(() -> Log.infof("Device %s (%s) registered for %s", device.getId(),
                            device.getPlatform(), subject))
                    .map(saved -> new Registration(DeviceView.of(saved), true));
        });
    }

    @WithSession
    public Uni<List<DeviceView>> devices(String subject) {
        return devices.ofOwner(subject).map(list -> list.stream().map(DeviceView::of).toList());
    }

    /** Someone else's device is answered as unknown: its existence is not theirs to learn. */
    @WithTransaction
    public Uni<Void> removeDevice(String subject, UUID id) {
        return devices.ofOwner(subject, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("device", id))
                .chain(devices::delete)
                .invoke(() -> Log.infof("Device %s removed by %s", id, subject));
    }

    @WithSession
    public Uni<ContactView> contact(String subject, String profileEmail) {
        return contacts.findById(subject)
                .map(known -> view(known == null ? ContactPoint.of(subject) : known, profileEmail));
    }

    @WithTransaction
    public Uni<ContactView> updateContact(String subject, String profileEmail, ContactRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ContactRules.phoneProblem(request.phone()).ifPresent(p -> errors.add(new Problem.FieldError("phone", p)));
        ContactRules.emailProblem(request.email()).ifPresent(p -> errors.add(new Problem.FieldError("email", p)));
        ContactRules.languageProblem(request.language())
                .ifPresent(p -> errors.add(new Problem.FieldError("language", p)));
        QuietHoursDto quiet = request.quietHours();
        if (quiet != null) {
            ContactRules.timeZoneProblem(quiet.timeZone())
                    .ifPresent(p -> errors.add(new Problem.FieldError("quietHours.timeZone", p)));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid("invalid-contact",
                    "the contact points are not valid", errors));
        }
        return contacts.findById(subject).chain(known -> {
            ContactPoint contact = known != null ? known : ContactPoint.of(subject);
            contact.update(request.email(), request.phone(), request.language(),
                    quiet == null ? null : quiet.from(), quiet == null ? null : quiet.until(),
                    quiet == null ? null : quiet.timeZone(), now());
            Log.infof("Contact points of %s updated", subject);
            return known != null ? Uni.createFrom().item(contact) : contacts.persist(contact);
        })
                .map(contact -> view(contact, profileEmail));
    }

    /** The stored contact points of a person, for the delivery and escalation features. */
    @WithSession
    public Uni<Optional<ContactPoint>> of(String subject) {
        return contacts.findById(subject).map(Optional::ofNullable);
    }

    private static ContactView view(ContactPoint contact, String profileEmail) {
        boolean fromProfile = contact.getEmail() == null;
        QuietHoursDto quiet = contact.getQuietFrom() == null ? null
                : new QuietHoursDto(contact.getQuietFrom(), contact.getQuietUntil(), contact.getTimeZone());
        return new ContactView(fromProfile ? profileEmail : contact.getEmail(), fromProfile, contact.getPhone(),
                contact.getLanguage(), quiet, contact.getUpdatedAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
