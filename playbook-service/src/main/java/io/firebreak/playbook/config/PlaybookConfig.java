package io.firebreak.playbook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** playbook-service's own settings ({@code playbook.*}); defaults here and in application.properties. */
@ConfigMapping(prefix = "playbook")
public interface PlaybookConfig {

    Replies replies();

    interface Replies {

        /**
         * How far before the crisis was detected (or proposed) the inbox looks for critics: the posts that started
         * the surge came before the signal.
         */
        @WithDefault("PT24H")
        Duration inboxLookback();
    }
}
