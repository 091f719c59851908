package io.firebreak.publishing.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who moved a publication, from what to what, when and why: the audit trail of cancels, holds and sends. */
@Entity
@Table(name = "publication_transition")
public class PublicationTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "publication_id", nullable = false)
    private UUID publicationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private PublicationState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    private PublicationState toState;
    @Column(nullable = false)
    private String actor;
    private String reason;
    @Column(nullable = false)
    private Instant at;

    protected PublicationTransition() {
    }

    static PublicationTransition of(UUID publicationId, PublicationState from, PublicationState to, String actor,
                                    String reason, Instant at) {
        PublicationTransition transition = new PublicationTransition();
        transition.publicationId = publicationId;
        transition.fromState = from;
        transition.toState = to;
        transition.actor = actor;
        transition.reason = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
        transition.at = at;
        return transition;
    }

    public PublicationState getFromState() {
        return fromState;
    }

    public PublicationState getToState() {
        return toState;
    }

    public String getActor() {
        return actor;
    }

    public String getReason() {
        return reason;
    }

    public Instant getAt() {
        return at;
    }
}
