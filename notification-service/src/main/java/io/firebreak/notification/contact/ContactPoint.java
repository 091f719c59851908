package io.firebreak.notification.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** How one person (by OIDC subject) wants to be reached. */
@Entity
@Table(name = "contact_point")
public class ContactPoint {

    public static final String DEFAULT_LANGUAGE = "en";

    @Id
    private String subject;
    private String email;
    private String phone;
    @Column(nullable = false)
    private String language;
    @Column(name = "quiet_from")
    private LocalTime quietFrom;
    @Column(name = "quiet_until")
    private LocalTime quietUntil;
    @Column(name = "time_zone")
    private String timeZone;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ContactPoint() {
    }

    static ContactPoint of(String subject) {
        ContactPoint contact = new ContactPoint();
        contact.subject = subject;
        contact.language = DEFAULT_LANGUAGE;
        return contact;
    }

    void update(String email, String phone, String language, LocalTime quietFrom, LocalTime quietUntil,
                String timeZone, Instant now) {
        this.email = email;
        this.phone = phone;
        this.language = language;
        this.quietFrom = quietFrom;
        this.quietUntil = quietUntil;
        this.timeZone = timeZone;
        this.updatedAt = now;
    }

    public Optional<QuietHours> quietHours() {
        if (quietFrom == null || quietUntil == null) {
            return Optional.empty();
        }
        return Optional.of(new QuietHours(quietFrom, quietUntil, ZoneId.of(timeZone == null ? "UTC" : timeZone)));
    }

    public String getSubject() {
        return subject;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getLanguage() {
        return language;
    }

    public LocalTime getQuietFrom() {
        return quietFrom;
    }

    public LocalTime getQuietUntil() {
        return quietUntil;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
