package io.firebreak.publishing.crisis;

import io.firebreak.events.CrisisChanged;
import io.firebreak.platform.crisis.CrisisProjection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A crisis as this service sees it, kept up to date from {@code playbook.crises.v1}. */
@Entity
@Table(name = "crisis_context")
public class CrisisContext extends CrisisProjection {

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CrisisContext() {
    }

    private CrisisContext(CrisisChanged crisis) {
        super(crisis);
    }

    static CrisisContext from(CrisisChanged crisis, Instant now) {
        CrisisContext context = new CrisisContext(crisis);
        context.apply(crisis, now);
        return context;
    }

    /** Takes the event's state unless this context already reflects a later change. */
    boolean apply(CrisisChanged crisis, Instant now) {
        if (!apply(crisis)) {
            return false;
        }
        updatedAt = now;
        return true;
    }

    /** While a real (not drill) crisis is live, scheduled non-crisis posts must wait. */
    public boolean holdsScheduledPosts() {
        return !isDrill() && getStatus().isLive();
    }
}
