package io.firebreak.notification.contact;

import io.firebreak.notification.Chunked;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class ContactPointRepository implements PanacheRepositoryBase<ContactPoint, String> {

    private final Pool pool;

    public ContactPointRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ContactPoint>> ofSubjects(List<String> subjects) {
        return Chunked.list(subjects, chunk -> list("subject in ?1", chunk));
    }

    /** Where a person can be reached, as read for queueing their deliveries. */
    public record Address(String subject, String email, String phone, String language) {
    }

    /**
     * The addresses of all these people in one statement, read outside the caller's session: a crisis queues
     * thousands at once, and as many managed entities made every later flush of its transaction check them all.
     */
    public Uni<List<Address>> addressesOf(List<String> subjects) {
        return pool.preparedQuery("select subject, email, phone, language from contact_point where subject = any($1)")
                .execute(Tuple.of(subjects.toArray(String[]::new)))
                .map(rows -> {
                    List<Address> addresses = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        addresses.add(new Address(row.getString("subject"), row.getString("email"),
                                row.getString("phone"), row.getString("language")));
                    }
                    return addresses;
                });
    }
}
