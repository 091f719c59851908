package io.firebreak.publishing.rules;

import java.util.List;

/**
 * The platforms a channel can publish to, with what each needs to be reachable: the credential fields an
 * admin must give, whether the account field is required (page id, chat id, organisation id), and the API
 * base URL used when the channel does not name one (a Mastodon instance or a webhook has no default).
 */
public enum Platform {
    MASTODON(null, false, "accessToken"),
    BLUESKY("https://bsky.social", false, "identifier", "appPassword"),
    X("https://api.x.com", false, "accessToken"),
    FACEBOOK_PAGE("https://graph.facebook.com", true, "pageToken"),
    LINKEDIN_ORG("https://api.linkedin.com", true, "accessToken"),
    TELEGRAM("https://api.telegram.org", true, "botToken"),
    SLACK_WEBHOOK(null, false, "webhookUrl"),
    TEAMS_WEBHOOK(null, false, "webhookUrl"),
    GENERIC_WEBHOOK(null, false, "secret"),
    /** Publishes nowhere but into this service: what drills post to. */
    SANDBOX(null, false);

    private final String defaultBaseUrl;
    private final boolean accountRequired;
    private final List<String> credentialFields;

    Platform(String defaultBaseUrl, boolean accountRequired, String... credentialFields) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.accountRequired = accountRequired;
        this.credentialFields = List.of(credentialFields);
    }

    /** The API base URL when the channel gives none; null when the channel must give it. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** True when the channel must name its base URL (an instance, a webhook endpoint). */
    public boolean baseUrlRequired() {
        return defaultBaseUrl == null && (this == MASTODON || this == GENERIC_WEBHOOK);
    }

    public boolean accountRequired() {
        return accountRequired;
    }

    public List<String> credentialFields() {
        return credentialFields;
    }
}
