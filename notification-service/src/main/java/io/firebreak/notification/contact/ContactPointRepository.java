package io.firebreak.notification.contact;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ContactPointRepository implements PanacheRepositoryBase<ContactPoint, String> {
}
