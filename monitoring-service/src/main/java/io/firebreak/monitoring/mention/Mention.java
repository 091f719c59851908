package io.firebreak.monitoring.mention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A post about the brand, with its sentiment and the watches it matched. */
@Entity
@Table(name = "mention")
public class Mention {

    @Id
    private UUID id;
    @Column(nullable = false)
    private String source;
    @Column(name = "external_id", nullable = false)
    private String externalId;
    private String author;
    @Column(nullable = false)
    private String text;
    @Column(nullable = false)
    private String language;
    private String url;
    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;
    private Long reach;
    private Long engagement;
    @Column(name = "sentiment_label", nullable = false)
    private String sentimentLabel;
    @Column(name = "sentiment_score", nullable = false)
    private double sentimentScore;
    @Column(name = "watch_ids", nullable = false)
    private String watchIds;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    /** Whether the post asks something (QuestionDetector): it then needs an answer first. */
    @Column(nullable = false)
    private boolean question;
    /** Its inbox rows' rank (MentionPriority), by which the retention purge finds them; null when it matched none. */
    @Column(name = "priority_rank")
    private Double priorityRank;

    protected Mention() {
    }

    public UUID getId() {
        return id;
    }

    public String getSource() {
        return source;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getAuthor() {
        return author;
    }

    public String getText() {
        return text;
    }

    public String getLanguage() {
        return language;
    }

    public String getUrl() {
        return url;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Long getReach() {
        return reach;
    }

    public Long getEngagement() {
        return engagement;
    }

    public String getSentimentLabel() {
        return sentimentLabel;
    }

    public double getSentimentScore() {
        return sentimentScore;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public boolean isQuestion() {
        return question;
    }

    /** What the mention weighs in the inbox, whatever its age (MentionPriority). */
    public double intrinsicPriority() {
        return MentionPriority.intrinsic(reach, engagement, sentimentLabel, sentimentScore, question);
    }

    public List<UUID> getWatchIds() {
        return watchIds(watchIds);
    }

    /** The watch ids of the {@code watch_ids} column: comma-separated, empty when the mention matched none. */
    static List<UUID> watchIds(String column) {
        return column.isEmpty() ? List.of() : Arrays.stream(column.split(",")).map(UUID::fromString).toList();
    }

    /** The {@code watch_ids} column's value for these watch ids, as {@link #watchIds(String)} reads it. */
    static String watchIdsColumn(List<UUID> watchIds) {
        StringBuilder column = new StringBuilder(watchIds.size() * 37);
        for (UUID watchId : watchIds) {
            if (!column.isEmpty()) {
                column.append(',');
            }
            column.append(watchId);
        }
        return column.toString();
    }
}
