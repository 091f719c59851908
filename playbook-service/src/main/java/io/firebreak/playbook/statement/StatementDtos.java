package io.firebreak.playbook.statement;

import io.firebreak.playbook.client.ChannelValidation;
import io.firebreak.playbook.client.ToneResult;
import io.firebreak.playbook.playbook.PlaybookDefinition.Phase;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The REST shapes of statements. */
public final class StatementDtos {

    static final int TEXT_MAX = 20_000;

    private StatementDtos() {
    }

    /**
     * A new draft for one channel and language. Without {@code text}, it is rendered from the crisis playbook's
     * template for that phase, channel and language, with {@code values} filling the placeholders.
     * {@code channelIds}: the publishing channels it is meant for (absent: {@code channel}, when it is a channel
     * id); the text is checked against their rules as it is written.
     */
    public record DraftRequest(
            @NotNull Phase phase,
            @NotBlank @Size(max = 200) String channel,
            @NotBlank @Pattern(regexp = "^[a-z]{2,3}$") String language,
            @Size(max = TEXT_MAX) String text,
            Map<String, String> values,
            @Size(max = 50) List<@NotNull UUID> channelIds) {
    }

    public record EditRequest(@NotBlank @Size(max = TEXT_MAX) String text) {
    }

    /**
     * Approval and schedule: {@code scheduledAt} is a wall-clock time in {@code zone} (absent: publish now).
     * {@code channelIds}: publishing-service channels; absent when the statement's channel is itself an id.
     */
    public record ApproveRequest(LocalDateTime scheduledAt, @Size(max = 64) String zone,
                                 @Size(max = 50) List<@NotNull UUID> channelIds) {
    }

    public record CancelRequest(@Size(max = 2000) String reason) {
    }

    public record StatementView(UUID id, UUID crisisId, Phase phase, String channel, String language, String text,
                                Statement.Status status, String author, Instant createdAt, Instant updatedAt,
                                String toneVerdict, List<ToneResult.Finding> toneFindings, Instant toneCheckedAt,
                                String toneBlockedReason, String approvedBy, Instant approvedAt,
                                Instant scheduledAt, String scheduleZone, List<UUID> channelIds,
                                String cancelledBy, Instant cancelledAt, Instant publishedAt,
                                String publicationUrl, String publicationError, ChannelCheckView channelCheck) {
    }

    /**
     * The text against its target channels' rules: {@code status} (null when no channel is targeted yet),
     * {@code problems} (what is wrong and where, one line per refusing channel), {@code reason} (why the check is
     * pending or failed as a whole), and each channel's verdict.
     */
    public record ChannelCheckView(ChannelCheck.Status status, Instant checkedAt, String reason,
                                   List<String> problems, List<ChannelValidation.Verdict> channels) {
    }
}
