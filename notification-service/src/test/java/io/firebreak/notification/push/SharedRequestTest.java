package io.firebreak.notification.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SharedRequestTest {

    private final AtomicInteger made = new AtomicInteger();
    private final AtomicReference<UniEmitter<? super String>> answer = new AtomicReference<>();
    private final SharedRequest<String> token = new SharedRequest<>(() -> {
        made.incrementAndGet();
        return Uni.createFrom().<String>emitter(answer::set);
    });

    @Test
    void everyoneAskingWhileARequestIsUnderWaySharesItsAnswer() {
        List<String> received = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            token.get().subscribe().with(received::add);
        }

        answer.get().complete("token-1");

        assertThat(made).hasValue(1);
        assertThat(received).hasSize(200).containsOnly("token-1");
    }

    @Test
    void askingBuildsNothingUntilSomebodyWaitsForIt() {
        Uni<String> first = token.get();
        token.get();

        assertThat(made).hasValue(0);
        first.subscribe().with(ignored -> { });
        assertThat(made).hasValue(1);
    }

    @Test
    void aRequestThatEndedIsMadeAgainForTheNextCaller() {
        token.get().subscribe().with(ignored -> { });
        answer.get().complete("token-1");

        List<String> received = new ArrayList<>();
        token.get().subscribe().with(received::add);
        answer.get().complete("token-2");

        assertThat(made).hasValue(2);
        assertThat(received).containsExactly("token-2");
    }

    @Test
    void aFailureReachesEveryWaiterAndTheNextCallerTriesAgain() {
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            token.get().subscribe().with(ignored -> { }, failures::add);
        }
        answer.get().fail(new IllegalStateException("the token endpoint answered 503"));

        List<String> received = new ArrayList<>();
        token.get().subscribe().with(received::add);
        answer.get().complete("token-2");

        assertThat(failures).hasSize(3).allSatisfy(failure ->
                assertThat(failure).hasMessage("the token endpoint answered 503"));
        assertThat(made).hasValue(2);
        assertThat(received).containsExactly("token-2");
    }
}
