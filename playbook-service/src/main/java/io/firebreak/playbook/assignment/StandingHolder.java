package io.firebreak.playbook.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Who holds a playbook role in peacetime; copied onto each crisis of the playbook when it is activated. */
@Entity
@Table(name = "standing_holder")
public class StandingHolder {

    @Id
    private UUID id;
    @Column(name = "playbook_id", nullable = false)
    private UUID playbookId;
    @Column(nullable = false)
    private String role;
    @Column(nullable = false)
    private String subject;
    private String username;
    private String email;
    @Column(nullable = false)
    private boolean backup;

    protected StandingHolder() {
    }

    static StandingHolder of(UUID playbookId, String role, Person person, boolean backup) {
        StandingHolder holder = new StandingHolder();
        holder.id = UUID.randomUUID();
        holder.playbookId = playbookId;
        holder.role = role;
        holder.subject = person.subject();
        holder.username = person.username();
        holder.email = person.email();
        holder.backup = backup;
        return holder;
    }

    Person person() {
        return new Person(subject, username, email);
    }

    public UUID getId() {
        return id;
    }

    public UUID getPlaybookId() {
        return playbookId;
    }

    public String getRole() {
        return role;
    }

    public boolean isBackup() {
        return backup;
    }

    public String getSubject() {
        return subject;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }
}
