package io.firebreak.playbook.crisis;

import io.firebreak.events.CrisisStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which state a crisis may enter from which. A contained crisis may flare up again (back to ACTIVE); a
 * proposal or a live crisis that turns out to be nothing is DISMISSED; only a resolved crisis is reviewed.
 */
public final class CrisisLifecycle {

    private static final Map<CrisisStatus, Set<CrisisStatus>> NEXT = Map.of(
            CrisisStatus.PROPOSED, EnumSet.of(CrisisStatus.ACTIVE, CrisisStatus.DISMISSED),
            CrisisStatus.ACTIVE, EnumSet.of(CrisisStatus.CONTAINED, CrisisStatus.RESOLVED, CrisisStatus.DISMISSED),
            CrisisStatus.CONTAINED, EnumSet.of(CrisisStatus.ACTIVE, CrisisStatus.RESOLVED),
            CrisisStatus.RESOLVED, EnumSet.of(CrisisStatus.REVIEWED),
            CrisisStatus.REVIEWED, EnumSet.noneOf(CrisisStatus.class),
            CrisisStatus.DISMISSED, EnumSet.noneOf(CrisisStatus.class));

    private CrisisLifecycle() {
    }

    public static boolean allows(CrisisStatus from, CrisisStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static Set<CrisisStatus> next(CrisisStatus from) {
        return EnumSet.copyOf(NEXT.get(from));
    }
}
