package io.firebreak.notification.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Severity;
import io.firebreak.notification.contact.QuietHours;
import io.firebreak.notification.escalation.EscalationPlan.Channel;
import io.firebreak.notification.escalation.EscalationPlan.Position;
import io.firebreak.notification.escalation.EscalationPlan.Scheduled;
import io.firebreak.notification.escalation.EscalationPlan.Step;
import io.firebreak.notification.escalation.EscalationPlan.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscalationPlanTest {

    private final EscalationPlan plan = new EscalationPlan(List.of(new Step(Target.PRIMARY, 10),
            new Step(Target.BACKUP, 5), new Step(Target.CRISIS_MANAGER, 15)), 2);

    @Test
    void afterThePrimaryComesTheBackupThenTheManagerThenTheNextRound() {
        assertThat(plan.start()).contains(new Scheduled(new Position(1, 0), Duration.ofMinutes(10)));
        assertThat(plan.following(new Position(1, 0)))
                .contains(new Scheduled(new Position(2, 0), Duration.ofMinutes(5)));
        assertThat(plan.following(new Position(2, 0)))
                .contains(new Scheduled(new Position(0, 1), Duration.ofMinutes(15)));
        assertThat(plan.following(new Position(2, 1))).isEmpty();
    }

    @Test
    void aStepPagesOnTheChannelsItNamesOrOnAll() {
        assertThat(new Step(Target.BACKUP, 5, List.of(Channel.PUSH, Channel.SMS)).pagesOn())
                .containsExactlyInAnyOrder(Channel.PUSH, Channel.SMS);
        assertThat(new Step(Target.BACKUP, 5).pagesOn()).containsExactlyInAnyOrder(Channel.values());
    }

    @Test
    void aStepNamingAnEmptyListOfChannelsIsRefused() {
        assertThat(new EscalationPlan(List.of(new Step(Target.PRIMARY, 10),
                new Step(Target.BACKUP, 5, List.of())), 1).problems())
                .containsExactly("steps[1].channels: at least one of EMAIL, SMS, PUSH (or none given: all)");
    }

    @Test
    void aSingleStepSingleRoundPlanHasNothingToEscalate() {
        assertThat(new EscalationPlan(List.of(new Step(Target.PRIMARY, 10)), 1).start()).isEmpty();
    }

    @Test
    void planThatCanNeverWorkIsRefusedWithItsReasons() {
        assertThat(new EscalationPlan(List.of(new Step(Target.BACKUP, 0)), 0).problems()).containsExactly(
                "steps[0].target: the first step pages the PRIMARY holders",
                "steps[0].waitMinutes: between 1 and 1440",
                "rounds: between 1 and 10");
        assertThat(new EscalationPlan(List.of(), 1).problems()).hasSize(1);
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void quietHoursHoldEveryPageButCriticalOnes() {
        Instant night = Instant.parse("2026-01-15T23:00:00Z");
        var quiet = Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneOffset.UTC));

        assertThat(EscalationPlan.mayPage(Severity.HIGH, quiet, night)).isFalse();
        assertThat(EscalationPlan.mayPage(Severity.CRITICAL, quiet, night)).isTrue();
        assertThat(EscalationPlan.mayPage(Severity.HIGH, quiet, Instant.parse("2026-01-15T12:00:00Z"))).isTrue();
        assertThat(EscalationPlan.mayPage(Severity.LOW, Optional.empty(), night)).isTrue();
    }
}
