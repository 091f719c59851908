package io.firebreak.notification.contact;

import io.firebreak.notification.Chunked;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ContactPointRepository implements PanacheRepositoryBase<ContactPoint, String> {

    public Uni<List<ContactPoint>> ofSubjects(List<String> subjects) {
        return Chunked.list(subjects, chunk -> list("subject in ?1", chunk));
    }
}
