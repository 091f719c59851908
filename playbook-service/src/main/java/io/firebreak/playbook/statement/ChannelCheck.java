package io.firebreak.playbook.statement;

import io.firebreak.playbook.client.ChannelValidation;
import io.firebreak.playbook.client.ChannelValidation.Verdict;
import java.util.List;

/**
 * Where a statement stands against its target channels' rules. PENDING: not checked yet for this text (or the last
 * answer was lost); UNAVAILABLE: publishing-service could not be asked, approval waits; FAILED: at least one channel
 * refuses the text (or publishing-service refused the request), approval is refused; OK: every channel takes it.
 */
public final class ChannelCheck {

    public enum Status { PENDING, OK, FAILED, UNAVAILABLE }

    private ChannelCheck() {
    }

    public static Status statusOf(ChannelValidation validation) {
        boolean allOk = validation.ok() && !validation.channels().isEmpty()
                && validation.channels().stream().allMatch(Verdict::ok);
        return allOk ? Status.OK : Status.FAILED;
    }

    public static boolean approvable(Status status) {
        return status == Status.OK;
    }

    /** One line per refusing channel: which channel, what is wrong, and where in the text. */
    public static List<String> problems(List<Verdict> verdicts) {
        return verdicts.stream().filter(v -> !v.ok()).map(ChannelCheck::describe).toList();
    }

    static String describe(Verdict v) {
        StringBuilder line = new StringBuilder("channel ").append(v.channelId());
        if (v.platform() != null) {
            line.append(" (").append(v.platform()).append(')');
        }
        line.append(": ").append(v.problem() == null ? "refused" : v.problem());
        if ("TOO_LONG".equals(v.problem()) || v.overflow() > 0) {
            line.append(", ").append(v.length()).append(" of ").append(v.limit()).append(" allowed, ")
                    .append(v.overflow()).append(" over");
        }
        if (v.overflowAt() != null) {
            line.append(", from character ").append(v.overflowAt());
        }
        if (v.detail() != null && !v.detail().isBlank()) {
            line.append(" — ").append(v.detail());
        }
        return line.toString();
    }
}
