package io.firebreak.monitoring.watch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What to listen for: a query, and the languages and sources it applies to (none listed: all). */
@Entity
@Table(name = "watch")
public class Watch {

    @Id
    private UUID id;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String query;
    @Column(nullable = false)
    private String languages;
    @Column(nullable = false)
    private String sources;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Watch() {
    }

    static Watch create(String name, String query, List<String> languages, List<String> sources, String createdBy,
                        Instant now) {
        Watch watch = new Watch();
        watch.id = UUID.randomUUID();
        watch.createdBy = createdBy;
        watch.createdAt = now;
        watch.change(name, query, languages, sources, now);
        return watch;
    }

    void change(String name, String query, List<String> languages, List<String> sources, Instant now) {
        this.name = name;
        this.query = query;
        this.languages = String.join(",", languages);
        this.sources = String.join(",", sources);
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getQuery() {
        return query;
    }

    public List<String> getLanguages() {
        return split(languages);
    }

    public List<String> getSources() {
        return split(sources);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
