package io.firebreak.publishing.publication;

import io.firebreak.publishing.rules.Platform;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class PublicationDtos {

    private PublicationDtos() {
    }

    /** A promotional (non-crisis) post a communicator schedules on one channel. */
    public record ScheduleRequest(@NotNull UUID channelId, @NotBlank @Size(max = 100_000) String text,
                                  @NotNull Instant scheduledAt, boolean allowThread) {
    }

    public record RescheduleRequest(@NotNull Instant scheduledAt) {
    }

    public record ReasonRequest(@Size(max = 1000) String reason) {
    }

    public record HoldAllResponse(int held) {
    }

    public record TransitionView(PublicationState from, PublicationState to, String actor, String reason,
                                 Instant at) {

        static TransitionView of(PublicationTransition transition) {
            return new TransitionView(transition.getFromState(), transition.getToState(), transition.getActor(),
                    transition.getReason(), transition.getAt());
        }
    }

    public record PublicationView(UUID id, UUID statementId, UUID crisisId, UUID channelId, Platform platform,
                                  String text, boolean drill, PublicationState state, Instant scheduledAt,
                                  Instant dueAt, int attempts, String externalId, String url, String lastError,
                                  String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
                                  ReplyToView replyTo, List<TransitionView> history) {

        static PublicationView of(Publication publication, List<PublicationTransition> history) {
            return new PublicationView(publication.getId(), publication.getStatementId(), publication.getCrisisId(),
                    publication.getChannelId(), publication.getPlatform(), publication.getText(), publication.isDrill(),
                    publication.getState(), publication.getScheduledAt(), publication.getDueAt(),
                    publication.getAttempts(), publication.getExternalId(), publication.getUrl(),
                    publication.getLastError(), publication.getCreatedBy(), publication.getCreatedAt(),
                    publication.getUpdatedBy(), publication.getUpdatedAt(), ReplyToView.of(publication),
                    history.stream().map(TransitionView::of).toList());
        }
    }

    /** On a reply, the post it answered (null otherwise): platform as monitoring names it, the post's id and URL. */
    public record ReplyToView(String platform, String postId, String postUrl, String author) {

        static ReplyToView of(Publication publication) {
            return publication.isReply() ? new ReplyToView(publication.getReplyPlatform(),
                    publication.getReplyPostId(), publication.getReplyPostUrl(), publication.getReplyAuthor()) : null;
        }
    }
}
