package io.firebreak.playbook.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** How fast critics were answered: from the critic's post to the reply being published. */
public final class ReplyStats {

    /** One published reply: when the critic posted, when the answer went out. */
    public record Answer(Instant mentionPublishedAt, Instant replyPublishedAt) {
    }

    private ReplyStats() {
    }

    /** The median answer time, or null when no answer has both times (the mean of the two middle ones if even). */
    public static Duration medianAnswerTime(List<Answer> answers) {
        List<Duration> times = answers.stream()
                .filter(a -> a.mentionPublishedAt() != null && a.replyPublishedAt() != null)
                .map(a -> Duration.between(a.mentionPublishedAt(), a.replyPublishedAt()))
                .filter(Objects::nonNull)
                .sorted(Comparator.naturalOrder())
                .toList();
        if (times.isEmpty()) {
            return null;
        }
        int middle = times.size() / 2;
        if (times.size() % 2 == 1) {
            return times.get(middle);
        }
        return times.get(middle - 1).plus(times.get(middle)).dividedBy(2);
    }
}
