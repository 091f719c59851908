package io.firebreak.notification.crisis;

import io.firebreak.events.CrisisChanged;
import io.firebreak.platform.crisis.CrisisProjection;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A crisis people must hear about: its last announced state decides who is paged and how urgently. */
@Entity
@Table(name = "crisis_alert")
public class CrisisAlert extends CrisisProjection {

    protected CrisisAlert() {
    }

    private CrisisAlert(CrisisChanged crisis) {
        super(crisis);
        apply(crisis);
    }

    static CrisisAlert of(CrisisChanged crisis) {
        return new CrisisAlert(crisis);
    }
}
