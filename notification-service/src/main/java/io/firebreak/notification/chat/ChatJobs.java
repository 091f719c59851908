package io.firebreak.notification.chat;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Posts due crisis alerts to team chats; every replica runs it, each post is claimed by one of them. */
@ApplicationScoped
public class ChatJobs {

    private final ChatService chat;

    public ChatJobs(ChatService chat) {
        this.chat = chat;
    }

    @Scheduled(identity = "chat-posts", every = "${notification.delivery.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> postDue() {
        return chat.postDue()
                .onFailure().invoke(failure -> Log.warnf("Chat pass failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
