package io.firebreak.playbook.reply;

import io.firebreak.playbook.client.ToneResult;
import io.firebreak.playbook.playbook.PlaybookDefinition.Complaint;
import io.firebreak.playbook.statement.StatementDtos.ChannelCheckView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The REST shapes of the crisis inbox and of replies to critics. */
public final class ReplyDtos {

    static final int TEXT_MAX = 5000;

    private ReplyDtos() {
    }

    /**
     * A reply to one mention. {@code channelId}: the publishing channel to answer from (absent: the crisis' planned
     * channel on the mention's platform, when there is exactly one); {@code templateKey}: the reply template to start
     * from (absent: the one for the mention's language and complaint); {@code text}: a free-written reply instead.
     */
    public record DraftReplyRequest(@NotNull UUID mentionId, UUID channelId, @Size(max = 100) String templateKey,
                                    @Size(max = TEXT_MAX) String text) {
    }

    public record EditReplyRequest(@NotBlank @Size(max = TEXT_MAX) String text) {
    }

    public record RejectReplyRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** The post a reply answers, as monitoring-service had it when the reply was drafted. */
    public record MentionRef(UUID id, String source, String externalId, String url, String author,
                             Instant publishedAt) {
    }

    /**
     * A reply. {@code suggestedText}: the template's text for this critic (null for a free-written reply);
     * {@code fromTemplate}: the text is exactly that suggestion, which the playbook's policy may let out after the
     * tone check alone; {@code approval}: POLICY or APPROVER once approved, with {@code approvedBy}
     * ({@code policy:template} for the policy) and {@code sentBy}.
     */
    public record ReplyView(UUID id, UUID crisisId, MentionRef mention, Complaint complaint, String templateKey,
                            String suggestedText, boolean fromTemplate, String language, String text,
                            UUID channelId, Reply.Status status, String author, Instant createdAt,
                            Instant updatedAt, String toneVerdict, List<ToneResult.Finding> toneFindings,
                            Instant toneCheckedAt, String toneBlockedReason, ChannelCheckView channelCheck,
                            String sentBy, Instant sentAt, Reply.Approval approval, String approvedBy,
                            Instant approvedAt, String rejectedBy, Instant rejectedAt, String rejectionReason,
                            Instant publishedAt, String publicationUrl, String publicationExternalId,
                            String publicationError) {
    }

    /**
     * One mention of the crisis' watch, as monitoring-service ranks it, and whether it is answered: {@code answered}
     * when a reply other than a rejected one exists (drafted, waiting, sent or published), with the latest reply's
     * id and status (also a rejected one).
     */
    public record InboxItem(UUID mentionId, String source, String externalId, String author, String text, String url,
                            String language, Instant publishedAt, Long reach, Long engagement,
                            String sentimentLabel, Double sentimentScore, Boolean question, Double priority,
                            boolean answered, UUID replyId, Reply.Status replyStatus) {
    }

    /**
     * How the crisis answered its critics, for the review: replies drafted, published, critics answered (distinct
     * posts with a published reply), the median time from the critic's post to the reply's publication, and what
     * each answered critic posted afterwards (by sentiment); {@code followUpsUnavailable} says why that part is
     * missing when monitoring-service could not be asked.
     */
    public record RepliesSummary(int drafted, int published, int rejected, int failed, int criticsAnswered,
                                 java.time.Duration medianAnswerTime, List<FollowUp> followUps,
                                 String followUpsUnavailable) {
    }

    /** What one answered critic posted after the reply went out, on the same platform, counted by sentiment. */
    public record FollowUp(UUID replyId, String critic, String platform, Instant repliedAt, int posts, int negative,
                           int neutral, int positive) {
    }
}
