package io.firebreak.notification.crisis;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CrisisAlertRepository implements PanacheRepositoryBase<CrisisAlert, UUID> {
}
