package io.firebreak.notification.contact;

import io.firebreak.notification.contact.ContactRules.Platform;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/** The REST shapes of contact points and devices. */
public final class ContactDtos {

    private ContactDtos() {
    }

    /** What the mobile app sends at start: its push token, on which platform, in which version and locale. */
    public record RegisterDeviceRequest(
            @NotNull Platform platform,
            @NotBlank String token,
            @Size(max = 40) String appVersion,
            @Size(max = 35) String locale) {
    }

    /** A device as its owner sees it; the token is shown by its last characters only. */
    public record DeviceView(UUID id, Platform platform, String tokenEnding, String appVersion, String locale,
                             Instant registeredAt, Instant rejectedAt, String rejectedReason) {

        static DeviceView of(PushDevice device) {
            String token = device.getToken();
            return new DeviceView(device.getId(), device.getPlatform(),
                    token.substring(Math.max(0, token.length() - 6)), device.getAppVersion(), device.getLocale(),
                    device.getRegisteredAt(), device.getRejectedAt(), device.getRejectedReason());
        }
    }

    /** A daily window, in {@code timeZone}, when only critical crises page the person. */
    public record QuietHoursDto(@NotNull LocalTime from, @NotNull LocalTime until, @NotBlank String timeZone) {
    }

    /** The person's own contact points; an e-mail left out is the one of their identity provider profile. */
    public record ContactRequest(
            @Size(max = 320) String email,
            @Size(max = 16) String phone,
            @NotBlank String language,
            @Valid QuietHoursDto quietHours) {
    }

    public record ContactView(String email, boolean emailFromProfile, String phone, String language,
                              QuietHoursDto quietHours, Instant updatedAt) {
    }
}
